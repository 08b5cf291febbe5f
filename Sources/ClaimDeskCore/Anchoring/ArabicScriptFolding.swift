/// What readers of Arabic, Persian and Urdu take for the same letter, folded to one code point.
///
/// People type without vowel marks or hamza, on Persian or Arabic keyboards, with
/// either set of digits, so `الايراني` must find `الإيراني` and `ايران` must find
/// `ایران`. Each rule maps one code point to at most one, so offsets into the real
/// text survive (``FoldedText`` keeps the map).
///
/// - Diacritics (harakat, tanwin, shadda, sukun, superscript alef, Quranic marks),
///   the combining hamzas and tatweel join the letter before them (`.attach`).
/// - Alef with hamza above or below, with madda, wasla: `ا`.
/// - Alef maksura `ى`, Farsi yeh `ی`, yeh with hamza `ئ`: Arabic yeh `ي`.
/// - Keheh `ک` (Persian and Urdu kaf): Arabic kaf `ك`. Waw with hamza `ؤ`: `و`.
/// - Teh marbuta `ة`, heh with yeh above `ۀ`, Urdu heh goal `ہ`: heh `ه`, because
///   `مدرسه` is how `مدرسة` is typed in a hurry and how Persian writes the same word.
///   Do-chashmi heh `ھ` (Urdu aspiration) and the lone hamza `ء` stay themselves.
/// - Arabic-Indic and Extended Arabic-Indic digits: ASCII digits; `٫` to `.`, `٬` to `,`.
enum ArabicScriptFolding {
    /// Whether `v` lies in a block these rules touch: the only test ASCII and Latin text pays.
    @inline(__always) static func applies(to v: UInt32) -> Bool {
        (v &- 0x0610) < 0x0100 || (v &- 0x08D3) < 0x2D
    }

    static func fold(_ v: UInt32) -> FoldedText.Folded? {
        switch v {
        case 0x0610...0x061A, 0x064B...0x065F, 0x0670, 0x06D6...0x06DC, 0x06DF...0x06E4, 0x06E7, 0x06E8,
            0x06EA...0x06ED, 0x08D3...0x08E1, 0x08E3...0x08FF, 0x0640:
            return .attach
        case 0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673: return .unit(0x0627)
        case 0x0649, 0x06CC, 0x0626, 0x06D0: return .unit(0x064A)
        case 0x06A9, 0x06AA: return .unit(0x0643)
        case 0x0624: return .unit(0x0648)
        case 0x0629, 0x06C0, 0x06C1, 0x06C2, 0x06D5: return .unit(0x0647)
        case 0x0660...0x0669: return .unit(v - 0x0660 + 0x30)
        case 0x06F0...0x06F9: return .unit(v - 0x06F0 + 0x30)
        case 0x066B: return .unit(0x2E)
        case 0x066C: return .unit(0x2C)
        default: return nil
        }
    }
}
