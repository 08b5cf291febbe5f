/// A word, a punctuation mark or a quotation mark of a paragraph, as the suggestion rules see it.
struct SuggestionToken: Sendable {
    enum Kind: Sendable {
        case word
        case punctuation
        case openQuote
        case closeQuote
    }

    /// Code points of the article text, end exclusive.
    var range: Range<Int>
    var kind: Kind
    /// The word in lower case with typographic apostrophes folded to `'`; the mark itself for punctuation.
    var lower: String
    /// Whether a word starts with a capital letter.
    var isCapitalized: Bool
    /// Whether a word is written in capitals only ("PORT", "IRNA").
    var isAllCaps: Bool
    /// Whether a word is written in Arabic script.
    var isArabic: Bool

    var isWord: Bool { kind == .word }

    func isMark(_ mark: String) -> Bool { kind == .punctuation && lower == mark }

    /// A sentence-ending mark.
    var endsSentence: Bool { kind == .punctuation && (lower == "." || lower == "!" || lower == "?") }
}
