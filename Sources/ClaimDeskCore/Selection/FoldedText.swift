/// A text folded for forgiving search, with a map back to code-point offsets.
///
/// Folding makes typed and typographic quotes equal (`'` `’`, `"` `“ ”`),
/// turns every run of white space into one space and, optionally, lowers
/// the case, because people type `Iran's` for `Iran’s`.
public struct FoldedText: Sendable {
    public let scalars: [Unicode.Scalar]
    /// For each folded scalar, the code-point offset where it starts in the original text.
    let starts: [Int]
    /// For each folded scalar, the code-point offset where it ends in the original text.
    let ends: [Int]

    public init(_ original: some Collection<Unicode.Scalar>, caseInsensitive: Bool) {
        var scalars: [Unicode.Scalar] = []
        var starts: [Int] = []
        var ends: [Int] = []
        scalars.reserveCapacity(original.count)
        starts.reserveCapacity(original.count)
        ends.reserveCapacity(original.count)
        var offset = 0
        for scalar in original {
            let folded = Self.fold(scalar, caseInsensitive: caseInsensitive)
            if folded == " ", scalars.last == " " {
                ends[ends.count - 1] = offset + 1
            } else {
                scalars.append(folded)
                starts.append(offset)
                ends.append(offset + 1)
            }
            offset += 1
        }
        self.scalars = scalars
        self.starts = starts
        self.ends = ends
    }

    /// Folds a pattern the same way, trimmed of white space at both ends.
    public static func pattern(_ text: String, caseInsensitive: Bool) -> [Unicode.Scalar] {
        var folded = FoldedText(text.unicodeScalars, caseInsensitive: caseInsensitive).scalars
        while folded.first == " " { folded.removeFirst() }
        while folded.last == " " { folded.removeLast() }
        return folded
    }

    static func fold(_ scalar: Unicode.Scalar, caseInsensitive: Bool) -> Unicode.Scalar {
        switch scalar {
        case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "\u{2032}", "\u{0060}", "\u{00B4}": return "'"
        case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{2033}": return "\""
        default: break
        }
        if scalar.properties.isWhitespace { return " " }
        if caseInsensitive, !scalar.isASCII || ("A"..."Z").contains(scalar) {
            let lower = scalar.properties.lowercaseMapping.unicodeScalars
            if lower.count == 1, let first = lower.first { return first }
        }
        return scalar
    }

    /// Every place `pattern` occurs (non-overlapping), as code-point ranges of the original text.
    public func occurrences(of pattern: [Unicode.Scalar], in window: Range<Int>? = nil) -> [Range<Int>] {
        guard !pattern.isEmpty, pattern.count <= scalars.count else { return [] }
        var result: [Range<Int>] = []
        let first = pattern[0]
        var i = 0
        let last = scalars.count - pattern.count
        while i <= last {
            if scalars[i] == first {
                var j = 1
                while j < pattern.count, scalars[i + j] == pattern[j] { j += 1 }
                if j == pattern.count {
                    let range = starts[i]..<ends[i + pattern.count - 1]
                    if let window {
                        if range.lowerBound >= window.lowerBound && range.upperBound <= window.upperBound {
                            result.append(range)
                        }
                    } else {
                        result.append(range)
                    }
                    i += pattern.count
                    continue
                }
            }
            i += 1
        }
        return result
    }
}
