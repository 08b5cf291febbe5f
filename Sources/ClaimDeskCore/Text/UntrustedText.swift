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

    /// Characters a terminal shows as nothing, or as a line break: the zero-width space, non-joiner
    /// and joiner (U+200B–U+200D), the word joiner (U+2060), the zero-width no-break space / byte
    /// order mark (U+FEFF), and the line and paragraph separators (U+2028, U+2029). They can hide
    /// a difference between two names that look alike, so the terminal shows them; saved sessions
    /// and exports keep them as they are (they are part of the text).
    public static func isInvisible(value v: UInt32) -> Bool {
        switch v {
        case 0x200B...0x200D, 0x2060, 0xFEFF, 0x2028, 0x2029: true
        default: false
        }
    }

    /// Whether a zero-width non-joiner or joiner between `before` and `after` shapes a word, as in
    /// Persian `می‌خواهم` or an emoji sequence, and so is shown as it is rather than escaped:
    /// both neighbours are letters or marks of a script that joins (Arabic, Syriac, Thaana, N'Ko,
    /// the Indic scripts, Mongolian), or, for a joiner, both sides belong to an emoji sequence.
    static func shapesWord(_ joiner: Unicode.Scalar, between before: Unicode.Scalar?, and after: Unicode.Scalar?) -> Bool {
        guard let before, let after, joiner.value == 0x200C || joiner.value == 0x200D else { return false }
        func joins(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x0600...0x08FF, 0x0900...0x0DFF, 0x1800...0x18AF, 0xFB50...0xFDFF, 0xFE70...0xFEFC:
                switch scalar.properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                     .nonspacingMark, .spacingMark, .enclosingMark: return true
                default: return false
                }
            default: return false
            }
        }
        if joins(before) && joins(after) { return true }
        guard joiner.value == 0x200D else { return false }
        // Emoji: a pictograph (or its variation selector or skin tone) before, a pictograph after.
        func pictograph(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x2194 && scalar.properties.isEmoji }
        let emojiBefore = pictograph(before) || before.value == 0xFE0F || (0x1F3FB...0x1F3FF).contains(before.value)
        return emojiBefore && pictograph(after)
    }

    /// The text as one visible line for a terminal: as ``visible(_:)``, and every ``isInvisible(value:)``
    /// character shown as `\u{200B}` too, except a non-joiner or joiner that shapes a word
    /// (``shapesWord(_:between:and:)``), so Persian and Arabic text reads as written.
    public static func terminalVisible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "\n" || isUnsafe($0) || isInvisible(value: $0.value) }) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if scalar == "\n" {
                result += "\\n"
            } else if isUnsafe(scalar) || (isInvisible(value: scalar.value)
                      && !shapesWord(scalar, between: index > 0 ? scalars[index - 1] : nil,
                                     and: index + 1 < scalars.count ? scalars[index + 1] : nil)) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
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
