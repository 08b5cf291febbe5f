import Foundation

/// Turns the bytes of an article file into normalised text, refusing what is not a text article.
///
/// The executable reads the bytes; this decides whether they are usable, so
/// every entry point (`load`, `claimdesk FILE`, `claimdesk segment`) answers
/// bad input with the same words.
public enum ArticleDecoder {
    /// Files larger than this are refused (a news article is rarely over 1 MB).
    public static let sizeLimit = 64 * 1024 * 1024

    public static func decode(_ data: Data) throws(ArticleInputError) -> String {
        // Through a raw buffer: Data's own iterator is slow on a megabyte.
        try data.withUnsafeBytes { decoding($0) }.get()
    }

    /// The same from bytes the caller holds (`claimdesk segment` reads the file into a buffer of its own, not zeroed first).
    public static func decode(bytes: UnsafeRawBufferPointer) throws(ArticleInputError) -> String {
        try decoding(bytes).get()
    }

    private static func decoding(_ raw: UnsafeRawBufferPointer) -> Result<String, ArticleInputError> {
        if raw.count > sizeLimit { return .failure(.tooLarge(bytes: raw.count)) }
        guard let base = raw.baseAddress, !raw.isEmpty else { return .failure(.empty) }
        if memchr(base, 0, raw.count) != nil { return .failure(.binary) }
        var bytes = raw.bindMemory(to: UInt8.self)[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(validating: UnsafeBufferPointer(rebasing: bytes), as: UTF8.self) else {
            return .failure(.invalidUTF8(offset: Self.firstInvalidUTF8Offset(Data(bytes))))
        }
        let normalized = TextNormalizer.normalize(text)
        if normalized.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) { return .failure(.empty) }
        return .success(normalized)
    }

    /// The byte offset of the first byte that is not valid UTF-8.
    static func firstInvalidUTF8Offset(_ data: Data) -> Int {
        var offset = 0
        var iterator = data.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }
}

/// Why a file cannot be loaded as an article.
public enum ArticleInputError: Error, Equatable, Sendable {
    case empty
    case binary
    case invalidUTF8(offset: Int)
    case tooLarge(bytes: Int)

    public var message: String {
        switch self {
        case .empty: "the file is empty; give an article with some text"
        case .binary: "the file is binary (it contains NUL bytes); give a UTF-8 text or Markdown file"
        case .invalidUTF8(let offset):
            "the file is not valid UTF-8 (first bad byte at offset \(offset)); convert it, e.g. iconv -f latin1 -t utf-8"
        case .tooLarge(let bytes):
            "the file is \(ByteSize.describe(bytes)), over the \(ArticleDecoder.sizeLimit / 1_048_576) MB limit (\(ByteSize.grouped(ArticleDecoder.sizeLimit)) bytes) for an article; split it"
        }
    }
}
