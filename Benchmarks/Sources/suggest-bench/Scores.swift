import ClaimDeskCore

/// Precision, recall and F1 of predicted attributions against gold ones.
///
/// Content spans match when their characters overlap with a Jaccard index of at least 0.5,
/// one to one (the best-overlapping pairs first). A full attribution also needs the right
/// source (Jaccard ≥ 0.5 on the source span, or no source on both sides) and the right cue
/// (overlapping cue spans, or no cue on both sides).
struct Scores {
    var gold = 0
    var predicted = 0
    var contentHits = 0
    var fullHits = 0

    mutating func add(gold: [EvaluationSet.Attribution], predicted: [EvaluationSet.Attribution]) {
        self.gold += gold.count
        self.predicted += predicted.count
        var pairs: [(Double, Int, Int)] = []
        for (g, a) in gold.enumerated() {
            for (p, b) in predicted.enumerated() {
                let j = SpanOverlap.jaccard(a.content, b.content)
                if j >= 0.5 { pairs.append((j, g, p)) }
            }
        }
        pairs.sort { $0.0 != $1.0 ? $0.0 > $1.0 : ($0.1, $0.2) < ($1.1, $1.2) }
        var usedGold = Set<Int>(), usedPredicted = Set<Int>()
        for (_, g, p) in pairs where !usedGold.contains(g) && !usedPredicted.contains(p) {
            usedGold.insert(g)
            usedPredicted.insert(p)
            contentHits += 1
            if Self.sameSource(gold[g].source, predicted[p].source) && Self.sameCue(gold[g].cue, predicted[p].cue) { fullHits += 1 }
        }
    }

    static func sameSource(_ a: [Range<Int>]?, _ b: [Range<Int>]?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case let (x?, y?): SpanOverlap.jaccard(x, y) >= 0.5
        default: false
        }
    }

    static func sameCue(_ a: [Range<Int>]?, _ b: [Range<Int>]?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case let (x?, y?): SpanOverlap.jaccard(x, y) > 0
        default: false
        }
    }

    static func prf(_ hits: Int, _ predicted: Int, _ gold: Int) -> (Double, Double, Double) {
        let p = predicted > 0 ? Double(hits) / Double(predicted) : 0
        let r = gold > 0 ? Double(hits) / Double(gold) : 0
        return (p, r, p + r > 0 ? 2 * p * r / (p + r) : 0)
    }

    var content: (Double, Double, Double) { Self.prf(contentHits, predicted, gold) }
    var full: (Double, Double, Double) { Self.prf(fullHits, predicted, gold) }
}
