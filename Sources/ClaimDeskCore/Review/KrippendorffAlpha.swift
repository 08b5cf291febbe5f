/// Krippendorff's α for nominal data, with any number of raters and missing values.
///
/// Values are paired within each unit that has at least two of them; the coincidence matrix
/// weighs each pair by 1/(mᵤ − 1). α = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k
/// (Krippendorff, "Computing Krippendorff's Alpha-Reliability", 2011).
public struct KrippendorffAlpha {
    /// Coincidences of two different values (c ≠ k), summed.
    private var disagreeing = 0.0
    /// How often each value was pairable, summed over units (n_c).
    private var pairable: [String: Double] = [:]

    public init() {}

    /// Adds one unit: each rater's value, or nil where that rater gave none.
    public mutating func add(unit values: [String?]) {
        var counts: [String: Int] = [:]
        var present = 0
        for case let value? in values {
            counts[value, default: 0] += 1
            present += 1
        }
        add(counts: counts, present: present)
    }

    /// Adds one unit given as value counts, which is cheaper when many units share a pattern.
    public mutating func add(counts: [String: Int], multiplicity: Int = 1) {
        add(counts: counts, present: counts.values.reduce(0, +), multiplicity: multiplicity)
    }

    private mutating func add(counts: [String: Int], present: Int, multiplicity: Int = 1) {
        guard present >= 2 else { return }
        let weight = Double(multiplicity) / Double(present - 1)
        let entries = Array(counts)
        for (i, (value, count)) in entries.enumerated() {
            pairable[value, default: 0] += Double(count * multiplicity)
            for (_, other) in entries[(i + 1)...] {
                disagreeing += 2 * Double(count * other) * weight
            }
        }
    }

    /// α, or nil when it is undefined (fewer than two pairable values, or one value throughout).
    public var value: Double? {
        let n = pairable.values.reduce(0, +)
        guard n > 1 else { return nil }
        let total = pairable.values.reduce(0.0) { $0 + $1 * (n - $1) }
        guard total > 0 else { return nil }
        return 1 - (n - 1) * disagreeing / total
    }

    /// α over a whole reliability matrix: one row per rater, one column per unit, nil for missing.
    public static func value(raters rows: [[String?]]) -> Double? {
        var alpha = KrippendorffAlpha()
        let units = rows.map(\.count).max() ?? 0
        for unit in 0..<units {
            alpha.add(unit: rows.map { unit < $0.count ? $0[unit] : nil })
        }
        return alpha.value
    }
}
