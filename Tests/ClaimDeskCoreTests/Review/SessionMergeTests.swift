@testable import ClaimDeskCore
import Foundation
import Testing

@Suite struct SessionMergeTests {
    static func merged() -> SessionMerge {
        let (ana, bob) = AgreementReportTests.twoAnalysts()
        return SessionMerge([.init(name: "ana", session: ana), .init(name: "bob", session: bob)], analyst: "ed", time: ReviewSessions.time)
    }

    @Test func keepsWhatBothAgreeOnOnceAndEveryDisagreementAsAConflict() throws {
        let merge = Self.merged()
        let session = merge.session
        // One claim and both mentions agree, and so does nothing else: Bob's shorter quote shares
        // under half its characters with Ana's, so each side has a claim the other lacks.
        #expect(merge.agreed == 3)
        #expect(session.claims.count == 5)
        #expect(session.mentions.count == 2)
        let conflicts = session.orderedConflicts
        #expect(conflicts.map(\.id) == ["x1", "x2", "x3", "x4", "x5"])
        #expect(conflicts.map(\.subject) == ["c2", "c4", "c3", "c5", "st1"], "reading order, then stances")
        #expect(conflicts.prefix(4).allSatisfy { $0.disagreements == [MergeDisagreement.onlyInSome] })
        #expect(conflicts[4].disagreements == ["stance label", "evidence"])
        // The version a session lacks is recorded as none, with its session and analyst.
        #expect(conflicts[0].versions.map(\.session) == ["ana", "bob"])
        #expect(conflicts[0].versions[1].record == nil)
        #expect(conflicts[1].versions[0].record == nil)
    }

    @Test func laterSessionsAreRenumberedAndTheirReferencesFollow() throws {
        let session = Self.merged().session
        // Bob's claims c2 and c3 (neither matched) become c4 and c5, after Ana's c1–c3.
        let bobsTanker = try #require(session.claims["c4"])
        #expect(bobsTanker.anchor.exact == "Iran’s navy seized a tanker.")
        #expect(bobsTanker.provenance == Provenance(session: "bob", analyst: "bob", id: "c2"))
        #expect(session.claims["c2"]?.provenance == Provenance(session: "ana", analyst: "ana", id: "c2"))
        // Bob's "Analysts" (his src3) is new to the registry: src4. His claimant reference follows it.
        let analysts = try #require(session.claims["c5"]?.claimant)
        #expect(session.sources[analysts]?.name == "Analysts")
        #expect(analysts == "src4")
        // His stance on the same proposition is in the conflict under Ana's ids.
        let stance = try #require(session.conflicts["x5"]?.versions[1].record)
        guard case .stance(let bobs) = stance else { Issue.record("not a stance"); return }
        #expect(bobs.id == "st1" && bobs.holder == "src3" && bobs.target == "pr1" && bobs.label == "neutral")
        #expect(session.counters["c"] == 5 && session.counters["x"] == 5)
    }

    @Test func sourcesJoinByNameOrAliasFoldedAndTheJoinIsReported() throws {
        let merge = Self.merged()
        #expect(merge.joinedSources.map { "\($0.id)→\($0.into)" } == ["src1→src1", "src2→src2", "src4→src3"])
        // "officials" is Ana's "Officials" with another case: the same name, no alias added.
        #expect(merge.session.sources["src1"]?.aliases == [])
        #expect(merge.session.sources.count == 4)
        let lines = merge.textLines(output: "desk.json")
        #expect(lines[0] == "Merged 2 sessions (ana, bob) into desk.json: 1 article, 4 sources, 9 annotations")
        #expect(lines.contains("  annotations: 3 agreed, 5 conflicts (4 only in some, 1 with different labels or spans)"))
        #expect(lines.contains("    bob src1 “officials” → src1 “Officials”"))
    }

    @Test func anAliasJoinsSourcesAndAddsTheOtherSpelling() throws {
        var ana = ReviewSessions.Builder(analyst: "ana")
        let reyes = ana.source("Thomas Reyes")
        if var source = ana.session.sources[reyes] { source.aliases = ["Gen. Reyes"]; ana.session.put(.source(source)) }
        var bob = ReviewSessions.Builder(analyst: "bob")
        bob.claim("“We will not escalate.”", by: "GEN. REYES")
        let merge = SessionMerge([.init(name: "ana", session: ana.session), .init(name: "bob", session: bob.session)], analyst: "ed",
                                 time: ReviewSessions.time)
        #expect(merge.joinedSources.first?.sharedName == "Gen. Reyes")
        #expect(merge.session.sources.count == 1)
        #expect(merge.session.claims["c1"]?.claimant == reyes)
        #expect(merge.textLines(output: "o").contains("    bob src1 “GEN. REYES” → src1 “Thomas Reyes” (shared name “Gen. Reyes”)"))
    }

