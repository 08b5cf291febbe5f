/// The articles' texts while a session is read, so that each anchor read after them can share
/// its quote and context with its article's text instead of holding copies (``QuoteText``).
///
/// Anchors count code points; a text's storage is UTF-8, so a text with other than ASCII in it
/// gets a table of where every 32nd code point starts, made the first time an anchor asks and
/// dropped with this value once the session is read (a table of every code point took 3 MB of
/// a session of 100,000 annotations over 100 articles at the moment opening needs the most).
struct ArticleQuoteTexts {
    private final class Text {
        static let stride = 32
        let string: String
        let scalars: [Unicode.Scalar]
        /// The UTF-8 offset of every ``stride``th code point; empty until an anchor asks.
        private var offsets: [Int] = []
        /// Whether the text is all ASCII, where a code point's offset is its index.
        private let ascii: Bool

        init(_ article: Article) {
            string = article.text
            scalars = article.content.scalars
            ascii = string.utf8.count == scalars.count
        }

        /// The UTF-8 offset of the code point at `index` (or of the end); nil outside the text.
        func utf8Offset(ofScalar index: Int) -> Int? {
            guard index >= 0, index <= scalars.count else { return nil }
            if ascii { return index }
            return scalars.withUnsafeBufferPointer { scalars in
                if offsets.isEmpty { offsets = Self.strideOffsets(scalars) }
                let mark = index / Self.stride
                var offset = offsets[mark]
                for i in mark * Self.stride..<index { offset += UTF8.width(scalars[i]) }
                return offset
            }
        }

        /// The UTF-8 offset of every ``stride``th code point of `scalars`, and of the end when
        /// the count is a multiple of the stride.
        ///
        /// A whole stride's widths are summed in a loop of fixed length over the code points as
        /// words, which the compiler turns into vector instructions: summed one by one, the table
        /// was a tenth of opening a session of 1,000 annotations over 100 articles.
        private static func strideOffsets(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) -> [Int] {
            let marks = scalars.count / stride + 1
            return [Int](unsafeUninitializedCapacity: marks) { table, initialized in
                scalars.withMemoryRebound(to: UInt32.self) { values in
                    var offset = 0
                    for mark in 0..<marks {
                        table[mark] = offset
                        let start = mark * stride
                        if start + stride <= values.count {
                            var sum: UInt32 = 0
                            for k in 0..<stride { sum &+= width(values[start + k]) }
                            offset += Int(sum)
                        } else {
                            for k in start..<values.count { offset += Int(width(values[k])) }
                        }
                    }
                }
                initialized = marks
            }
        }

        /// The UTF-8 length of a code point, without branches.
        @inline(__always)
        private static func width(_ v: UInt32) -> UInt32 {
            1 &+ (v >= 0x80 ? 1 : 0) &+ (v >= 0x800 ? 1 : 0) &+ (v >= 0x10000 ? 1 : 0)
        }
    }

    private let texts: [AnnotationID: Text]

    init(_ articles: [Article]) {
        var texts: [AnnotationID: Text] = [:]
        texts.reserveCapacity(articles.count)
        for article in articles { texts[article.id] = Text(article) }
        self.texts = texts
    }

    /// Shares `anchor`'s quote with its article's text, in place, where the text reads it at `start`.
    func share(_ anchor: inout Anchor) {
        guard let text = texts[anchor.article], let offset = text.utf8Offset(ofScalar: anchor.start) else { return }
        anchor.shareQuote(with: text.string, utf8Start: offset)
    }

    /// Shares each anchor of `anchors` in place.
    func share(_ anchors: inout [Anchor]) {
        for i in anchors.indices { share(&anchors[i]) }
    }
}
