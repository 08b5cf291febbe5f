/// Whether a typed line stops inside a quote, so the shell should read another line before it
/// runs anything (as psql and sqlite3 do): a quotation pasted with a line break stays one value.
public enum LineContinuation {
    /// True when the line's last command has an unclosed quote and that command does not read its
    /// whole line as text (`find "Iran` looks for the quote mark, it does not wait for more).
    public static func needsMore(_ line: String) -> Bool {
        guard let last = Tokenizer.commands(line).last, last.openQuote != nil else { return false }
        return CommandCatalog.match(last.tokens)?.spec.readsWholeLine != true
    }

    /// The prompt for the lines after the first: as wide as `prompt`, so the text lines up.
    public static func prompt(under prompt: String) -> String {
        let width = max(4, prompt.count)
        return String(repeating: " ", count: width - 4) + "...> "
    }
}
