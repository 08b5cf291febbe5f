import Foundation
import Testing
@testable import ClaimDeskCore

/// The index and the records by id are made on first use, not when a session is read. Whenever
/// they are made, and whichever copy of a session makes them, they must answer as if they had
/// been made at once and kept up to date with every change.
@Suite struct DeferredIndexTests {
    /// A claim on the session's first article by its first source, with an id not yet in use.
    static func newClaim(_ session: Session) -> Claim {
        let article = session.orderedArticles[0]
        var claim = Claim(id: session.nextID(.claim), anchor: Anchor(article: article.id, range: 0..<1, in: article.content),
                          claimant: session.orderedSources[0].id, kind: "factual", verdict: "unverified",
                          author: "ana", created: .unixEpoch)
        claim.tags = ["deferred"]
        return claim
    }

    static func decoded(seed: UInt64) throws -> Session {
        var g = SessionGenerator(seed: seed)
        return try SessionDocument.decode(SessionDocument.encode(g.session()))
    }

    @Test func aSessionReadAndChangedBeforeItsIndexIsMadeAnswersAsARebuild() throws {
        for seed in UInt64(1)...20 {
            var session = try Self.decoded(seed: seed)
            let claim = Self.newClaim(session)
            session.put(.claim(claim))
            SessionIndexTests.expectConsistent(session, "seed \(seed)")
            #expect(session.claims[claim.id] == claim)
            #expect(session.annotations(taggedWith: "deferred").contains(claim.id))
            #expect(session.uses(ofSource: session.orderedSources[0].id).contains(claim.id))
            #expect(session.claims(onSpan: claim.anchor).contains(claim))
        }
    }

    /// Counts of a source's uses made without the index (an export asks nothing else of it) are
    /// the index's counts, before and after a change, with a source twice in one chain.
    @Test func useCountsWithoutTheIndexAreTheIndexCounts() throws {
        for seed in UInt64(1)...10 {
            var session = try Self.decoded(seed: seed)
            let sources = session.orderedSources.map(\.id)
            func counts(_ s: Session) -> [String] { sources.map { "\($0) \(s.useCounts(ofSource: $0))" } }
            let counted = counts(session)
            #expect(session.indexIfBuilt == nil, "seed \(seed): counting built the index")
            var claim = Self.newClaim(session)
            claim.via = [sources[0], sources[sources.count - 1], sources[sources.count - 1]]
            session.put(.claim(claim))
            let countedAfter = counts(session)
            #expect(session.indexIfBuilt == nil)
            _ = session.index
            #expect(counted != countedAfter, "seed \(seed)")
            #expect(counts(session) == countedAfter, "seed \(seed)")
            session.remove(.id(claim.id))
            #expect(counts(session) == counted, "seed \(seed)")
        }
    }

    /// A copy changed after the original made its index must not change the original's, and the
    /// copy's must hold the change.
    @Test func aCopyChangedAfterTheIndexWasMadeLeavesTheOriginalAlone() throws {
        let original = try Self.decoded(seed: 31)
        let before = original.index
        let beforeClaims = original.claims
        var copy = original
        let claim = Self.newClaim(copy)
        copy.put(.claim(claim))
        #expect(original.index == before)
        #expect(original.claims == beforeClaims)
        #expect(original.claims[claim.id] == nil)
        #expect(copy.claims[claim.id] == claim)
        #expect(copy.index.tagged[SessionIndex.tagKey("deferred")] == [claim.id])
        #expect(original.index.tagged[SessionIndex.tagKey("deferred")] == nil)
        SessionIndexTests.expectConsistent(copy)
        SessionIndexTests.expectConsistent(original)
    }

    /// Neither made yet: the copy changes, then the original makes its index and dictionary from
    /// its own records, which must not include the copy's change.
    @Test func aCopyChangedBeforeEitherMadeTheIndexLeavesTheOriginalAlone() throws {
        let original = try Self.decoded(seed: 32)
        var copy = original
        let claim = Self.newClaim(copy)
        copy.put(.claim(claim))
        #expect(original.index.tagged[SessionIndex.tagKey("deferred")] == nil)
        #expect(original.claims[claim.id] == nil)
        #expect(copy.index.tagged[SessionIndex.tagKey("deferred")] == [claim.id])
        #expect(copy.claims[claim.id] == claim)
        copy.remove(.id(claim.id))
        #expect(copy.index == original.index)
        #expect(copy.claims == original.claims)
    }

    /// Records are found by id through the order before the dictionary is made, and the same
    /// after; removing and putting back keeps both.
    @Test func lookupsByIdAgreeBeforeAndAfterTheDictionaryIsMade() throws {
        var session = try Self.decoded(seed: 33)
        for claim in session.orderedClaims {
            #expect(session.record(claim.id) == .claim(claim))
            #expect(session.containsRecord(claim.id))
        }
        #expect(session.record("c999999") == nil)
        #expect(!session.containsRecord("c999999"))
        let all = session.claims
        #expect(all.count == session.orderedClaims.count)
        if let first = session.orderedClaims.first {
            session.remove(.id(first.id))
            #expect(session.claims[first.id] == nil && session.record(first.id) == nil)
            session.put(.claim(first))
            #expect(session.claims == all && session.record(first.id) == .claim(first))
        }
    }

    /// Copies on many threads making the index at once all get the one index.
    @Test func theIndexMadeFromManyThreadsAtOnceIsTheSame() async throws {
        let session = try Self.decoded(seed: 34)
        var rebuilt = session
        rebuilt.resetIndex()
        let expected = rebuilt.index
        let answers = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 { group.addTask { session.index == expected && session.claims.count == session.orderedClaims.count } }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(answers == Array(repeating: true, count: 8))
    }
}
