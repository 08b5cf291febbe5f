/// An opening quotation mark and the mark that closes it, as token positions in a paragraph.
///
/// A quote still open at the end of its paragraph is closed there: news style reopens a quote
/// that runs over paragraphs and leaves the first one unclosed.
struct QuotePair: Sendable {
    var open: Int
    /// The closing mark, or nil when the paragraph ends first.
    var close: Int?

    /// Pairs the quotation marks of a paragraph's tokens, outermost quotes only.
    static func pairs(in tokens: [SuggestionToken]) -> [QuotePair] {
        var pairs: [QuotePair] = []
        var open: Int?
        for (i, token) in tokens.enumerated() {
            switch token.kind {
            case .openQuote:
                if let start = open, tokens[start].lower == token.lower {
                    // The same mark again before a close: a quote left open; restart here.
                    pairs.append(QuotePair(open: start, close: nil))
                    open = i
                } else if open == nil {
                    open = i
                }
            case .closeQuote:
                if let start = open {
                    pairs.append(QuotePair(open: start, close: i))
                    open = nil
                }
            default:
                continue
            }
        }
        if let start = open { pairs.append(QuotePair(open: start, close: nil)) }
        return pairs
    }
}
