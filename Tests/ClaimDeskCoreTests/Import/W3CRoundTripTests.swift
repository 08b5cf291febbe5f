@testable import ClaimDeskCore
import Foundation
import Testing

/// A session exported to W3C and imported into an empty session with the same articles comes
/// back with its sources (kind, role, aliases), ids, authors, times and review decisions.
@Suite struct W3CRoundTripTests {
    /// The sample with aliases, a role and review decisions, so every part of the round trip shows.
    static func original() -> Session {
        var session = ExportSample.twoArticles()
        if var marsh = session.sources["src3"] {
            marsh.aliases = ["Helen Marsh", "the Secretary"]
            session.put(.source(marsh))
        }
        if var reyes = session.sources["src4"] {
            reyes.role = "commander"
            reyes.aliases = ["Reyes"]
            reyes.author = "bo"
            reyes.created = ExportSample.created + 5
            session.put(.source(reyes))
        }
        func decide(_ id: AnnotationID, _ decisions: [ReviewDecision]) {
            guard let record = session.record(id), let reviewed = record.updatingReview({ review in
                for decision in decisions { review.decide(decision) }
            }) else { return }
            session.put(reviewed)
        }
        // A proposition only a relation points at, by another analyst.
        session.put(.proposition(Proposition(id: "pr2", text: "Fees will keep rising", author: "bo", created: ExportSample.created + 50)))
        session.put(.relation(Relation(id: "r3", from: "c4", type: "supports", to: "pr2", author: "bo", created: ExportSample.created + 60)))
        decide("c2", [ReviewDecision(status: .rejected, reviewer: "ed", time: ExportSample.created + 100, comment: "a denial, not a prediction"),
                      ReviewDecision(status: .accepted, reviewer: "kim", time: ExportSample.created + 200)])
        decide("m2", [ReviewDecision(status: .accepted, reviewer: "ed", time: ExportSample.created + 300)])
        decide("r1", [ReviewDecision(status: .rejected, reviewer: "kim", time: ExportSample.created + 400, comment: "no contradiction")])
        return session
    }

    static func roundTrip(_ original: Session, into target: Session) throws -> (AnnotationImporter.Plan, Session) {
        let data = try #require(try W3CExporter().export(original).data)
        let plan = AnnotationImporter(session: target, fallbackArticle: "a1", analyst: "ivy", now: ExportSample.created + 9_999)
            .plan(try W3CImporter.parse(data))
        return (plan, ImportTests.apply(plan, to: target))
    }

    /// Each source as the registry holds it, by id.
    static func sources(_ s: Session) -> [String] {
        s.orderedSources.map { "\($0.id) \($0.name) \($0.kind) role \($0.role ?? "-") aliases \($0.aliases) by \($0.author) at \($0.created)" }
    }

    /// Each annotation a W3C export carries, by id: what it says, who made it, when, and its review.
    static func annotations(_ s: Session) -> [String] {
        func review(_ item: some Annotation) -> String {
            (item.review?.decisions ?? []).map { "\($0.status) by \($0.reviewer) at \($0.time) \($0.comment ?? "")" }.joined(separator: "; ")
        }
        func common(_ item: some Annotation) -> String {
            "by \(item.author) at \(item.created) modified \(item.modified) #\(item.tags) notes \(item.notes.map { "\($0.text) by \($0.author)" }) review [\(review(item))]"
        }
        func span(_ a: Anchor) -> String { "\(a.article)@\(a.start)-\(a.end)" }
        var lines: [String] = []
        for c in s.orderedClaims where !c.anchor.isOrphaned {
            lines.append("\(c.id) \(span(c.anchor)) \(c.kind) \(c.verdict) \(String(describing: c.checkWorthy)) \(c.claimant?.rawValue ?? "-") via \(c.via) \(common(c))")
        }
        for m in s.orderedMentions { lines.append("\(m.id) \(span(m.anchor)) \(m.source) \(common(m))") }
        for st in s.orderedStances { lines.append("\(st.id) \(st.holder) \(st.label) \(st.target) \(st.evidence.map(span)) \(common(st))") }
        for r in s.orderedRelations { lines.append("\(r.id) \(r.from) \(r.type) \(r.to) \(common(r))") }
        for p in s.propositions.values.sorted(by: { $0.id < $1.id }) { lines.append("\(p.id) \(p.text) by \(p.author) at \(p.created) modified \(p.modified)") }
        return lines
    }

