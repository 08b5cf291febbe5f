import ClaimDeskCore
import Testing

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("Baghdad", 7),
        ("", 0),
        ("新华社", 6),                       // CJK ideographs: two columns each
        ("ｆｕｌｌ", 8),                      // fullwidth Latin
        ("한국", 4),                          // precomposed Hangul
        ("\u{1112}\u{1161}\u{11AB}", 2),      // Hangul jamo L+V+T: one syllable, two columns
        ("cafe\u{0301}", 4),                  // e + combining acute
        ("الإيراني", 8),                      // Arabic: one column per letter
        ("بَرْق", 3),                           // Arabic with harakat: marks take none
        ("a\u{200D}b\u{200C}c", 3),           // ZWJ and ZWNJ take none
        ("🇮🇷", 2),                           // a flag: two regional indicators, one glyph
        ("👍🏽", 2),                           // emoji with a skin tone
        ("O’Keefe “quoted”", 16),
    ])
    func columns(text: String, expected: Int) {
        #expect(DisplayWidth.of(text) == expected)
    }

    @Test func paddingCountsColumnsNotCharacters() {
        #expect(DisplayWidth.padded("新华", to: 6) == "新华  ")
        #expect(DisplayWidth.padded("cafe\u{0301}", to: 6) == "cafe\u{0301}  ")
        #expect(DisplayWidth.padded("too wide", to: 3) == "too wide")
    }
}
