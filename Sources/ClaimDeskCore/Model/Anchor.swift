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
    public var exact: String
    public var prefix: String
    public var suffix: String
    /// Set when re-anchoring could not find the quote in a new version of the text.
    public var orphaned: Bool?

    public init(article: AnnotationID, start: Int, end: Int, exact: String, prefix: String, suffix: String, orphaned: Bool? = nil) {
        self.article = article
        self.start = start
        self.end = end
        self.exact = exact
        self.prefix = prefix
        self.suffix = suffix
        self.orphaned = orphaned
    }

    /// An anchor over `range` of `text`, with its quote and context taken from the text.
    public init(article: AnnotationID, range: Range<Int>, in text: ArticleText) {
        self.article = article
        start = range.lowerBound
        end = range.upperBound
        exact = text.slice(range)
        prefix = text.slice(max(0, range.lowerBound - Self.contextLength)..<range.lowerBound)
        suffix = text.slice(range.upperBound..<min(text.count, range.upperBound + Self.contextLength))
        orphaned = nil
    }

    public var range: Range<Int> { start..<end }
    public var isOrphaned: Bool { orphaned == true }
}

extension Anchor: JSONCodable {
    public static let jsonFields = JSONFields<Anchor>([
        .required("article", \.article),
        .required("start", \.start),
        .required("end", \.end),
        .required("exact", \.exact),
        .required("prefix", \.prefix),
        .required("suffix", \.suffix),
        .optional("orphaned", \.orphaned),
    ])

    public static var jsonDefaults: Anchor { Anchor(article: "", start: 0, end: 0, exact: "", prefix: "", suffix: "") }

    public static func checkJSON(_ anchor: inout Anchor, reader: JSONReader) throws(JSONReadError) {
        guard anchor.start >= 0, anchor.start <= anchor.end else {
            throw JSONReadError(path: reader.pathText, line: nil, column: nil, problem: "start and end must satisfy 0 <= start <= end")
        }
    }
}
