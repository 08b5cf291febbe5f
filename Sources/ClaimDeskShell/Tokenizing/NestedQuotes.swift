/// Spots a quote typed inside a quote (`"He said "no" today"`), which the tokenizer reads as
/// quotes that close and open again in the middle of a word, so that the error it leads to can
/// say what to type instead.
enum NestedQuotes {
    static let hintText = "; for a quote inside a quote use \\\" inside \"…\", or '…'"

    /// The hint when a token has a double quote inside a word, else nothing.
    static func hint(_ tokens: [Token]) -> String {
        tokens.contains(where: { quoteInsideWord($0.raw) }) ? hintText : ""
    }

    /// Whether a double quote closes with more of the word after it (other than `#N`, as in
    /// `"words"#2`, or `+` joining fragments) or opens after part of a word (other than `SEL:`, as
    /// in `s12:"words"`, or `+`, as in `"One group"+"Baghdad"`), or `..` between the two quotes
    /// of a from-to selection.
    static func quoteInsideWord(_ raw: String) -> Bool {
        let chars = Array(raw)
        var open = false
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if open, c == "\\", i + 1 < chars.count {
                i += 2
                continue
            }
            if c == "\"" {
                // `..` joins the first and last words of a from-to selection (`"One group".."Baghdad"`).
                let fromTo = { (at: Int) in at >= 0 && at + 1 < chars.count && chars[at] == "." && chars[at + 1] == "." }
                if open {
                    if i + 1 < chars.count, chars[i + 1] != "#", chars[i + 1] != "+", !fromTo(i + 1) { return true }
                } else if i > 0, chars[i - 1] != ":", chars[i - 1] != "+", !fromTo(i - 2) {
                    return true
                }
                open.toggle()
            }
            i += 1
        }
        return false
    }
}
