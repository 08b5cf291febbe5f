/// Guesses a text's language from the letters it is written in.
///
/// Articles carry no language of their own yet, and a mixed article has English and Arabic
/// paragraphs side by side, so the segmenter asks per paragraph and the exporters per article.
/// Letters only one of the three Arabic-script languages uses tell them apart: Urdu's
/// retroflex letters, noon ghunna and yeh barree (`ٹ ڈ ڑ ں ے`); Persian's Farsi yeh and keheh
/// (`ی ک`) against Arabic's yeh, kaf and teh marbuta (`ي ك ة`). Text with more Latin than
/// Arabic-script letters, or none of either, is English.
public enum ScriptLanguageDetector {
    public static func detect(_ text: String) -> ScriptLanguage {
        var tally = Tally()
        for scalar in text.unicodeScalars { tally.count(scalar.value) }
        return tally.language
    }

    public static func detect(_ scalars: some Sequence<Unicode.Scalar>) -> ScriptLanguage {
        var tally = Tally()
        for scalar in scalars { tally.count(scalar.value) }
        return tally.language
    }

    static func detect(_ t: UnsafeBufferPointer<UInt32>, _ range: Range<Int>) -> ScriptLanguage {
        var tally = Tally()
        for i in range { tally.count(t[i]) }
        return tally.language
    }

    /// Whether `v` is a letter (or digit, tatweel, diacritic) of the Arabic script blocks.
    @inline(__always) static func isArabicScript(_ v: UInt32) -> Bool {
        (v &- 0x0600) < 0x0100 || (v &- 0x0750) < 0x30 || (v &- 0x08A0) < 0x60 || (v &- 0xFB50) < 0x2B0
            || (v &- 0xFE70) < 0x90
    }

    /// Whether `v` is a strong right-to-left character (Hebrew, Arabic, Syriac, Thaana, N'Ko, up to
    /// Arabic Extended-A, and their presentation forms): what makes a line need bidi isolation.
    @inline(__always) public static func isRightToLeft(_ v: UInt32) -> Bool {
        if v < 0x0590 { return false }
        return (v &- 0x0590) < 0x0370 || (v &- 0xFB1D) < 0x02E3 || (v &- 0xFE70) < 0x90
            || (v &- 0x10800) < 0x0800 || (v &- 0x1E800) < 0x0800
    }

    private struct Tally {
        var latin = 0, arabicScript = 0, urdu = 0, persian = 0, arabic = 0

        mutating func count(_ v: UInt32) {
            if v < 0x80 {
                if (v | 0x20) &- 97 < 26 { latin += 1 }
                return
            }
            if (v &- 0xC0) < 0x1C0 { latin += 1; return }  // Latin-1 and Latin Extended letters
            guard ScriptLanguageDetector.isArabicScript(v) else { return }
            switch v {
            case 0x0621...0x064A, 0x0671...0x06D3, 0x06D5: arabicScript += 1
            default: return
            }
            switch v {
            case 0x0679, 0x0688, 0x0691, 0x06BA, 0x06D2, 0x06C1, 0x06BE: urdu += 1
            case 0x06CC, 0x06A9, 0x067E, 0x0686, 0x0698, 0x06AF: persian += 1
            case 0x064A, 0x0643, 0x0629, 0x0649: arabic += 1
            default: break
            }
        }

        var language: ScriptLanguage {
            guard arabicScript > 0, arabicScript >= latin else { return .english }
            if urdu > 0 && urdu * 20 >= arabicScript { return .urdu }
            return persian > arabic ? .persian : .arabic
        }
    }
}
