/// Where an annotation sits in an article: a position and a quote, as the W3C
/// TextPositionSelector and TextQuoteSelector do, so it can be found again
/// after the text is edited.
///
/// `start` and `end` count Unicode code points, end exclusive. `prefix` and
/// `suffix` hold up to ``Anchor/contextLength`` code points around `exact`.
public struct Anchor: Hashable, Sendable {
    public static let contextLength = 32

    public var article: AnnotationID
    public var start: Int
    public var end: Int
    // The quote and its context, shared with the article's text once a session is read (see ``QuoteText``).
    private var storedExact: QuoteText
    private var storedPrefix: QuoteText
    private var storedSuffix: QuoteText
    /// Set when re-anchoring could not find the quote in a new version of the text.
    public var orphaned: Bool?

    public var exact: String {
        get { storedExact.string }
        set { storedExact = QuoteText(newValue) }
    }

    public var prefix: String {
        get { storedPrefix.string }
        set { storedPrefix = QuoteText(newValue) }
    }

    public var suffix: String {
        get { storedSuffix.string }
        set { storedSuffix = QuoteText(newValue) }
    }

    public init(article: AnnotationID, start: Int, end: Int, exact: String, prefix: String, suffix: String, orphaned: Bool? = nil) {
        self.article = article
        self.start = start
        self.end = end
        storedExact = QuoteText(exact)
        storedPrefix = QuoteText(prefix)
        storedSuffix = QuoteText(suffix)
        self.orphaned = orphaned
    }

    /// An anchor over `range` of `text`, with its quote and context taken from the text.
    public init(article: AnnotationID, range: Range<Int>, in text: ArticleText) {
        self.init(article: article, start: range.lowerBound, end: range.upperBound, exact: text.slice(range),
                  prefix: text.slice(max(0, range.lowerBound - Self.contextLength)..<range.lowerBound),
                  suffix: text.slice(range.upperBound..<min(text.count, range.upperBound + Self.contextLength)))
    }

    /// The quote where it lies (in the article's text, once shared), without a copy.
    var exactText: Substring { storedExact.text }

    /// Whether the quote, its prefix and its suffix all share the article's text (see ``QuoteText``).
    var sharesArticleText: Bool { storedExact.isShared && storedPrefix.isShared && storedSuffix.isShared }

    /// The anchor with its quote, prefix and suffix each sharing `text`'s storage where `text`
    /// reads it in its place: the quote from the UTF-8 offset `utf8Start` (the anchor's `start`)
    /// on, the prefix just before and the suffix just after. What does not read so stays as it is.
    func sharingQuote(with text: String, utf8Start: Int) -> Anchor {
        var anchor = self
        anchor.shareQuote(with: text, utf8Start: utf8Start)
        return anchor
    }

    /// ``sharingQuote(with:utf8Start:)`` in place: a session being read shares every anchor's
    /// quote, and making a changed copy of each cost a reference count per field.
    mutating func shareQuote(with text: String, utf8Start: Int) {
        var article = text
        article.withUTF8 { bytes in
            let exactEnd = utf8Start + storedExact.utf8Count
            storedExact.share(text, bytes, at: utf8Start)
            storedPrefix.share(text, bytes, at: utf8Start - storedPrefix.utf8Count)
            storedSuffix.share(text, bytes, at: exactEnd)
        }
    }

    public var range: Range<Int> { start..<end }
    public var isOrphaned: Bool { orphaned == true }
}

extension Anchor: JSONCodable {
    public static let jsonFields = JSONFields<Anchor>([
        .required("article", \.article),
        .required("start", \.start),
        .required("end", \.end),
        .required("exact", \.storedExact),
        .required("prefix", \.storedPrefix),
        .required("suffix", \.storedSuffix),
        .optional("orphaned", \.orphaned),
    ])

    /// Made once: every anchor read starts from it.
    public static let jsonDefaults = Anchor(article: "", start: 0, end: 0, exact: "", prefix: "", suffix: "")

    public static func checkJSON(_ anchor: inout Anchor, reader: JSONReader) throws(JSONReadError) {
        guard anchor.start >= 0, anchor.start <= anchor.end else {
            throw JSONReadError(path: reader.pathText, line: nil, column: nil, problem: "start and end must satisfy 0 <= start <= end")
        }
    }
}