    @Test func anExportImportedIntoAnEmptySessionGivesBackSourcesIdsAuthorsTimesAndReview() throws {
        let original = Self.original()
        let (plan, imported) = try Self.roundTrip(original, into: ImportTests.emptyTwin(of: original))
        #expect(plan.notAnchored.isEmpty && plan.skipped.isEmpty)
        #expect(Self.sources(imported) == Self.sources(original))
        #expect(Self.annotations(imported) == Self.annotations(original))
        // c9 keeps its id although c5 (orphaned, not exported) to c8 are free.
        #expect(imported.claims["c9"]?.anchor.article == "a2")
        #expect(imported.claims["c2"]?.reviewStatus == .accepted)
    }

    @Test func theW3CBodiesCarryTheSourcesRegistryEntries() throws {
        let data = try #require(try W3CExporter().export(Self.original()).data)
        let items = try #require(try jsonObject(data)["first"]?["items"]?.arrayValue)
        let mention = try #require(items.first { $0["id"]?.stringValue == "urn:claimdesk:sample:m2" })
        let body = try #require(mention["body"]?.asList.first)
        #expect(body["purpose"]?.stringValue == "identifying" && body["value"]?.stringValue == "Gen. Thomas E. Reyes")
        let entry = try #require(body[W3CExporter.sourceProperty])
        #expect(entry["id"]?.stringValue == "urn:claimdesk:sample:src4")
        #expect(entry["kind"]?.stringValue == "official" && entry["role"]?.stringValue == "commander")
        #expect(entry["aliases"]?.asList.compactMap(\.stringValue) == ["Reyes"])
        #expect(entry["@context"]?["@vocab"]?.stringValue == W3CExporter.vocabulary)
    }

    @Test func anIdAlreadyTakenGetsAFreshOneWithoutPushingTheOthersOffTheirs() throws {
        let original = Self.original()
        var target = ImportTests.emptyTwin(of: original)
        // The target already has a c1 (on another span) and a src2 (another name).
        let article = try #require(target.articles["a2"])
        target.put(.claim(Claim(id: "c1", anchor: Anchor(article: "a2", range: 0..<9, in: article.content), kind: "factual",
                                verdict: "unverified", author: "zed", created: ExportSample.created)))
        target.put(.source(Source(id: "src2", name: "Port authority", kind: "government", author: "zed", created: ExportSample.created)))
        let (plan, imported) = try Self.roundTrip(original, into: target)
        #expect(plan.skipped.isEmpty && plan.notAnchored.isEmpty)
        // The original c1 gets the first id that neither the session nor the file uses: c5.
        let c1 = try #require(original.claims["c1"])
        let moved = try #require(imported.claims.values.first { $0.anchor.range == c1.anchor.range && $0.anchor.article == "a1" })
        #expect(moved.id == "c5")
        #expect(imported.claims["c2"]?.anchor.range == original.claims["c2"]?.anchor.range)
        #expect(imported.claims["c9"]?.anchor.article == "a2")
        // The stance on c1 and the relation to it follow it to its new id.
        #expect(imported.stances["st2"]?.target == "c5")
        #expect(imported.relations["r1"]?.to == "c5")
        // "Senior U.S. officials" was src2; src2 is taken, so it comes as src6, with its kind.
        let officials = try #require(imported.sources.values.first { $0.name == "Senior U.S. officials" })
        #expect(officials.id == "src6" && officials.kind == "anonymous")
        #expect(moved.claimant == officials.id)
        #expect(imported.sources["src2"]?.name == "Port authority")
    }

    @Test func aSourceKindTheTaxonomyLacksFallsBackToOther() throws {
        var original = Self.original()
        original.taxonomy.sourceKinds.append("wire")
        if var wire = original.sources["src5"] {
            wire.kind = "wire"
            original.put(.source(wire))
        }
        let (plan, imported) = try Self.roundTrip(original, into: ImportTests.emptyTwin(of: Self.original()))
        #expect(plan.skipped.isEmpty)
        #expect(imported.sources["src5"]?.kind == "other")
        #expect(imported.sources["src5"]?.name == "Meridian Wire")
    }
}