    @Test func threeSessionsAgreeOnlyWhereAllDo() throws {
        var builders = ["ana", "bob", "cy"].map { ReviewSessions.Builder(analyst: $0) }
        for i in builders.indices { builders[i].claim("Officials said the strait was closed.", by: "Officials") }
        builders[0].claim("Analysts expect talks to resume.", verdict: "true")
        builders[1].claim("Analysts expect talks to resume.", verdict: "false")
        builders[2].claim("Analysts expect talks to resume.", verdict: "true")
        let merge = SessionMerge(builders.map { .init(name: $0.session.analyst, session: $0.session) }, analyst: "ed", time: ReviewSessions.time)
        #expect(merge.agreed == 1)
        let conflict = try #require(merge.session.orderedConflicts.first)
        #expect(conflict.disagreements == ["verdict"])
        #expect(conflict.versions.map(\.analyst) == ["ana", "bob", "cy"])
        #expect(merge.session.claims.count == 2, "matched across all three, so one id each")
    }

    @Test func theMergedSessionSavesOpensAndMatchesItsSchemaShape() throws {
        let session = Self.merged().session
        let data = SessionDocument.encode(session)
        let reopened = try SessionDocument.decode(data)
        #expect(reopened.orderedConflicts == session.orderedConflicts)
        #expect(reopened.claims == session.claims)
        #expect(SessionDocument.encode(reopened) == data, "deterministic")
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let first = try #require((json["conflicts"] as? [[String: Any]])?.first)
        #expect(Set(first.keys) == ["created", "disagreements", "id", "subject", "versions"])
    }

    @Test func aSessionWithoutConflictsHasNoConflictsField() throws {
        let (ana, _) = AgreementReportTests.twoAnalysts()
        let text = String(decoding: SessionDocument.encode(ana), as: UTF8.self)
        #expect(!text.contains("\"conflicts\""))
    }

    @Test func aConflictWhoseVersionIsAnotherAnnotationIsRefusedWithItsPath() throws {
        var session = Self.merged().session
        var conflict = try #require(session.conflicts["x1"])
        conflict.subject = "c1"
        session.put(.conflict(conflict))
        #expect(throws: SessionDocumentError.self) { try SessionDocument.decode(SessionDocument.encode(session)) }
        do {
            _ = try SessionDocument.decode(SessionDocument.encode(session))
        } catch {
            #expect(error.message == "at conflicts[0].versions[0].record: a version must be a claim with the id c1")
        }
    }
}

@Suite struct SessionMergeFragmentTests {
    /// A session whose one claim is "Gen. Reyes said" + the quote, in two fragments (or the quote alone).
    static func session(_ analyst: String, fragments: [String]) -> Session {
        var builder = ReviewSessions.Builder(analyst: analyst)
        let id = builder.claim(fragments[0], by: "Gen. Reyes")
        if var claim = builder.session.claims[id] {
            claim.moreFragments = fragments.dropFirst().map {
                Anchor(article: "a1", range: ReviewSessions.range($0), in: builder.article.content)
            }
            builder.session.put(.claim(claim))
        }
        return builder.session
    }

    @Test func spansInFragmentsAgreeOnlyWhenEveryFragmentDoes() throws {
        let both = ["Gen. Reyes said", "“We will not escalate.”"]
        let same = SessionMerge([.init(name: "ana", session: Self.session("ana", fragments: both)),
                                 .init(name: "bob", session: Self.session("bob", fragments: both))], analyst: "ed", time: ReviewSessions.time)
        #expect(same.agreed == 1 && same.session.conflicts.isEmpty)
        #expect(same.session.claims["c1"]?.moreFragments.map(\.exact) == ["“We will not escalate.”"])
        let other = SessionMerge([.init(name: "ana", session: Self.session("ana", fragments: both)),
                                  .init(name: "bob", session: Self.session("bob", fragments: ["Gen. Reyes said", "We will not escalate."]))],
                                 analyst: "ed", time: ReviewSessions.time)
        #expect(other.session.orderedConflicts.first?.disagreements == ["span"])
        guard case .claim(let bobs)? = other.session.orderedConflicts.first?.versions[1].record else {
            Issue.record("no claim version")
            return
        }
        #expect(bobs.moreFragments.map(\.exact) == ["We will not escalate."], "the fragments survive the merge")
    }
}
