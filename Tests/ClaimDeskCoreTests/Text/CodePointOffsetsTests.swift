@testable import ClaimDeskCore
import Testing

/// Where a text's code points start in its UTF-8, found from the marks, is where they start.
@Suite struct CodePointOffsetsTests {
    /// Every code point's UTF-8 offset, and the end's, counted one by one.
    static func reference(_ text: String) -> [Int] {
        var offsets: [Int] = [], offset = 0
        for scalar in text.unicodeScalars {
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        return offsets + [offset]
    }

    static func check(_ text: String, _ comment: Comment) {
        let count = text.unicodeScalars.count
        let offsets = CodePointOffsets(text)
        #expect(offsets.count == count, "\(comment)")
        let expected = reference(text)
        var string = text
        string.withUTF8 { utf8 in
            for index in 0...count {
                #expect(offsets.utf8Offset(ofCodePoint: index, in: utf8) == expected[index], "\(comment) at \(index)")
            }
            #expect(offsets.utf8Offset(ofCodePoint: count + 1, in: utf8) == nil)
            #expect(offsets.utf8Offset(ofCodePoint: -1, in: utf8) == nil)
        }
        // The table an article's text makes and keeps is the same.
        let kept = ArticleText(text).codePointOffsets
        string.withUTF8 { utf8 in
            #expect((0...count).map { kept.utf8Offset(ofCodePoint: $0, in: utf8) } == expected.map(Optional.some), "\(comment)")
        }
    }

    @Test(arguments: ["", "plain ASCII.", "Iran’s “café” — naïve", "😀🇫🇷 e\u{301}", "عربي فارسی اردو", "漢字かな",
                      "\u{10FFFF}\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}"])
    func everyCodePointOfShortTexts(_ text: String) {
        Self.check(text, "\(text)")
    }

    /// Texts of every length around the marks (multiples of the stride and one either side), with
    /// code points of every UTF-8 width at every place in an eight-byte word.
    @Test func everyCodePointAroundTheMarks() {
        let pieces = ["a", "é", "—", "😀", "خ", "\u{7FF}", "\u{800}", "\u{10000}", "bb", "  "]
        var random = SeededGenerator(seed: 32)
        for length in [31, 32, 33, 63, 64, 65, 95, 96, 97, 200, 1_000] {
            for _ in 0..<20 {
                var text = ""
                while text.unicodeScalars.count < length { text += random.pick(pieces) }
                while text.unicodeScalars.count > length { text.unicodeScalars.removeLast() }
                Self.check(text, "length \(length)")
            }
        }
        Self.check(String(repeating: "a", count: 64), "ASCII, two strides")
        Self.check(String(repeating: "é", count: 64), "two-byte, two strides")
    }
}
