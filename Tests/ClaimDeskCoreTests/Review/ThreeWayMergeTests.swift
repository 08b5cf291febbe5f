@testable import ClaimDeskCore
import Testing

@Suite struct ThreeWayMergeTests {
    static func base() -> ReviewSessions.Builder {
        var base = ReviewSessions.Builder(analyst: "ana")
        base.claim("Officials said the strait was closed.", by: "Officials")
        base.claim("“We will not escalate.”", by: "Gen. Reyes", kind: "prediction")
        return base
    }

    static func merge(_ base: Session, _ ours: Session, _ theirs: Session) -> ThreeWayMerge {
        ThreeWayMerge(base: base, ours: ours, theirs: theirs, names: (ours: "ours", theirs: "theirs"), time: ReviewSessions.time)
    }

    @Test func changesToDifferentRecordsMergeCleanly() throws {
        let base = Self.base()
        var ours = base, theirs = base
        ours.session.claims["c1"]?.verdict = "true"
        theirs.session.claims["c2"]?.kind = "opinion"
        let merge = Self.merge(base.session, ours.session, theirs.session)
        #expect(merge.session.conflicts.isEmpty && merge.failure == nil)
        #expect(merge.session.claims["c1"]?.verdict == "true")
        #expect(merge.session.claims["c2"]?.kind == "opinion")
    }

    @Test func aFieldBothSidesChangedDifferentlyIsAConflictWithBothVersions() throws {
        let base = Self.base()
        var ours = base, theirs = base
        ours.session.claims["c2"]?.kind = "factual"
        theirs.session.claims["c2"]?.kind = "opinion"
        let merge = Self.merge(base.session, ours.session, theirs.session)
        let conflict = try #require(merge.session.conflicts["x1"])
        #expect(conflict.subject == "c2" && conflict.disagreements == ["kind"])
        #expect(conflict.versions.map(\.session) == ["ours", "theirs"])
        #expect(merge.session.claims["c2"]?.kind == "factual", "the session holds ours until curated")
    }

    @Test func aSideThatOnlyAddedANoteGivesWayToTheOthersFieldsAndKeepsItsNote() throws {
        let base = Self.base()
        var ours = base, theirs = base
        ours.session.claims["c1"]?.notes = [Note(id: "n1", text: "checked", author: "ana", created: ReviewSessions.time)]
        theirs.session.claims["c1"]?.verdict = "mixed"
        let merge = Self.merge(base.session, ours.session, theirs.session)
        #expect(merge.session.conflicts.isEmpty)
        #expect(merge.session.claims["c1"]?.verdict == "mixed")
        #expect(merge.session.claims["c1"]?.notes.map(\.text) == ["checked"])
    }

    @Test func bothSidesAddingTheSameIdRenumbersTheirsAndItsReferencesFollow() throws {
        let base = Self.base()
        var ours = base, theirs = base
        ours.claim("Analysts expect talks to resume.", by: "Analysts")          // c3, src3 Analysts
        theirs.claim("The Daily Courier reported that Iran’s navy seized a tanker.", by: "The Daily Courier")   // c3, src3 Courier
        theirs.claim("Iran’s navy seized a tanker.", by: "Analysts")            // c4, src4 "Analysts": our src3 by name
        let merge = Self.merge(base.session, ours.session, theirs.session)
        let session = merge.session
        #expect(session.conflicts.isEmpty)
        #expect(session.claims.count == 5)
        #expect(session.claims["c3"]?.anchor.exact == "Analysts expect talks to resume.")
        let renumbered = try #require(session.claims.values.first { $0.anchor.exact.hasPrefix("The Daily Courier") })
        #expect(renumbered.id == "c5")
        #expect(session.sources[try #require(renumbered.claimant)]?.name == "The Daily Courier")
        #expect(session.claims["c4"]?.claimant == "src3", "their Analysts is our src3")
        #expect(merge.notes.contains("their c3 is c5: we added another claim as c3"))
        var merged = session
        do { _ = try SessionIntegrity.check(&merged) } catch { Issue.record("the merge does not hold together: \(error.message)") }
    }

    @Test func aRemovalOnOneSideAndAnEditOnTheOtherIsAnOnlyInSomeConflict() throws {
        let base = Self.base()
        var ours = base, theirs = base
        ours.session.remove(.id("c1"))
        theirs.session.claims["c1"]?.verdict = "false"
        let merge = Self.merge(base.session, ours.session, theirs.session)
        let conflict = try #require(merge.session.conflicts["x1"])
        #expect(conflict.disagreements == [MergeDisagreement.onlyInSome])
        #expect(conflict.versions[0].record == nil)
        #expect(merge.session.claims["c1"]?.verdict == "false", "theirs is back until curated")
    }

    @Test func anArticleRewrittenOnBothSidesCannotBeMerged() {
        let base = Self.base()
        var ours = base, theirs = base
        ours.session.articles["a1"]?.replaceText(with: "One text.", origin: nil, at: ReviewSessions.time)
        theirs.session.articles["a1"]?.replaceText(with: "Another text.", origin: nil, at: ReviewSessions.time)
        #expect(Self.merge(base.session, ours.session, theirs.session).failure?.hasPrefix("article a1 “Strait” has a new text on both sides") == true)
    }
}
