/// The text an annotation covers: one range of code points, or several when a quote is broken by
/// words that are not part of it ("…," he said, "…").
///
/// Ranges are kept sorted and non-empty, so two spans over the same text compare equal whatever
/// order their fragments were given in.
public struct TextSpan: Hashable, Sendable, Comparable {
    public let ranges: [Range<Int>]

    public init(_ ranges: [Range<Int>]) {
        self.ranges = ranges.filter { !$0.isEmpty }.sorted { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }
    }

    public init(_ range: Range<Int>) { self.init([range]) }

    /// The number of code points covered (fragments are assumed not to overlap each other).
    public var length: Int { ranges.reduce(0) { $0 + $1.count } }

    /// Where the span starts, for reading order.
    public var start: Int { ranges.first?.lowerBound ?? 0 }

    /// The number of code points both spans cover.
    public func overlap(with other: TextSpan) -> Int {
        var shared = 0
        var i = 0, j = 0
        while i < ranges.count, j < other.ranges.count {
            let a = ranges[i], b = other.ranges[j]
            let low = max(a.lowerBound, b.lowerBound), high = min(a.upperBound, b.upperBound)
            if high > low { shared += high - low }
            if a.upperBound < b.upperBound { i += 1 } else { j += 1 }
        }
        return shared
    }

    /// Shared code points over the code points either covers (character Jaccard), from 0 to 1.
    public func jaccard(with other: TextSpan) -> Double {
        let shared = overlap(with: other)
        let union = length + other.length - shared
        return union == 0 ? 1 : Double(shared) / Double(union)
    }

    public static func < (a: TextSpan, b: TextSpan) -> Bool {
        for (x, y) in zip(a.ranges, b.ranges) where x != y {
            return (x.lowerBound, x.upperBound) < (y.lowerBound, y.upperBound)
        }
        return a.ranges.count < b.ranges.count
    }

    /// `120-180`, or `120-150;160-180` for fragments (brat's notation).
    public var description: String {
        ranges.map { "\($0.lowerBound)-\($0.upperBound)" }.joined(separator: ";")
    }
}
