@testable import ClaimDeskCore
import Testing

@Suite struct QuoteSearchTests {
    @Test func foldsQuotesSpacesAndCase() {
        let folded = FoldedText("Iran’s  “Plan”\n\tnow — then".unicodeScalars, caseInsensitive: true)
        #expect(String(String.UnicodeScalarView(folded.units.compactMap(Unicode.Scalar.init))) == "iran's \"plan\" now - then")
        let cased = FoldedText("Iran’s Plan".unicodeScalars, caseInsensitive: false)
        #expect(String(String.UnicodeScalarView(cased.units.compactMap(Unicode.Scalar.init))) == "Iran's Plan")
    }

    @Test func mapsMatchesBackToOriginalOffsets() {
        let original = "a  b’s   c"
        let folded = FoldedText(original.unicodeScalars, caseInsensitive: false)
        let hits = folded.occurrences(of: FoldedText.pattern("b's c", caseInsensitive: false))
        #expect(hits == [3..<10])
    }

    @Test func occurrencesDoNotOverlapAndRespectTheWindow() {
        let folded = FoldedText("aaaa".unicodeScalars, caseInsensitive: false)
        #expect(folded.occurrences(of: FoldedText.pattern("aa")) == [0..<2, 2..<4])
        #expect(folded.occurrences(of: FoldedText.pattern("aa"), in: 1..<4) == [2..<4])
    }

    @Test func matchesAgreeWithANaiveSearchOnRandomText() {
        var generator = SeededGenerator(seed: 7)
        let alphabet = Array("ab ’'c".unicodeScalars)
        for _ in 0..<300 {
            let text = (0..<40).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let letters = Array("abc".unicodeScalars)
            let needle = (0..<2).map { _ in letters[Int(generator.next() % 3)] }.map(\.value)
            let hits = FoldedText(text, caseInsensitive: false).occurrences(of: needle)
            // Reference: scan the raw text; folding cannot change a match of letters only.
            var expected: [Range<Int>] = []
            var i = 0
            while i + needle.count <= text.count {
                if Array(text[i..<i + needle.count]).map(\.value) == needle {
                    expected.append(i..<i + needle.count)
                    i += needle.count
                } else {
                    i += 1
                }
            }
            #expect(hits == expected)
        }
    }
}
