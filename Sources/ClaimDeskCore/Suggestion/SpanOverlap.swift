/// Overlap of sets of code-point spans, by the characters they cover.
public enum SpanOverlap {
    /// Characters in both, over characters in either (0 when both are empty).
    public static func jaccard(_ a: [Range<Int>], _ b: [Range<Int>]) -> Double {
        let both = intersection(a, b)
        let either = total(a) + total(b) - both
        return either > 0 ? Double(both) / Double(either) : 0
    }

    /// The share of `a`'s characters that `b` covers.
    public static func covered(_ a: [Range<Int>], by b: [Range<Int>]) -> Double {
        let size = total(a)
        return size > 0 ? Double(intersection(a, b)) / Double(size) : 0
    }

    static func total(_ spans: [Range<Int>]) -> Int { spans.reduce(0) { $0 + $1.count } }

    static func intersection(_ a: [Range<Int>], _ b: [Range<Int>]) -> Int {
        var n = 0
        for x in a {
            for y in b {
                let low = max(x.lowerBound, y.lowerBound), high = min(x.upperBound, y.upperBound)
                if high > low { n += high - low }
            }
        }
        return n
    }
}
