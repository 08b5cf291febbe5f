/// Fleiss' κ: agreement of a fixed number of raters (two or more) on nominal labels.
///
/// Each item carries one label from every rater. P̄ is the mean share of agreeing rater pairs per
/// item, P̄ₑ the sum of squared overall label shares; κ = (P̄ − P̄ₑ) / (1 − P̄ₑ) (Fleiss 1971).
public enum FleissKappa {
    /// κ over items that each carry the same number (≥ 2) of labels; nil when undefined (no items,
    /// unequal rater counts, fewer than two raters, or a single label used throughout).
    public static func value(_ items: [[String]]) -> Double? {
        guard let raters = items.first?.count, raters >= 2, items.allSatisfy({ $0.count == raters }) else { return nil }
        let n = Double(raters)
        var totals: [String: Int] = [:]
        var agreementSum = 0.0
        for item in items {
            var counts: [String: Int] = [:]
            for label in item { counts[label, default: 0] += 1 }
            let pairs = counts.values.reduce(0.0) { $0 + Double($1) * Double($1 - 1) }
            agreementSum += pairs / (n * (n - 1))
            for (label, count) in counts { totals[label, default: 0] += count }
        }
        let ratings = Double(items.count) * n
        let meanAgreement = agreementSum / Double(items.count)
        let chance = totals.values.reduce(0.0) { $0 + (Double($1) / ratings) * (Double($1) / ratings) }
        guard chance < 1 else { return nil }
        return (meanAgreement - chance) / (1 - chance)
    }
}
