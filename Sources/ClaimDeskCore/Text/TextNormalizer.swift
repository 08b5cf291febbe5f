import Foundation

/// The two normalisations every article text gets when it is loaded.
///
/// Offsets are counted in code points of the normalised text, so the same
/// file always gives the same offsets whatever editor or platform wrote it.
public enum TextNormalizer {
    /// Line ends to `\n` (CRLF and lone CR), then Unicode NFC.
    public static func normalize(_ text: String) -> String {
        var unified = text
        if unified.utf8.contains(0x0D) {
            unified = unified.replacingOccurrences(of: "\r\n", with: "\n")
                .replacingOccurrences(of: "\r", with: "\n")
        }
        if isKnownNFC(unified) { return unified }
        return unified.precomposedStringWithCanonicalMapping
    }

    /// A quick check that lets most news text skip the (slow) full NFC pass.
    ///
    /// True only when every code point lies in a range whose characters are
    /// their own NFC form and compose with nothing that follows them unless
    /// that follower is a combining mark (which makes the check fail).
    public static func isKnownNFC(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x300 { continue }
            if scalar.properties.canonicalCombiningClass != .notReordered { return false }
            if !isStableStarter(v) { return false }
        }
        return true
    }

    /// Ranges of starters that are unchanged by NFC and never compose with a following starter.
    static func isStableStarter(_ v: UInt32) -> Bool {
        switch v {
        case 0x0388...0x03FF,  // Greek (after the singletons U+0374, U+037E, U+0387)
             0x0400...0x04FF,  // Cyrillic
             0x05D0...0x05EA,  // Hebrew letters
             0x0600...0x06FF,  // Arabic
             0x2002...0x206F,  // General punctuation (after the singletons U+2000, U+2001)
             0x20A0...0x20CF,  // Currency symbols
             0x2190...0x21FF,  // Arrows
             0x2500...0x27BF,  // Box drawing, shapes, dingbats
             0x3000...0x3098,  // CJK punctuation and kana (before the combining kana marks)
             0x309D...0x30FF,
             0x4E00...0x9FFF,  // CJK unified ideographs
             0xAC00...0xD7A3,  // Hangul syllables
             0x1F300...0x1FAFF:  // Emoji
            return true
        default:
            return false
        }
    }
}
