@testable import ClaimDeskCore
import Foundation
import Testing

@Suite struct SessionDiffTests {
    @Test func groupsOnlyInEachSideChangedAndIdentical() throws {
        let (ana, bob) = AgreementReportTests.twoAnalysts()
        let diff = SessionDiff(left: ana, right: bob)
        // Claims: the first is identical (claimant names fold), Bob's shorter quote is under the
        // 0.5 overlap threshold (27 of 60 code points) so it is a claim of his alone.
        #expect(diff.onlyLeft.map(\.text).sorted() == ["The Daily Courier reported that Iran’s navy seized a tanker.", "“We will not escalate.”"])
        #expect(diff.onlyRight.map(\.text).sorted() == ["Analysts expect talks to resume.", "Iran’s navy seized a tanker."])
        let stance = try #require(diff.changed.first { $0.kind == .stance })
        #expect(stance.differences == [SessionDiff.FieldDifference(field: "stance label", left: "against", right: "neutral")])
        #expect(diff.identical == 3, "one claim and two mentions")
    }

    @Test func anOverlappingSpanIsTheSameAnnotationWithItsSpanAsADifference() throws {
        var ana = ReviewSessions.Builder(analyst: "ana")
        ana.claim("Gen. Reyes said: “We will not escalate.”", by: "Gen. Reyes", via: ["Meridian Wire"], verdict: "true")
        var bob = ReviewSessions.Builder(analyst: "bob")
        bob.claim("“We will not escalate.”", by: "Gen. Reyes", verdict: "mixed")
        let diff = SessionDiff(left: ana.session, right: bob.session)
        #expect(diff.onlyLeft.isEmpty && diff.onlyRight.isEmpty)
        let entry = try #require(diff.changed.first)
        #expect(entry.differences.map(\.field) == ["span", "chain", "verdict"])
        #expect(entry.differences[1] == SessionDiff.FieldDifference(field: "chain", left: "Meridian Wire", right: "none"))
        let lines = diff.textLines(left: "ana", right: "bob")
        #expect(lines[0] == "ana ↔ bob: 0 only in ana, 0 only in bob, 1 differ, 0 identical")
        #expect(lines.contains("      verdict: true | mixed"))
    }

    @Test func sessionsOnDifferentArticlesShareNothing() {
        let ana = ReviewSessions.Builder(analyst: "ana")
        var other = ReviewSessions.Builder(analyst: "cy")
        other.session.articles = [:]
        other.session.put(.article(Article(id: "a1", title: "Other story", origin: nil, text: "Something else.", loaded: ReviewSessions.time)))
        let diff = SessionDiff(left: ana.session, right: other.session)
        #expect(diff.articlesOnlyLeft == ["Strait"])
        #expect(diff.articlesOnlyRight == ["Other story"])
        #expect(!diff.isEmpty)
    }

    @Test func aSessionEqualsItself() throws {
        let (ana, _) = AgreementReportTests.twoAnalysts()
        let diff = SessionDiff(left: ana, right: ana)
        #expect(diff.isEmpty)
        #expect(diff.identical == 6)
        let json = try JSONSerialization.jsonObject(with: Data(diff.json(left: "a", right: "b"))) as? [String: Any]
        #expect(json?["identical"] as? Int == 6)
    }
}
