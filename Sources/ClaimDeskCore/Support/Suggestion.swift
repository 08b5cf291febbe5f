/// Finds the closest of a set of names to a misspelt one, for "did you mean" answers.
public enum Suggestion {
    /// Edit distance between two strings (insertions, deletions, substitutions and swaps of
    /// two neighbours, each costing 1), compared by Character, case-insensitively.
    ///
    /// Swaps count once because "Pompoe" for "Pompeo" is one slip of the fingers.
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.lowercased()), y = Array(b.lowercased())
        return distance(x, y, atMost: Int.max) ?? Int.max
    }

    /// The same distance between two texts already lowercased and split into characters, or nil
    /// as soon as it is sure to exceed `limit` (two rows in a row above it: no later row can
    /// come back below, since each is at least the smaller of the row before and the one before
    /// that plus one).
    static func distance(_ x: [Character], _ y: [Character], atMost limit: Int) -> Int? {
        if x.isEmpty { return y.count <= limit ? y.count : nil }
        if y.isEmpty { return x.count <= limit ? x.count : nil }
        var beforePrevious = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        var previousLow = 0
        for i in 1...x.count {
            current[0] = i
            var low = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
                low = min(low, current[j])
            }
            if low > limit, previousLow > limit { return nil }
            previousLow = low
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[y.count] <= limit ? previous[y.count] : nil
    }

    /// The closest candidate within a distance that scales with the word's length, if any.
    ///
    /// A candidate that starts with the typed text also counts as close.
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let limit = max(1, min(3, word.count / 3))
        var best: (String, Int)? = nil
        for candidate in candidates {
            let d = distance(word, candidate)
            if d <= limit, best == nil || d < best!.1 { best = (candidate, d) }
        }
        if let best { return best.0 }
        let lowered = word.lowercased()
        guard !lowered.isEmpty else { return nil }
        return candidates.first { $0.lowercased().hasPrefix(lowered) }
    }
}
