import Testing
@testable import ClaimDeskCore

/// Offsets are code points of the normalised text: not Characters, not UTF-16.
@Suite("Code-point offsets")
struct CodePointOffsetTests {
    private func ranges(_ text: String) -> [Range<Int>] {
        SentenceSegmenter().segment(text).sentences.map(\.range)
    }

    @Test func curlyQuotesAreOneCodePointEach() {
        // “Yes.” = 6 code points (“ Y e s . ”), then a space, then "Then it ended." (14).
        #expect(ranges("“Yes.” Then it ended.") == [0..<6, 7..<21])
    }

    @Test func accentedLettersCountOnceAfterNFC() {
        // "Café" typed with a combining accent becomes one code point é after normalisation.
        let decomposed = "Cafe\u{0301} opened. Crowds came."
        let text = TextNormalizer.normalize(decomposed)
        #expect(text.unicodeScalars.count == decomposed.unicodeScalars.count - 1)
        #expect(ranges(text) == [0..<12, 13..<25])  // "Café opened." 12, "Crowds came." 12
    }

    @Test func arabicTextOffsets() {
        // "هذا خبر." is 8 code points; "ذلك آخر." starts after one space at 9 and is 8 long.
        #expect(ranges("هذا خبر. ذلك آخر.") == [0..<8, 9..<17])
    }

    @Test func emojiSequencesCountEveryScalar() {
        // 👩‍👩‍👧 is five code points (three people and two joiners); 🇫🇷 is two.
        let text = "Families 👩‍👩‍👧 cheered. France 🇫🇷 won."
        let scalars = Array(text.unicodeScalars)
        let first = "Families 👩‍👩‍👧 cheered.".unicodeScalars.count
        #expect(first == 23)
        #expect(ranges(text) == [0..<first, (first + 1)..<scalars.count])
        #expect(text.utf16.count != scalars.count)
        #expect(text.count != scalars.count)
    }

    @Test func slicesMatchSentenceTextThroughArticleText() {
        let article = ArticleText("Él dijo: «Basta.» Después se fue. 東京は晴れ。大阪は雨。")
        let texts = article.segmentation.sentences.map { article.slice($0.range) }
        #expect(texts == ["Él dijo: «Basta.»", "Después se fue.", "東京は晴れ。", "大阪は雨。"])
    }

    @Test func offsetsPointIntoTheNormalisedText() {
        let raw = "Line one.\r\nLine two."
        let text = TextNormalizer.normalize(raw)
        #expect(ranges(text) == [0..<9, 10..<19])
    }
}
