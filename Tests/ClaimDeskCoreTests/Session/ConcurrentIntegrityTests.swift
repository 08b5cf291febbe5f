@testable import ClaimDeskCore
import Foundation
import Testing

/// A large session's records are checked on two cores (``SessionIntegrity/checkAllRecords``);
/// what the check says, fault or repair, must be word for word what the one-core walk says.
@Suite struct ConcurrentIntegrityTests {
    typealias Base = SessionIntegrityTests

    /// The small consistent session of ``SessionIntegrityTests`` with `claims` more claims and
    /// `stances` more stances, src1's and src2's on each new claim in turn: 700 claims put the
    /// cut between the two halves among the claims, 350 claims and 700 stances among the stances.
    static func large(claims: Int = 700, stances: Int = 0) -> Session {
        var session = Base.base()
        let article = session.orderedArticles[0]
        for i in 0..<claims {
            session.put(.claim(claim(i + 3, in: article)))
        }
        for i in 0..<stances {
            session.put(.stance(Stance(id: AnnotationID("st\(i + 2)"), holder: i % 2 == 0 ? "src1" : "src2", label: "favor",
                                       target: AnnotationID("c\(i / 2 + 3)"), evidence: [], author: "ana", created: Base.time)))
        }
        return session
    }

    static func claim(_ number: Int, in article: Article, claimant: AnnotationID = "src1") -> Claim {
        Claim(id: AnnotationID("c\(number)"), anchor: Anchor(article: article.id, range: 0..<29, in: article.content), claimant: claimant,
              via: [], kind: "factual", checkWorthy: nil, verdict: "unverified", author: "ana", created: Base.time)
    }

    static func withClaim(_ session: Session, _ number: Int, _ change: (inout Claim) -> Void) -> Session {
        var session = session
        var claim = session.claims[AnnotationID("c\(number)")]!
        change(&claim)
        session.put(.claim(claim))
        return session
    }

    /// The check's repairs and counters, or its fault, with the records checked on one core or two.
    static func outcome(_ session: Session, twoCores: Bool) -> (repairs: [String], counters: [String: Int], fault: String?) {
        var session = session
        do {
            let repairs = try SessionIntegrity.check(&session, positions: [:], concurrentFrom: twoCores ? 0 : .max)
            return (repairs, session.counters, nil)
        } catch {
            return ([], [:], error.message)
        }
    }

    /// Both ways give `expected`, which is the fault or the first repair named.
    static func expectSame(_ session: Session, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let one = outcome(session, twoCores: false), two = outcome(session, twoCores: true)
        #expect(one.fault == two.fault, sourceLocation: sourceLocation)
        #expect(one.repairs == two.repairs, sourceLocation: sourceLocation)
        #expect(one.counters == two.counters, sourceLocation: sourceLocation)
        #expect((one.fault ?? one.repairs.joined(separator: "\n")).contains(expected), sourceLocation: sourceLocation)
    }

