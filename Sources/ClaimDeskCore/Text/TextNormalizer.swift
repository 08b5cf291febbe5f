import Foundation

/// The two normalisations every article text gets when it is loaded.
///
/// Offsets are counted in code points of the normalised text, so the same
/// file always gives the same offsets whatever editor or platform wrote it.
public enum TextNormalizer {
    /// Line ends to `\n` (CRLF and lone CR), then Unicode NFC.
    ///
    /// Only the lines that fail the quick check go through the (slow) full normalisation: a line
    /// break is a starter that composes with nothing, so NFC of the whole text is NFC of each line.
    public static func normalize(_ text: String) -> String {
        var unified = text
        if containsCarriageReturn(unified) {
            unified = unified.replacingOccurrences(of: "\r\n", with: "\n")
                .replacingOccurrences(of: "\r", with: "\n")
        }
        if isKnownNFC(unified) { return unified }
        let rebuilt: String? = unified.withUTF8 { utf8 in
            // Lines that fail the quick check, normalised; the text is rebuilt only if one changed.
            var replaced: [(range: Range<Int>, nfc: String)] = []
            var start = 0
            while start <= utf8.count {
                var end = start
                while end < utf8.count, utf8[end] != 0x0A { end += 1 }
                let line = UnsafeBufferPointer(rebasing: utf8[start..<end])
                if !isKnownNFC(utf8: line) {
                    let original = String(decoding: line, as: UTF8.self)
                    let nfc = original.precomposedStringWithCanonicalMapping
                    if !nfc.utf8.elementsEqual(line) { replaced.append((start..<end, nfc)) }
                }
                start = end + 1
            }
            guard !replaced.isEmpty else { return nil }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(utf8.count + 64)
            var copied = 0
            for (range, nfc) in replaced {
                bytes.append(contentsOf: utf8[copied..<range.lowerBound])
                bytes.append(contentsOf: nfc.utf8)
                copied = range.upperBound
            }
            bytes.append(contentsOf: utf8[copied...])
            return String(decoding: bytes, as: UTF8.self)
        }
        return rebuilt ?? unified
    }

    /// Whether the text holds a CR, found with `memchr` rather than byte by byte.
    static func containsCarriageReturn(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            guard let base = utf8.baseAddress else { return false }
            return memchr(base, 0x0D, utf8.count) != nil
        }
    }

    /// A quick check that lets most news text skip the (slow) full NFC pass.
    ///
    /// True only when every code point lies in a range whose characters are
    /// their own NFC form and compose with nothing that follows them unless
    /// that follower is a combining mark (which makes the check fail).
    public static func isKnownNFC(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isKnownNFC(utf8: $0) }
    }

    /// The quick check on valid UTF-8: ASCII eight bytes at a time, everything below U+0300 and
    /// general punctuation (curly quotes, dashes) without a property lookup.
    static func isKnownNFC(utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = UnsafeRawPointer(utf8.baseAddress) else { return true }
        let n = utf8.count
        var i = 0
        while i < n {
            while i + 8 <= n, base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
            guard i < n else { break }
            let b0 = UInt32(utf8[i])
            if b0 < 0x80 {
                i += 1
                continue
            }
            if b0 < 0xCC {  // two bytes below U+0300
                i += 2
                continue
            }
            let width = b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4
            let v: UInt32 = switch width {
            case 2: (b0 & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F)
            case 3: (b0 & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
            default: (b0 & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12 | UInt32(utf8[i + 2] & 0x3F) << 6
                | UInt32(utf8[i + 3] & 0x3F)
            }
            i += width
            if (0x2002...0x206F).contains(v) { continue }  // general punctuation: no combining marks
            guard isStableStarter(v), let scalar = Unicode.Scalar(v),
                  scalar.properties.canonicalCombiningClass == .notReordered else { return false }
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
