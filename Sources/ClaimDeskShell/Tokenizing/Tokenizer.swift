/// Splits a command line into tokens, shell-style but kind to news text.
///
/// Double quotes group words and take backslash escapes (`\"`, `\\`).
/// A single quote groups words only where a word starts, so `Iran's` stays
/// one word with its apostrophe. `;` outside quotes ends a command.
public enum Tokenizer {
    public enum Failure: Error, Equatable, Sendable {
        case unterminatedQuote(Character)

        public var message: String {
            switch self {
            case .unterminatedQuote(let q): "the \(q) quote is not closed; close it or escape it"
            }
        }
    }

    /// Tokens of one command, or the reason the line cannot be read.
    public static func tokenize(_ line: String) throws(Failure) -> [Token] {
        let (tokens, open) = scan(line)
        if let open { throw .unterminatedQuote(open) }
        return tokens
    }

    /// Tokens of a line being typed: an open quote is allowed at the end (for completion).
    public static func tokenizePartial(_ line: String) -> (tokens: [Token], openQuote: Character?) {
        scan(line)
    }

    /// Splits a line at `;` outside quotes, keeping each part's text.
    public static func splitCommands(_ line: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character? = nil
        var escaped = false
        var previous: Character? = nil
        for c in line {
            defer { previous = c }
            if escaped { current.append(c); escaped = false; continue }
            if let q = quote {
                if c == "\\" && q == "\"" { escaped = true }
                if c == q { quote = nil }
                current.append(c)
                continue
            }
            if c == "\"" || (c == "'" && (previous == nil || previous!.isWhitespace || previous == ":")) {
                quote = c
                current.append(c)
            } else if c == ";" {
                parts.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        parts.append(current)
        return parts
    }

    private static func scan(_ line: String) -> ([Token], Character?) {
        var tokens: [Token] = []
        let chars = Array(line)
        var i = 0
        while i < chars.count {
            if chars[i].isWhitespace { i += 1; continue }
            let start = i
            var value = ""
            var quoted = false
            var open: Character? = nil
            while i < chars.count, !chars[i].isWhitespace || open != nil {
                let c = chars[i]
                if let q = open {
                    if c == "\\", q == "\"", i + 1 < chars.count, chars[i + 1] == "\"" || chars[i + 1] == "\\" {
                        value.append(chars[i + 1])
                        i += 2
                        continue
                    }
                    if c == q { open = nil } else { value.append(c) }
                    i += 1
                    continue
                }
                let atWordStart = i == start || chars[i - 1] == ":"
                if c == "\"" || (c == "'" && atWordStart) {
                    open = c
                    quoted = true
                } else {
                    value.append(c)
                }
                i += 1
            }
            tokens.append(Token(value: value, raw: String(chars[start..<i]), range: start..<i, quoted: quoted))
            if let open { return (tokens, open) }
        }
        return (tokens, nil)
    }
}
