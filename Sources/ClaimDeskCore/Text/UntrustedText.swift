/// Which characters of untrusted text (articles, sessions, imports) must never reach a reader as
/// they are: controls that rewrite a terminal, and bidi marks that reorder or hide what is shown.
///
/// The terminal shows them as `\u{1B}`, exports as visible stand-ins; both ask here.
public enum UntrustedText {
    /// C0 and C1 controls and DEL (but newline and tab), and every bidi control: embeddings,
    /// overrides, isolates and the directional marks.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        isUnsafe(value: scalar.value)
    }

    /// The same by code point value, without Unicode property lookups (they cost more than the
    /// rest of writing a character): Cc is U+0000–U+001F and U+007F–U+009F, Bidi_Control is
    /// U+061C, U+200E–U+200F, U+202A–U+202E and U+2066–U+2069 (a test checks every code point).
    public static func isUnsafe(value v: UInt32) -> Bool {
        switch v {
        case 0x0A, 0x09: false
        case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// The text as one visible line: a newline as `\n`, every unsafe character as `\u{1B}`.
    /// For messages that quote a document's content, so a value can never fake a line or a
    /// terminal sequence, whoever prints the message.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "\n" || isUnsafe($0) }) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                result += "\\n"
            } else if isUnsafe(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
