@testable import ClaimDeskCore
import Testing

@Suite struct SpanMatcherTests {
    @Test func fragmentsCompareWhateverTheirOrder() {
        #expect(TextSpan([10..<20, 0..<5]) == TextSpan([0..<5, 10..<20]))
        #expect(TextSpan([0..<5, 10..<20]).length == 15)
        #expect(TextSpan([0..<5, 10..<20]).description == "0-5;10-20")
    }

    @Test func overlapCountsSharedCodePointsAcrossFragments() {
        let quote = TextSpan([0..<10, 20..<30])
        #expect(quote.overlap(with: TextSpan(5..<25)) == 10)
        #expect(quote.overlap(with: TextSpan(10..<20)) == 0)
        #expect(abs(quote.jaccard(with: TextSpan(0..<30)) - 20.0 / 30.0) < 1e-12)
    }

    @Test func identicalSpansPairFirstAndOnlyOnce() {
        let a = [TextSpan(0..<10), TextSpan(0..<10), TextSpan(40..<50)]
        let b = [TextSpan(0..<10), TextSpan(2..<9)]
        let exact = SpanMatcher.match(a, b, minimumJaccard: 1)
        #expect(exact.map { [$0.left, $0.right] } == [[0, 0]])
        let overlapping = SpanMatcher.match(a, b, minimumJaccard: .leastNonzeroMagnitude)
        #expect(Set(overlapping.map { [$0.left, $0.right] }) == [[0, 0], [1, 1]])
        #expect(overlapping.filter(\.exact).count == 1)
    }

    @Test func oneLongSpanMatchesOnlyOneShortSpan() {
        let long = [TextSpan(0..<100)]
        let short = [TextSpan(0..<10), TextSpan(50..<90), TextSpan(95..<99)]
        let pairs = SpanMatcher.match(long, short, minimumJaccard: .leastNonzeroMagnitude)
        #expect(pairs.count == 1)
        #expect(pairs.first?.right == 1, "the largest overlap wins")
    }

    @Test func theThresholdKeepsWeakOverlapsApart() {
        let pairs = SpanMatcher.match([TextSpan(0..<10)], [TextSpan(8..<30)], minimumJaccard: 0.5)
        #expect(pairs.isEmpty)
        #expect(SpanMatcher.match([TextSpan(0..<10)], [TextSpan(8..<30)], minimumJaccard: .leastNonzeroMagnitude).count == 1)
    }

    @Test func theSweepFindsTheSamePairsAsComparingEveryPair() {
        var random = SeededGenerator(seed: 7)
        for _ in 0..<200 {
            let a = (0..<Int.random(in: 0...12, using: &random)).map { _ in Self.randomSpan(&random) }
            let b = (0..<Int.random(in: 0...12, using: &random)).map { _ in Self.randomSpan(&random) }
            let pairs = SpanMatcher.match(a, b, minimumJaccard: .leastNonzeroMagnitude)
            // Every pair overlaps, no span is used twice, and no unmatched pair overlaps (maximality).
            #expect(pairs.allSatisfy { a[$0.left].overlap(with: b[$0.right]) > 0 })
            #expect(Set(pairs.map(\.left)).count == pairs.count && Set(pairs.map(\.right)).count == pairs.count)
            let usedLeft = Set(pairs.map(\.left)), usedRight = Set(pairs.map(\.right))
            for i in a.indices where !usedLeft.contains(i) {
                for j in b.indices where !usedRight.contains(j) {
                    #expect(a[i].overlap(with: b[j]) == 0, "an overlapping pair was left unmatched")
                }
            }
        }
    }

    static func randomSpan(_ random: inout SeededGenerator) -> TextSpan {
        let start = Int.random(in: 0...200, using: &random)
        let length = Int.random(in: 1...40, using: &random)
        if Int.random(in: 0...4, using: &random) == 0 {
            let gap = Int.random(in: 1...10, using: &random)
            return TextSpan([start..<start + length, start + length + gap..<start + length + gap + 5])
        }
        return TextSpan(start..<start + length)
    }
}
