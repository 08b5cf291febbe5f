#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One of the strings an anchor holds (``Anchor/exact``, ``Anchor/prefix``, ``Anchor/suffix``):
/// a string of its own, or a stretch of its article's text, shared with the article.
///
/// Nearly every anchor of a saved session quotes its article word for word, so its three
/// strings repeated text the session held already: 24 MB of a session of 100,000 annotations
/// that takes 51 MB on disk. Opening a session shares them with the article instead
/// (``Anchor/sharingQuote(with:utf8Start:)``); a shared quote reads as the same bytes, so the
/// session saves the same file. Equal texts are equal however each is stored.
struct QuoteText: Hashable, Sendable {
    private enum Storage: Sendable {
        case own(String)
        /// The UTF-8 bytes `start..<end` of an article's text.
        case shared(String, start: UInt32, end: UInt32)
    }

    private var storage: Storage

    init(_ string: String) {
        storage = .own(string)
    }

    var string: String {
        switch storage {
        case .own(let string): string
        case .shared: String(text)
        }
    }

    /// The text where it lies, without a copy.
    var text: Substring {
        switch storage {
        case .own(let string): Substring(string)
        case .shared(let text, let start, let end):
            text[text.utf8.index(text.startIndex, offsetBy: Int(start))..<text.utf8.index(text.startIndex, offsetBy: Int(end))]
        }
    }

    var isShared: Bool {
        if case .shared = storage { return true }
        return false
    }

    /// The same text, sharing the bytes `start..<start + count` of `article` (whose UTF-8 is
    /// `bytes`) when they are this text's bytes; nil when they are not, or it is shared already.
    func sharing(_ article: String, _ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> QuoteText? {
        guard case .own(var string) = storage, start >= 0 else { return nil }
        let end = start + string.utf8.count
        guard end <= bytes.count, end <= Int(UInt32.max), let base = bytes.baseAddress else { return nil }
        let same = string.withUTF8 { own in
            guard let ownBase = own.baseAddress else { return true }
            return memcmp(base + start, ownBase, own.count) == 0
        }
        guard same else { return nil }
        var shared = self
        shared.storage = .shared(article, start: UInt32(start), end: UInt32(end))
        return shared
    }

    /// The length of the text in UTF-8 bytes.
    var utf8Count: Int {
        switch storage {
        case .own(let string): string.utf8.count
        case .shared(_, let start, let end): Int(end - start)
        }
    }

    static func == (a: QuoteText, b: QuoteText) -> Bool { a.text == b.text }

    func hash(into hasher: inout Hasher) { hasher.combine(text) }
}

extension QuoteText: JSONFieldValue {
    static func readJSONValue(from reader: inout JSONReader) throws(JSONReadError) -> QuoteText {
        QuoteText(try reader.readString())
    }

    func writeJSONValue(to writer: inout JSONWriter) {
        writer.string(string)
    }
}
