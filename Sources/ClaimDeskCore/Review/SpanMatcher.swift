/// Pairs two analysts' spans one to one, so that agreement and differences can be counted.
///
/// Identical spans pair first. With `minimumJaccard` below 1 the rest pair by overlap: every
/// pair whose character Jaccard reaches the threshold is a candidate, and candidates are taken
/// greedily from the largest overlap down (ties by reading order), each span used once. This is
/// the usual "overlap match" of span-agreement scripts made one-to-one, so that one long span
/// cannot count as a match for several short ones.
public enum SpanMatcher {
    /// A pair of indexes into the two lists.
    public struct Pair: Hashable, Sendable {
        public let left: Int
        public let right: Int
        public let exact: Bool
    }

    /// One-to-one pairs between `left` and `right`. `minimumJaccard` of 1 keeps identical spans only;
    /// a value just above 0 accepts any overlap.
    public static func match(_ left: [TextSpan], _ right: [TextSpan], minimumJaccard: Double) -> [Pair] {
        var pairs: [Pair] = []
        var leftUsed = [Bool](repeating: false, count: left.count)
        var rightUsed = [Bool](repeating: false, count: right.count)

        // Identical spans, in order of appearance.
        var rightByspan: [TextSpan: [Int]] = [:]
        for (index, span) in right.enumerated() { rightByspan[span, default: []].append(index) }
        for (index, span) in left.enumerated() {
            guard var candidates = rightByspan[span], !candidates.isEmpty else { continue }
            let partner = candidates.removeFirst()
            rightByspan[span] = candidates
            leftUsed[index] = true
            rightUsed[partner] = true
            pairs.append(Pair(left: index, right: partner, exact: true))
        }
        guard minimumJaccard < 1 else { return pairs }

        // Overlapping spans: a sweep over spans sorted by start finds the candidates without
        // comparing every pair.
        struct Candidate { let left: Int, right: Int, jaccard: Double, start: Int }
        var candidates: [Candidate] = []
        let leftOrder = left.indices.filter { !leftUsed[$0] }.sorted { left[$0].start < left[$1].start }
        let rightOrder = right.indices.filter { !rightUsed[$0] }.sorted { right[$0].start < right[$1].start }
        var active: [Int] = []   // right indexes whose extent may still reach the current left span
        var next = 0
        for l in leftOrder {
            let span = left[l]
            let end = span.ranges.last?.upperBound ?? span.start
            while next < rightOrder.count, right[rightOrder[next]].start < end {
                active.append(rightOrder[next])
                next += 1
            }
            active.removeAll { (right[$0].ranges.last?.upperBound ?? 0) <= span.start }
            for r in active {
                let jaccard = span.jaccard(with: right[r])
                if jaccard > 0, jaccard >= minimumJaccard {
                    candidates.append(Candidate(left: l, right: r, jaccard: jaccard, start: min(span.start, right[r].start)))
                }
            }
        }
        candidates.sort { ($0.jaccard, -$0.start, -$0.left) > ($1.jaccard, -$1.start, -$1.left) }
        for candidate in candidates where !leftUsed[candidate.left] && !rightUsed[candidate.right] {
            leftUsed[candidate.left] = true
            rightUsed[candidate.right] = true
            pairs.append(Pair(left: candidate.left, right: candidate.right, exact: false))
        }
        return pairs
    }
}
