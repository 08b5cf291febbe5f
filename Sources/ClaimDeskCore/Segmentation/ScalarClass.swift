/// The code-point tests the segmenter makes on nearly every character.
///
/// ASCII is answered by arithmetic and the punctuation news text uses by an
/// explicit list, so the hot loops never build a `Character` or a `String`;
/// only rare letters outside ASCII reach `Unicode.Scalar.Properties`.
enum ScalarClass {
    @inline(__always) static func isASCIILower(_ v: UInt32) -> Bool { v &- 97 < 26 }
    @inline(__always) static func isASCIIUpper(_ v: UInt32) -> Bool { v &- 65 < 26 }
    @inline(__always) static func isASCIIDigit(_ v: UInt32) -> Bool { v &- 48 < 10 }

    /// White space, including no-break and ideographic spaces and the line and paragraph separators.
    @inline(__always) static func isSpace(_ v: UInt32) -> Bool {
        if v < 0x80 { return v == 32 || (v &- 9) < 5 }
        return isNonASCIISpace(v)
    }

    static func isNonASCIISpace(_ v: UInt32) -> Bool {
        switch v {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Punctuation and symbol blocks that hold no letters: answered without a property look-up.
    @inline(__always) private static func isKnownNonLetter(_ v: UInt32) -> Bool {
        (v >= 0x2000 && v <= 0x2BFF) || (v >= 0x3000 && v <= 0x303F) || (v >= 0xFE30 && v <= 0xFE4F)
            || (v >= 0x1F000 && v <= 0x1FAFF)
    }

    @inline(__always) static func isLower(_ v: UInt32) -> Bool {
        if v < 0x80 { return isASCIILower(v) }
        return isNonASCIILower(v)
    }

    static func isNonASCIILower(_ v: UInt32) -> Bool {
        if isKnownNonLetter(v) { return false }
        guard let scalar = Unicode.Scalar(v) else { return false }
        return scalar.properties.isLowercase && scalar.properties.isAlphabetic
    }

    @inline(__always) static func isUpper(_ v: UInt32) -> Bool {
        if v < 0x80 { return isASCIIUpper(v) }
        return isNonASCIIUpper(v)
    }

    static func isNonASCIIUpper(_ v: UInt32) -> Bool {
        if isKnownNonLetter(v) { return false }
        guard let scalar = Unicode.Scalar(v) else { return false }
        return scalar.properties.isUppercase || scalar.properties.generalCategory == .titlecaseLetter
    }

    @inline(__always) static func isLetter(_ v: UInt32) -> Bool {
        if v < 0x80 { return isASCIILower(v | 0x20) }
        return isNonASCIILetter(v)
    }

    static func isNonASCIILetter(_ v: UInt32) -> Bool {
        if isKnownNonLetter(v) { return false }
        guard let scalar = Unicode.Scalar(v) else { return false }
        return scalar.properties.isAlphabetic
    }

    /// A letter of a script without case (Arabic, Hebrew, CJK, Devanagari…): it can always start a sentence.
    static func isUncasedLetter(_ v: UInt32) -> Bool {
        if v < 0x80 { return false }
        return isLetter(v) && !isLower(v) && !isUpper(v)
    }

    @inline(__always) static func isDigit(_ v: UInt32) -> Bool {
        if v < 0x80 { return isASCIIDigit(v) }
        return isNonASCIIDigit(v)
    }

    static func isNonASCIIDigit(_ v: UInt32) -> Bool {
        if v >= 0xFF10 && v <= 0xFF19 { return true }
        if isKnownNonLetter(v) { return false }
        return Unicode.Scalar(v)?.properties.numericType == .decimal
    }

    @inline(__always) static func isAlphanumeric(_ v: UInt32) -> Bool {
        if v < 0x80 { return isASCIILower(v | 0x20) || isASCIIDigit(v) }
        return isNonASCIILetter(v) || isNonASCIIDigit(v)
    }

    /// `.`, `!`, `?`, the ellipsis and the terminal marks of other scripts: where a sentence may end.
    @inline(__always) static func isTerminal(_ v: UInt32) -> Bool {
        if v < 0x80 { return v == 46 || v == 33 || v == 63 }
        return isNonASCIITerminal(v)
    }

    static func isNonASCIITerminal(_ v: UInt32) -> Bool {
        switch v {
        case 0x2026, 0x203C, 0x203D, 0x2047, 0x2048, 0x2049, 0x2E2E: true
        case 0x3002, 0xFF0E, 0xFF01, 0xFF1F, 0xFF61: true
        case 0x0964, 0x0965, 0x061F, 0x06D4, 0x0589, 0x1362, 0x1367, 0x104B: true
        default: false
        }
    }

    /// `!`, `?`, their doubled forms and the interrobang.
    @inline(__always) static func isExclamationOrQuestion(_ v: UInt32) -> Bool {
        v == 33 || v == 63 || v == 0x203C || v == 0x203D || v == 0x2047 || v == 0x2048 || v == 0x2049 || v == 0x2E2E
    }

    /// Full stops of scripts written without spaces: a boundary even when no space follows.
    @inline(__always) static func isIdeographicTerminal(_ v: UInt32) -> Bool {
        v == 0x3002 || v == 0xFF0E || v == 0xFF01 || v == 0xFF1F || v == 0xFF61
    }

    /// Closing quotes and brackets (and Markdown emphasis) that stay with the sentence they close.
    /// Guillemets point either way (« French », »German«), so both are closers and openers.
    @inline(__always) static func isCloser(_ v: UInt32) -> Bool {
        if v < 0x80 { return v == 0x22 || v == 0x27 || v == 0x29 || v == 0x5D || v == 0x7D || v == 0x2A || v == 0x5F }
        return switch v {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D, 0x2A, 0x5F: true
        case 0x201D, 0x2019, 0xBB, 0xAB, 0x203A, 0x2039, 0x300D, 0x300F, 0xFF09, 0x3009, 0x300B, 0x3011: true
        default: false
        }
    }

    /// Opening quotes and brackets (and Markdown emphasis, inverted marks) that start a sentence's first word.
    @inline(__always) static func isOpener(_ v: UInt32) -> Bool {
        switch v {
        case 0x22, 0x27, 0x28, 0x5B, 0x7B, 0x2A, 0x5F: true
        case 0x201C, 0x2018, 0xAB, 0xBB, 0x2039, 0x203A, 0x201E, 0x201A, 0x300C, 0x300E, 0xFF08, 0xBF, 0xA1, 0x3008, 0x300A, 0x3010:
            true
        default: false
        }
    }

    @inline(__always) static func isOpeningBracket(_ v: UInt32) -> Bool {
        v == 0x28 || v == 0x5B || v == 0x7B || v == 0xFF08 || v == 0x3010
    }

    static func isDash(_ v: UInt32) -> Bool {
        v == 0x2D || (v >= 0x2012 && v <= 0x2015) || v == 0x2212
    }

    /// List bullets; a bullet after white space starts a new item.
    @inline(__always) static func isBullet(_ v: UInt32) -> Bool {
        if v < 0x2022 { return false }
        return switch v {
        case 0x2022, 0x2023, 0x2043, 0x2219, 0x25E6, 0x25AA, 0x25AB, 0x25CF, 0x25CB, 0x25A0, 0x25A1, 0x25BA, 0x25B8,
            0x27A2:
            true
        default: false
        }
    }

    /// Vowels, for recognising unknown abbreviations such as "Bldg" or "Mgr" (no vowel at all).
    @inline(__always) static func isASCIIVowel(_ v: UInt32) -> Bool {
        switch v | 0x20 {
        case 97, 101, 105, 111, 117, 121: true
        default: false
        }
    }
}
