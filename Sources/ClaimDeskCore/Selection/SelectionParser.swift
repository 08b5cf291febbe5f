/// Parses the selection grammar from the token as the user typed it (quotes included).
public enum SelectionParser {
    public static func parse(_ raw: String) throws(SelectionError) -> Selection {
        let text = Substring(raw)
        if text.isEmpty { throw .malformed(raw, "it is empty") }
        if text.first == "@" { return try codePoints(text.dropFirst(), raw: raw) }
        if text.first == "\"" || text.first == "'" {
            return try quote(text, within: nil, raw: raw)
        }
        if let colon = text.firstIndex(of: ":"), colon != text.startIndex {
            let head = text[..<colon]
            let rest = text[text.index(after: colon)...]
            if let scope = try? numbered(head, raw: raw), rest.first == "\"" || rest.first == "'" {
                switch scope {
                case .sentences(let r): return try quote(rest, within: .sentences(r), raw: raw)
                case .paragraphs(let r): return try quote(rest, within: .paragraphs(r), raw: raw)
                default: break
                }
            }
        }
        if let selection = try numbered(text, raw: raw) { return selection }
        if let selection = try findHit(text, raw: raw) { return selection }
        let id = AnnotationID(raw)
        if id.kind != nil { return .annotation(id) }
        // A bare word is looked up as words of the text.
        return .quote(raw, occurrence: nil, within: nil)
    }

    /// The parts of a selection in fragments, `s4:"One group"+s4:"Baghdad"`: the text split at
    /// each `+` outside quotes. A `+` at either end or doubled (`f2+`, `C++`) does not split, so
    /// the text is one selection as before; a plus inside quotes is always text.
    public static func fragmentParts(_ raw: String) -> [String] {
        guard raw.contains("+") else { return [raw] }
        var parts: [String] = []
        var current = ""
        var quote: Character? = nil
        var escaped = false
        for c in raw {
            if let open = quote {
                current.append(c)
                if escaped { escaped = false } else if c == "\\" && open == "\"" { escaped = true } else if c == open { quote = nil }
            } else if c == "+" {
                parts.append(current)
                current = ""
            } else {
                // A quote opens at the start of a part, after a scope's colon (`s4:"…"`) or after a
                // from-to's `..`, as the grammar has it.
                if (c == "\"" || c == "'") && (current.isEmpty || current.last == ":" || current.hasSuffix("..")) { quote = c }
                current.append(c)
            }
        }
        parts.append(current)
        guard parts.count > 1, parts.allSatisfy({ !$0.isEmpty }) else { return [raw] }
        return parts
    }

    /// The largest number a selection takes: more than any article's sentences or code points
    /// (articles are at most 64 MB), and small enough that no arithmetic on it can overflow.
    public static let maximumNumber = 999_999_999

    /// A number the user typed: ASCII digits only, at most ``maximumNumber``; nil when the text
    /// is not digits, and an error when it is digits but too large.
    static func number(_ digits: Substring, raw: String) throws(SelectionError) -> Int? {
        guard !digits.isEmpty, digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        let significant = digits.drop { $0 == "0" }
        guard significant.utf8.count <= 9, let value = Int(significant.isEmpty ? "0" : significant) else {
            throw .malformed(raw, "\(digits.prefix(24))\(digits.count > 24 ? "…" : "") is too large; numbers go up to \(maximumNumber)")
        }
        return value
    }

    /// `s12`, `s12-s14`, `s12-14`, `p3`, `p3-p5`; nil when the text is not of that shape.
    static func numbered(_ text: Substring, raw: String) throws(SelectionError) -> Selection? {
        guard let letter = text.first, letter == "s" || letter == "p" else { return nil }
        let body = text.dropFirst()
        let parts = body.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = parts.first, let from = try number(first, raw: raw) else { return nil }
        var to = from
        if parts.count == 2 {
            var second = parts[1]
            if second.first == letter { second = second.dropFirst() }
            guard let value = try number(second, raw: raw) else {
                throw .malformed(raw, "write a range as \(letter)\(from)-\(letter)\(from + 1)")
            }
            to = value
        }
        guard from >= 1, to >= 1 else { throw .malformed(raw, "numbers start at 1") }
        guard from <= to else {
            throw .malformed(raw, "the range runs backwards; write \(letter)\(to)-\(letter)\(from)")
        }
        return letter == "s" ? .sentences(from...to) : .paragraphs(from...to)
    }

