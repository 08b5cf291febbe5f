import Foundation

/// The two normalisations every article text gets when it is loaded.
///
/// Offsets are counted in code points of the normalised text, so the same
/// file always gives the same offsets whatever editor or platform wrote it.
public enum TextNormalizer {
    /// Line ends to `\n` (CRLF and lone CR), then Unicode NFC.
    public static func normalize(_ text: String) -> String {
        var unified = text
        if unified.unicodeScalars.contains("\r") {
            unified = unified.replacingOccurrences(of: "\r\n", with: "\n")
                .replacingOccurrences(of: "\r", with: "\n")
        }
        if unified.unicodeScalars.allSatisfy({ $0.isASCII }) { return unified }
        return unified.precomposedStringWithCanonicalMapping
    }
}
