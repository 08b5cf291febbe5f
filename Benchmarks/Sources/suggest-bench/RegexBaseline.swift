import Foundation

/// The baseline the rules must beat: quotations next to "said"/"says", and "X said (that) Y" /
/// "Y, X said." with X a capitalised name or a pronoun. Regular expressions only, as a quick
/// script would do it.
enum RegexBaseline {
    static let name = #"(?:[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*)*|[Hh]e|[Ss]he|[Tt]hey|[Ii]t)"#
    static let patterns: [(NSRegularExpression, content: Int, source: Int, cue: Int)] = [
        (#"[“"]([^”"]{8,}?)[,.!?]?[”"],? (said|says) ("# + name + ")", 1, 3, 2),
        (#"[“"]([^”"]{8,}?)[,.!?]?[”"],? ("# + name + #") (said|says)"#, 1, 2, 3),
        ("(" + name + #") (said|says)(?: that)? ([^.“”"\n]{8,})\."#, 3, 1, 2),
        (#"(?:^|\. )([^.”"\n]{8,}), ("# + name + #") (said|says)\."#, 1, 2, 3),
    ].compactMap { pattern, content, source, cue in
        (try? NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])).map { ($0, content, source, cue) }
    }

    static func attributions(in text: String) -> [EvaluationSet.Attribution] {
        let utf16 = Array(text.utf16)
        // UTF-16 offset → code point offset.
        var toScalar = [Int](repeating: 0, count: utf16.count + 1)
        var scalar = 0
        for i in 0..<utf16.count {
            toScalar[i] = scalar
            if !UTF16.isLeadSurrogate(utf16[i]) { scalar += 1 }
        }
        toScalar[utf16.count] = scalar
        func span(_ range: NSRange) -> Range<Int>? {
            guard range.location != NSNotFound else { return nil }
            return toScalar[range.location]..<toScalar[range.location + range.length]
        }
        var found: [EvaluationSet.Attribution] = []
        let whole = NSRange(location: 0, length: utf16.count)
        for (regex, content, source, cue) in patterns {
            for match in regex.matches(in: text, range: whole) {
                guard let c = span(match.range(at: content)) else { continue }
                if found.contains(where: { $0.content[0].overlaps(c) }) { continue }
                found.append(.init(content: [c], source: span(match.range(at: source)).map { [$0] },
                                   cue: span(match.range(at: cue)).map { [$0] }))
            }
        }
        return found
    }
}
