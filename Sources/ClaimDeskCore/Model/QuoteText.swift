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
    /// The text itself, or the article's text of which the bytes `start..<end` are this text.
    private var storage: String
    private var start: UInt32
    /// ``own`` when ``storage`` is the text itself. Three fields in 24 bytes, where an enum of
    /// the two cases took 25 and so 32 in every anchor.
    private var end: UInt32

    private static let own = UInt32.max

    init(_ string: String) {
        storage = string
        start = 0
        end = Self.own
    }

    var string: String {
        end == Self.own ? storage : String(text)
    }

    /// The text where it lies, without a copy.
    var text: Substring {
        guard end != Self.own else { return Substring(storage) }
        let utf8 = storage.utf8
        return storage[utf8.index(utf8.startIndex, offsetBy: Int(start))..<utf8.index(utf8.startIndex, offsetBy: Int(end))]
    }

    var isShared: Bool { end != Self.own }

    /// Shares `article`'s bytes `start..<start + count` (its UTF-8 is `bytes`) in place when they
    /// are this text's bytes (not when they differ, or when the text is shared already).
    mutating func share(_ article: String, _ bytes: UnsafeBufferPointer<UInt8>, at start: Int) {
        guard end == Self.own, start >= 0 else { return }
        let count = storage.utf8.count
        let end = start + count
        guard end <= bytes.count, end < Int(Self.own), let base = bytes.baseAddress else { return }
        let same = storage.withUTF8 { own in own.isEmpty || memcmp(base + start, own.baseAddress!, own.count) == 0 }
        guard same else { return }
        storage = article
        self.start = UInt32(start)
        self.end = UInt32(end)
    }

    /// The length of the text in UTF-8 bytes.
    var utf8Count: Int {
        end == Self.own ? storage.utf8.count : Int(end - start)
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
