import Foundation
import Testing
@testable import ClaimDeskCore

/// A save that copies unchanged records from the document before must give the same bytes as a
/// save that writes every record, through any sequence of changes.
@Suite struct SessionEncodingCacheTests {
    @Test func cachedSavesEqualFullSavesThroughRandomChanges() {
        var g = SessionGenerator(seed: 2207)
        for round in 0..<25 {
            var session = g.session()
            var cache = SessionEncodingCache()
            #expect(SessionDocument.encode(session, cache: &cache) == SessionDocument.encode(session), "round \(round), first save")
            for step in 0..<10 {
                if let edit = SessionIndexTests.randomEdit(session, &g) {
                    session.apply(Change(summary: "edit", author: "ana", time: g.time(), edits: [edit]))
                }
                let cached = SessionDocument.encode(session, cache: &cache)
                #expect(cached == SessionDocument.encode(session), "round \(round) step \(step)")
            }
        }
    }

    @Test func aSaveAfterOneChangeCopiesEveryOtherRecord() throws {
        var g = SessionGenerator(seed: 31)
        var session = g.session()
        while session.claims.isEmpty { session = g.session() }
        let records = session.claims.count + session.sources.count + session.mentions.count + session.stances.count
            + session.relations.count + session.propositions.count + session.articles.count
        var cache = SessionEncodingCache()
        _ = SessionDocument.encode(session, cache: &cache)
        #expect(cache.reusedRecords == 0)
        var claim = try #require(session.orderedClaims.first)
        let before = claim
        claim.verdict = claim.verdict == "false" ? "true" : "false"
        session.apply(Change(summary: "verdict", author: "ana", time: g.time(), edits: [Change.Edit(before: .claim(before), after: .claim(claim))]))
        _ = SessionDocument.encode(session, cache: &cache)
        #expect(cache.reusedRecords == records - 1)
    }
}
