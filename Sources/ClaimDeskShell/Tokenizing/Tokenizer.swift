/// Splits a command line into commands and tokens, shell-style but kind to news text, in one pass.
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

    /// One command of a line: its text and its tokens (ranges count Characters from the start of `text`).
    public struct Command: Equatable, Sendable {
        public var text: String
        public var tokens: [Token]
        /// The quote still open where the line ends, if any (only the last command can have one).
        public var openQuote: Character?
    }

    /// The commands of a line, split at `;` outside quotes, each with its tokens: one scan.
    public static func commands(_ line: String) -> [Command] {
        scan(line, splittingCommands: true)
    }

    /// Tokens of one command, or the reason the line cannot be read.
    public static func tokenize(_ line: String) throws(Failure) -> [Token] {
        let command = scan(line, splittingCommands: false)[0]
        if let open = command.openQuote { throw .unterminatedQuote(open) }
        return command.tokens
    }

    /// Tokens of a line being typed: an open quote is allowed at the end (for completion).
    public static func tokenizePartial(_ line: String) -> (tokens: [Token], openQuote: Character?) {
        let command = scan(line, splittingCommands: false)[0]
        return (command.tokens, command.openQuote)
    }

    /// Splits a line at `;` outside quotes, keeping each part's text.
    public static func splitCommands(_ line: String) -> [String] {
        commands(line).map(\.text)
    }

    /// The one scanner: the quoting rules are written here only.
    private static func scan(_ line: String, splittingCommands: Bool) -> [Command] {
        var commands: [Command] = []
        var tokens: [Token] = []
        let chars = Array(line)
        var commandStart = 0
        var i = 0
        func endCommand(at end: Int, openQuote: Character? = nil) {
            commands.append(Command(text: String(chars[commandStart..<end]), tokens: tokens, openQuote: openQuote))
            tokens = []
        }
        while i < chars.count {
            if chars[i].isWhitespace { i += 1; continue }
            if splittingCommands, chars[i] == ";" {
                endCommand(at: i)
                i += 1
                commandStart = i
                continue
            }
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
                if splittingCommands, c == ";" { break }
                let atWordStart = i == start || chars[i - 1] == ":"
                if c == "\"" || (c == "'" && atWordStart) {
                    open = c
                    quoted = true
                } else {
                    value.append(c)
                }
                i += 1
            }
            tokens.append(Token(value: value, raw: String(chars[start..<i]), range: (start - commandStart)..<(i - commandStart),
                                quoted: quoted))
            if let open {
                endCommand(at: chars.count, openQuote: open)
                return commands
            }
        }
        endCommand(at: chars.count)
        return commands
    }
}