    @Test func theRecordsAreCutIntoTwoHalvesKindAfterKindInCheckingOrder() {
        typealias Span = SessionIntegrity.RecordSpan
        let halves = SessionIntegrity.halves(of: [(.article, 2), (.source, 0), (.claim, 10), (.stance, 4)])
        #expect(halves == [[Span(kind: .article, range: 0..<2), Span(kind: .claim, range: 0..<6)],
                           [Span(kind: .claim, range: 6..<10), Span(kind: .stance, range: 0..<4)]])
        // A cut between two kinds leaves neither split; an odd total gives the second half one more.
        #expect(SessionIntegrity.halves(of: [(.claim, 3), (.stance, 3)])
                == [[Span(kind: .claim, range: 0..<3)], [Span(kind: .stance, range: 0..<3)]])
        #expect(SessionIntegrity.halves(of: [(.claim, 5)])
                == [[Span(kind: .claim, range: 0..<2)], [Span(kind: .claim, range: 2..<5)]])
        #expect(SessionIntegrity.halves(of: [(.claim, 1)]) == [[], [Span(kind: .claim, range: 0..<1)]])
    }

    /// A sound session is checked once, on two cores, and gathers what the one-core walk does:
    /// the counters are raised to the same ids.
    @Test func aSoundSessionGathersTheSameTallyOnTwoCores() throws {
        let session = Self.large()
        let context = SessionIntegrity.Context(session)
        let counts = SessionIntegrity.recordKinds.map { (kind: $0, count: session.recordCount(of: $0)) }
        let halves = SessionIntegrity.halves(of: counts)
        #expect(halves.allSatisfy { !$0.isEmpty })
        let two = try #require(SessionIntegrity.tallyConcurrently(halves, context: context, positions: [:]))
        var one = SessionIntegrity.Tally()
        for kind in SessionIntegrity.recordKinds {
            try SessionIntegrity.checkRecords(of: kind, context: context, positions: [:], tally: &one)
        }
        for kind in AnnotationKind.allCases {
            #expect(two.highest(kind)?.id == one.highest(kind)?.id, "\(kind)")
        }
        #expect(two.noteOwners == one.noteOwners)
        #expect(two.stanceOf == one.stanceOf)
        #expect(two.highest(.claim)?.id == "c702")
        var uncounted = session
        uncounted.counters = [:]
        Self.expectSame(uncounted, "counters.c was 0, below the id c702 in use; raised to 702")
    }

    /// Two ids of the same number (a leading zero), one in each half: the counter's repair names
    /// the one the one-core walk meets first.
    @Test func aTieForTheHighestIdIsWonByTheFirstHalf() {
        var session = Self.large()
        let article = session.orderedArticles[0]
        session.put(.claim(Self.claim(1000, in: article)))
        var early = session.claims["c3"]!
        early.notes = [Note(id: "n0900", text: "early", author: "ana", created: Base.time)]
        session.put(.claim(early))
        var late = session.claims["c700"]!
        late.notes = [Note(id: "n900", text: "late", author: "ana", created: Base.time)]
        session.put(.claim(late))
        session.counters = [:]
        Self.expectSame(session, "counters.n was 0, below the id n0900 in use; raised to 900")
    }

    @Test(arguments: [5, 690])
    func aFaultInEitherHalfIsTheOneTheOneCoreWalkReports(number: Int) {
        let session = Self.withClaim(Self.large(), number) { $0.claimant = "src9" }
        // c3 is claims[2]: the base session's two claims come first.
        Self.expectSame(session, "at claims[\(number - 1)].claimant: no source src9 in the session")
    }

    /// Faults in both halves: the first in document order is reported, as on one core.
    @Test func faultsInBothHalvesReportTheFirstInDocumentOrder() {
        var session = Self.withClaim(Self.large(), 690) { $0.claimant = "src9" }
        session = Self.withClaim(session, 20) { $0.verdict = "truth" }
        Self.expectSame(session, "at claims[19].verdict: \"truth\" is not a verdict")
        session = Self.withClaim(Self.large(), 690) { $0.claimant = "src9" }
        session.put(.mention(Mention(id: "m1", anchor: Anchor(article: "a1", range: 0..<9, in: session.orderedArticles[0].content),
                                     source: "src8", author: "ana", created: Base.time)))
        Self.expectSame(session, "at mentions[0].source: no source src8 in the session")
    }

    /// A note id used once in each half is the second one's fault, named with the first's place.
    @Test func aNoteIdUsedInBothHalvesIsRefusedAsOnOneCore() {
        var session = Self.withClaim(Self.large(), 600) { $0.notes = [Note(id: "n1", text: "again", author: "ana", created: Base.time)] }
        Self.expectSame(session, "at claims[599].notes[0].id: the note id n1 is already used at claims[0].notes[0].id")
        // A fault in the first half comes first in document order: it is the one reported.
        session = Self.withClaim(session, 300) { $0.kind = "factal" }
        Self.expectSame(session, "at claims[299].kind: \"factal\" is not a claim kind")
    }

    /// A second stance on the same pair, the first in one half and the second in the other.
    @Test func aSecondStanceAcrossTheHalvesIsRefusedAsOnOneCore() throws {
        var session = Self.large(claims: 350, stances: 700)
        let halves = SessionIntegrity.halves(of: SessionIntegrity.recordKinds.map { (kind: $0, count: session.recordCount(of: $0)) })
        #expect(halves.allSatisfy { $0.contains { $0.kind == .stance } })
        // st52 is src1's stance on c28; st652 (at stances[651], after st1) becomes another.
        var second = try #require(session.stances["st652"])
        second.target = "c28"
        session.put(.stance(second))
        Self.expectSame(session, "at stances[651]: st652 is a second stance of src1 on c28 after st52; keep one")
    }

    /// A sound session listed out of id order opens on two cores as it does in order.
    @Test func aSoundSessionOutOfOrderOpensOnTwoCores() throws {
        let session = Self.large()
        var object = try #require(try JSONSerialization.jsonObject(with: SessionDocument.encode(session)) as? [String: Any])
        object["claims"] = Array(try #require(object["claims"] as? [[String: Any]]).reversed())
        let (decoded, repairs, error) = Base.decode(try JSONSerialization.data(withJSONObject: object))
        #expect(error == nil)
        #expect(repairs.isEmpty)
        #expect(decoded == session)
    }

    /// Records listed out of id order keep their place in the document in the fault, whichever half checks them.
    @Test func aFaultOutOfOrderNamesItsPlaceInTheDocumentOnTwoCores() throws {
        let session = Self.withClaim(Self.large(), 690) { $0.claimant = "src9" }
        var object = try #require(try JSONSerialization.jsonObject(with: SessionDocument.encode(session)) as? [String: Any])
        var claims = try #require(object["claims"] as? [[String: Any]])
        claims.reverse()
        object["claims"] = claims
        let data = try JSONSerialization.data(withJSONObject: object)
        // 702 claims: c690 is at index 689 in id order (c1, c2, c3…), at 701 - 689 once reversed.
        #expect(Base.decode(data).2 == "at claims[12].claimant: no source src9 in the session")
    }
}
