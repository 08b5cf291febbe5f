/// Cohen's κ: how far two raters agree on nominal labels beyond what chance would give.
///
/// κ = (pₒ − pₑ) / (1 − pₑ), with pₒ the share of items labelled alike and pₑ the agreement
/// expected from each rater's own label frequencies (Cohen 1960).
public enum CohensKappa {
    /// κ over pairs of labels, one pair per item; nil when it is undefined (no items, or both
    /// raters used one and the same label for everything, so chance agreement is already 1).
    public static func value(_ pairs: [(String, String)]) -> Double? {
        guard !pairs.isEmpty else { return nil }
        let count = Double(pairs.count)
        var agreed = 0
        var left: [String: Int] = [:], right: [String: Int] = [:]
        for (a, b) in pairs {
            if a == b { agreed += 1 }
            left[a, default: 0] += 1
            right[b, default: 0] += 1
        }
        let observed = Double(agreed) / count
        let expected = left.reduce(0.0) { sum, entry in
            sum + Double(entry.value) / count * Double(right[entry.key] ?? 0) / count
        }
        guard expected < 1 else { return nil }
        return (observed - expected) / (1 - expected)
    }
}
