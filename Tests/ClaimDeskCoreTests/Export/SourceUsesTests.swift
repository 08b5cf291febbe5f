@testable import ClaimDeskCore
import Testing

/// What a report counts for its table of sources, and what it says of a referenced annotation,
/// against what the session itself answers.
@Suite struct SourceUsesTests {
    /// The sample, with chains that name a source twice and name the claimant again as a relay,
    /// a claim by a source not in the registry, and more mentions and stances.
    func session() -> Session {
        var session = ExportSample.session()
        let created = ExportSample.created
        let article = session.orderedArticles[0]
        func anchor(_ quote: String) -> Anchor { Anchor(article: "a1", range: ExportSample.range(quote), in: article.content) }
        session.put(.claim(Claim(id: "c6", anchor: anchor("Fees rose 40%"), claimant: "src1", via: ["src5", "src1", "src5", "src3"],
                                 kind: "factual", verdict: "unverified", author: "ana", created: created)))
        session.put(.claim(Claim(id: "c7", anchor: anchor("a record"), claimant: "src9", via: ["src9"],
                                 kind: "factual", verdict: "unverified", author: "ana", created: created)))
        session.put(.claim(Claim(id: "c8", anchor: anchor("owners said"), claimant: nil, via: ["src4", "src4"],
                                 kind: "opinion", verdict: "unverified", author: "ana", created: created)))
        session.put(.mention(Mention(id: "m4", anchor: anchor("Meridian Wire"), source: "src5", author: "ana", created: created)))
        session.put(.mention(Mention(id: "m5", anchor: anchor("Meridian"), source: "src5", author: "ana", created: created)))
        session.put(.stance(Stance(id: "st4", holder: "src5", label: "favor", target: "c6", author: "ana", created: created)))
        return session
    }

    @Test func countsWithoutTheIndexWhatTheIndexCountsForEverySource() {
        let session = session()
        #expect(session.indexIfBuilt == nil, "the counts below must come from the one-pass count")
        let ids = session.orderedSources.map(\.id) + ["src9", "src404"]
        let counted = ids.map { session.useCounts(ofSource: $0) }
        _ = session.index
        #expect(session.indexIfBuilt != nil)
        for (id, counted) in zip(ids, counted) {
            let indexed = session.useCounts(ofSource: id)
            #expect(counted.claims == indexed.claims && counted.mentions == indexed.mentions && counted.stances == indexed.stances,
                    "\(id): \(counted) counted, \(indexed) in the index")
        }
        // src1: c5 (claimant), c1 and c6 (relay, and claimant and relay twice over).
        #expect(counted[ids.firstIndex(of: "src1")!].claims == 3)
        #expect(counted[ids.firstIndex(of: "src5")!].mentions == 2)
    }

    /// A copy changed before either asked: each counts its own records, whichever asks first.
    @Test func aChangedCopyCountsItsOwnUses() {
        let original = session()
        var copy = original
        let article = copy.orderedArticles[0]
        let anchor = Anchor(article: "a1", range: ExportSample.range("Meridian"), in: article.content)
        copy.put(.mention(Mention(id: "m9", anchor: anchor, source: "src5", author: "ana", created: ExportSample.created)))
        let before = original.useCounts(ofSource: "src5").mentions
        let after = copy.useCounts(ofSource: "src5").mentions
        #expect(after == before + 1, "the copy counted \(after), the original \(before)")
        let indexed = copy
        _ = indexed.index
        #expect(after == indexed.useCounts(ofSource: "src5").mentions)
    }

    @Test func aSummaryFoundByRecordIsTheSessionsSummary() {
        let session = session()
        var ids = session.orderedClaims.map(\.id) + session.orderedMentions.map(\.id) + session.orderedStances.map(\.id)
        ids += session.orderedPropositions.map(\.id) + session.orderedRelations.map(\.id) + session.orderedSources.map(\.id)
        ids += ["c404", "a1"]
        // The summary as looked up in every kind's records in turn, against the one lookup in the id's kind.
        func throughEveryTable(_ id: AnnotationID) -> String? {
            if let claim = session.orderedClaims.first(where: { $0.id == id }) { return claim.spanText }
            if let mention = session.orderedMentions.first(where: { $0.id == id }) { return mention.spanText }
            if let proposition = session.orderedPropositions.first(where: { $0.id == id }) { return proposition.text }
            if let stance = session.orderedStances.first(where: { $0.id == id }) {
                return "\(session.sourceName(stance.holder)) \(stance.label) \(stance.target)"
            }
            return nil
        }
        for id in ids {
            #expect(session.summary(of: id) == throughEveryTable(id), "\(id)")
        }
        #expect(session.summary(of: "st1") == "Helen R. Marsh favor pr1")
    }
}
