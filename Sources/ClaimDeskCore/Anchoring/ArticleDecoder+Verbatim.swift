import Foundation

extension ArticleDecoder {
    /// Decodes a text file without normalising it: offsets into the result are
    /// offsets into the file as given (a CRLF stays two code points, a byte
    /// order mark stays one), which is what W3C position selectors count.
    /// Refuses the same files as ``decode(_:)``.
    public static func decodeVerbatim(_ data: Data) throws(ArticleInputError) -> String {
        if data.count > sizeLimit { throw .tooLarge(bytes: data.count) }
        if data.isEmpty { throw .empty }
        if data.contains(0) { throw .binary }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw .invalidUTF8(offset: firstInvalidUTF8Offset(data))
        }
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace || $0 == "\u{FEFF}" }) { throw .empty }
        return text
    }
}