    static func codePoints(_ body: Substring, raw: String) throws(SelectionError) -> Selection {
        let parts = body.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let start = try number(parts[0], raw: raw), let end = try number(parts[1], raw: raw) else {
            throw .malformed(raw, "write code-point offsets as @START-END, e.g. @120-180")
        }
        guard start < end else {
            throw .malformed(raw, "START must be at least 0 and less than END")
        }
        return .codePoints(start..<end)
    }

    /// A quoted string, with backslash escapes inside, and an optional `#N` after it; or two such,
    /// joined by `..`, for the words from the first to the last (`"One group".."Baghdad"#2`).
    static func quote(_ text: Substring, within: Selection.Scope?, raw: String) throws(SelectionError) -> Selection {
        let (words, occurrence, rest) = try quotedWords(text, raw: raw)
        if rest.isEmpty { return .quote(words, occurrence: occurrence, within: within) }
        guard rest.hasPrefix("..") else {
            throw .malformed(raw, "after a quote only #N or ..\"last words\" may follow, e.g. \"words\"#2")
        }
        let second = rest.dropFirst(2)
        guard second.first == "\"" || second.first == "'" else {
            throw .malformed(raw, "after .. give the last words in quotes, e.g. \"One group\"..\"Baghdad\"")
        }
        let (last, lastOccurrence, tail) = try quotedWords(second, raw: raw)
        guard tail.isEmpty else {
            throw .malformed(raw, "a from-to selection ends with the last words' quote (and #N), e.g. \"One group\"..\"Baghdad\"")
        }
        return .fromTo(from: words, occurrence: occurrence, to: last, toOccurrence: lastOccurrence, within: within)
    }

    /// One quoted string and its `#N`, and what follows them.
    static func quotedWords(_ text: Substring, raw: String) throws(SelectionError) -> (String, Int?, Substring) {
        guard let delimiter = text.first else { throw .malformed(raw, "it is empty") }
        var words = ""
        var index = text.index(after: text.startIndex)
        var closed = false
        while index < text.endIndex {
            let c = text[index]
            if c == "\\", delimiter == "\"", text.index(after: index) < text.endIndex {
                index = text.index(after: index)
                words.append(text[index])
            } else if c == delimiter {
                closed = true
                index = text.index(after: index)
                break
            } else {
                words.append(c)
            }
            index = text.index(after: index)
        }
        guard closed else { throw .malformed(raw, "the quote is not closed") }
        guard !words.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw .malformed(raw, "the quote is empty")
        }
        let rest = text[index...]
        guard rest.first == "#" else { return (words, nil, rest) }
        let digits = rest.dropFirst().prefix { $0.isASCII && $0.isNumber }
        guard let n = try number(digits, raw: raw), n >= 1 else {
            throw .malformed(raw, "after a quote only #N may follow, e.g. \"words\"#2")
        }
        return (words, n, rest.dropFirst(1 + digits.count))
    }

    /// `f2`, `f2+`, `f2++`: a hit of the last find; nil when the text is not of that shape.
    static func findHit(_ text: Substring, raw: String) throws(SelectionError) -> Selection? {
        guard text.first == "f" else { return nil }
        let body = text.dropFirst()
        let digits = body.prefix { $0.isASCII && $0.isNumber }
        let pluses = body.dropFirst(digits.count)
        guard !digits.isEmpty, pluses.allSatisfy({ $0 == "+" }) else { return nil }
        guard let n = try number(digits, raw: raw), n >= 1 else { throw .malformed(raw, "find hits are numbered from f1") }
        guard let growth = FindHitGrowth(rawValue: pluses.count) else {
            throw .malformed(raw, "f\(n)+ grows a hit to its clause and f\(n)++ to its sentence; there is no more")
        }
        return .findHit(n, growth: growth)
    }
}
