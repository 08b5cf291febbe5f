/// The articles' texts while a session is read, so that each anchor read after them can share
/// its quote and context with its article's text instead of holding copies (``QuoteText``).
///
/// Anchors count code points; a text's storage is UTF-8, so each text's ``CodePointOffsets``
/// (made with the text and kept with it, which the record checks read after) turn an
/// anchor's start into a place in the bytes. Made once per reading: the first part of a split
/// reading hands its own to the second.
struct ArticleQuoteTexts: Sendable {
    /// The two parts of an ``ArticleText`` an anchor's lookup reads: kept whole, the text was
    /// copied out of the table for every anchor read, with each of its references (string,
    /// segmenter, code points, segmentation, digest, marks) counted up and down.
    private struct Text: Sendable {
        let string: String
        let offsets: CodePointOffsets
    }

    private let texts: [AnnotationID: Text]

    init(_ articles: [Article]) {
        var texts: [AnnotationID: Text] = [:]
        texts.reserveCapacity(articles.count)
        for article in articles { texts[article.id] = Text(string: article.text, offsets: article.content.codePointOffsets) }
        self.texts = texts
    }

    /// Shares `anchor`'s quote with its article's text, in place, where the text reads it at `start`.
    func share(_ anchor: inout Anchor) {
        guard let text = texts[anchor.article] else { return }
        var string = text.string
        guard let offset = string.withUTF8({ text.offsets.utf8Offset(ofCodePoint: anchor.start, in: $0) }) else { return }
        anchor.shareQuote(with: text.string, utf8Start: offset)
    }

    /// Shares each anchor of `anchors` in place.
    func share(_ anchors: inout [Anchor]) {
        for i in anchors.indices { share(&anchors[i]) }
    }
}
