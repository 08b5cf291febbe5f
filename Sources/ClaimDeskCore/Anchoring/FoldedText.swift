/// A text folded for matching, with a map from every folded unit back to the
/// code points it came from.
///
/// Edits to published articles often only change typography: straight and
/// curly quotes, hyphens and dashes, a non-breaking space, a doubled space, a
/// re-wrapped line, a capital letter. Folding makes those alike so the matcher
/// sees the same words, while offsets stay those of the real text (nothing is
/// normalised in place: a CRLF or a doubled space keeps its code points).
///
/// The same folding serves selections (`"Iran's plan"` finds `Iran’s plan`), `find`, and
/// source names.
///
/// Folding: letters to lower case (one-to-one mappings only; optional); every run of
/// white space to one space; curly and low quotes, primes and guillemets to
/// `'` or `"`; hyphens, dashes and the minus sign to `-`; `…` to `...`;
/// zero-width characters (the Persian zero-width non-joiner among them) and the soft hyphen
/// dropped; Arabic-script spelling variants, diacritics and digits as ``ArabicScriptFolding``
/// says (with or without case folding), each diacritic counted with the letter it sits on.
public struct FoldedText: Sendable {
    /// The folded code points.
    private(set) var units: [UInt32] = []
    /// The source offset where the code points behind unit `i` start.
    private(set) var sourceStart: [Int32] = []
    /// The source offset just after the code points behind unit `i` (a white space run maps to the whole run).
    private(set) var sourceEnd: [Int32] = []
    /// For each source offset `0...count`, the index of the first unit that starts at or after it.
    private(set) var unitIndex: [Int32] = []

    /// The number of source code points.
    var sourceCount: Int { unitIndex.count - 1 }
    var count: Int { units.count }

    public init(_ scalars: some Collection<Unicode.Scalar>, caseInsensitive: Bool = true) {
        let n = scalars.count
        units.reserveCapacity(n)
        sourceStart.reserveCapacity(n)
        sourceEnd.reserveCapacity(n)
        unitIndex.reserveCapacity(n + 1)
        var offset: Int32 = 0
        var inSpace = false
        for scalar in scalars {
            unitIndex.append(Int32(units.count))
            switch Self.fold(scalar, caseInsensitive: caseInsensitive) {
            case .drop:
                break
            case .attach:
                // A diacritic or tatweel: part of the letter before it, so a match on that letter covers it.
                if !sourceEnd.isEmpty && !inSpace { sourceEnd[sourceEnd.count - 1] = offset + 1 }
            case .space:
                if inSpace {
                    sourceEnd[sourceEnd.count - 1] = offset + 1
                } else {
                    append(0x20, from: offset)
                    inSpace = true
                }
            case .unit(let u):
                append(u, from: offset)
                inSpace = false
            case .ellipsis:
                for _ in 0..<3 { append(0x2E, from: offset) }
                inSpace = false
            }
            offset += 1
        }
        unitIndex.append(Int32(units.count))
    }

    /// Folds a string the same way, keeping only the units (for quotes and context).
    static func units(of string: String) -> [UInt32] {
        FoldedText(string.unicodeScalars).units
    }

    private mutating func append(_ unit: UInt32, from offset: Int32) {
        units.append(unit)
        sourceStart.append(offset)
        sourceEnd.append(offset + 1)
    }

    /// A typed pattern folded the same way, trimmed of white space at both ends.
    public static func pattern(_ text: String, caseInsensitive: Bool = true) -> [UInt32] {
        var units = FoldedText(text.unicodeScalars, caseInsensitive: caseInsensitive).units
        while units.first == 0x20 { units.removeFirst() }
        while units.last == 0x20 { units.removeLast() }
        return units
    }

    /// Every place `pattern` occurs, without overlaps, as code-point ranges of the source text,
    /// optionally only those inside `window`.
    public func occurrences(of pattern: [UInt32], in window: Range<Int>? = nil) -> [Range<Int>] {
        guard let first = pattern.first, pattern.count <= units.count else { return [] }
        var result: [Range<Int>] = []
        var i = 0
        let last = units.count - pattern.count
        while i <= last {
            if units[i] == first {
                var j = 1
                while j < pattern.count, units[i + j] == pattern[j] { j += 1 }
                if j == pattern.count {
                    let range = sourceRange(i..<i + pattern.count)
                    if window.map({ range.lowerBound >= $0.lowerBound && range.upperBound <= $0.upperBound }) ?? true {
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

    /// The source range behind the folded range `range` (empty ranges map to the source offset of their position).
    func sourceRange(_ range: Range<Int>) -> Range<Int> {
        if range.isEmpty {
            let at = range.lowerBound < units.count ? Int(sourceStart[range.lowerBound]) : sourceCount
            return at..<at
        }
        return Int(sourceStart[range.lowerBound])..<Int(sourceEnd[range.upperBound - 1])
    }

    enum Folded: Equatable {
        /// `attach`: no unit of its own; the source span of the unit before grows to cover it.
        case drop, attach, space, unit(UInt32), ellipsis
    }

    static func fold(_ scalar: Unicode.Scalar, caseInsensitive: Bool = true) -> Folded {
        let v = scalar.value
        if v < 0x80 {
            switch v {
            case 0x09...0x0D, 0x20: return .space
            case 0x41...0x5A: return .unit(caseInsensitive ? v + 0x20 : v)
            case 0x60: return .unit(0x27)  // backtick used as an opening quote
            default: return .unit(v)
            }
        }
        switch v {
        case 0x00A0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0x0085: return .space
        case 0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: return .drop
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x2035, 0x00B4, 0x02BC, 0x2039, 0x203A: return .unit(0x27)
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x2036, 0x00AB, 0x00BB: return .unit(0x22)
        case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: return .unit(0x2D)
        case 0x2026: return .ellipsis
        default:
            if ArabicScriptFolding.applies(to: v), let folded = ArabicScriptFolding.fold(v) { return folded }
            let properties = scalar.properties
            if caseInsensitive, properties.changesWhenLowercased {
                let lower = properties.lowercaseMapping.unicodeScalars
                if lower.count == 1, let first = lower.first { return .unit(first.value) }
            }
            return .unit(v)
        }
    }
}
