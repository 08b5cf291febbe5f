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

    /// Changes of every kind (add, delete, modify), then all undone newest first (deleted records
    /// go back between others), then redone: each save is compared with a fresh full encode.
    @Test func cachedSavesEqualFullSavesThroughUndoAndRedo() {
        var g = SessionGenerator(seed: 1508)
        for round in 0..<20 {
            var session = g.session()
            var cache = SessionEncodingCache()
            _ = SessionDocument.encode(session, cache: &cache)
            var changes: [Change] = []
            for _ in 0..<8 {
                guard let edit = SessionIndexTests.randomEdit(session, &g) else { continue }
                let change = Change(summary: "edit", author: "ana", time: g.time(), edits: [edit])
                session.apply(change)
                changes.append(change)
                #expect(SessionDocument.encode(session, cache: &cache) == SessionDocument.encode(session), "round \(round), change")
            }
            for change in changes.reversed() {
                session.apply(change.inverted(summary: "undo", author: "ana", time: change.time))
                #expect(SessionDocument.encode(session, cache: &cache) == SessionDocument.encode(session), "round \(round), undo")
            }
            for change in changes {
                session.apply(change)
                #expect(SessionDocument.encode(session, cache: &cache) == SessionDocument.encode(session), "round \(round), redo")
            }
        }
    }

    /// Only records equal to the ones written before are copied: after deleting one record and
    /// adding another, everything else is copied and the two neighbours of each gap too.
    @Test func unchangedRecordsAroundADeletionAndAnAdditionAreCopied() throws {
        var g = SessionGenerator(seed: 77)
        var session = g.session()
        while session.claims.count < 3 { session = g.session() }
        let records = session.claims.count + session.sources.count + session.mentions.count + session.stances.count
            + session.relations.count + session.propositions.count + session.articles.count
        var cache = SessionEncodingCache()
        _ = SessionDocument.encode(session, cache: &cache)
        let middle = session.orderedClaims[session.orderedClaims.count / 2]
        let article = try #require(session.orderedArticles.first)
        let added = Claim(id: session.nextID(.claim), anchor: g.anchor(article), claimant: nil,
                          kind: "factual", verdict: "unverified", author: "ana", created: g.time())
        session.apply(Change(summary: "edit", author: "ana", time: g.time(),
                             edits: [Change.Edit(before: .claim(middle), after: nil), Change.Edit(before: nil, after: .claim(added))]))
        #expect(SessionDocument.encode(session, cache: &cache) == SessionDocument.encode(session))
        #expect(cache.reusedRecords == records - 1)
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
