import Testing
@testable import ClaimDeskCore

@Suite struct FoldedTextTests {
    func folded(_ s: String) -> String {
        String(String.UnicodeScalarView(FoldedText.units(of: s).map { Unicode.Scalar($0)! }))
    }

    @Test func typographicVariantsFoldAlike() {
        #expect(folded("“Don’t” — she said…") == folded("\"don't\" - She said..."))
        #expect(folded("a\u{00A0}b\r\n\tc") == "a b c")
        #expect(folded("co\u{00AD}operate\u{200B}") == "cooperate")
        #expect(folded("«Oui»") == "\"oui\"")
    }

    @Test func offsetsMapBackToTheRealText() {
        let text = "A  “B”\r\nc…d"
        let f = FoldedText(text.unicodeScalars)
        #expect(f.units.count == 11)  // a, space, ", b, ", space, c, ., ., ., d
        // The folded space after A stands for both spaces; the CRLF for both of its code points.
        #expect(f.sourceRange(1..<2) == 1..<3)
        #expect(f.sourceRange(5..<6) == 6..<8)
        // The three dots of the ellipsis all come from one code point.
        #expect(f.sourceRange(7..<10) == 9..<10)
        #expect(f.sourceRange(2..<5) == 3..<6)
        #expect(f.unitIndex[3] == 2)
        #expect(f.unitIndex[2] == 2)  // inside the run of spaces: the next unit
        #expect(f.unitIndex[text.unicodeScalars.count] == 11)
    }

    @Test func lettersFoldToLowerCase() {
        #expect(folded("ÉLAN Straße") == "élan straße")
    }
}
