@testable import ClaimDeskCore
import Foundation
import Testing

/// The tabs and spaces trimmed from a text's ends are the ones Foundation's `.whitespaces` trims.
@Suite struct SpacesTests {
    @Test func spacesAndTabsAreTrimmedFromBothEndsOnly() {
        #expect(Spaces.trimmed("\t\u{00A0} March 23, 2020 \u{3000}") == "March 23, 2020")
        #expect(Spaces.trimmed(" \t ") == "")
        #expect(Spaces.trimmed("") == "")
        #expect(Spaces.trimmed("a b") == "a b")
        // A zero width space is one, as Foundation has it; line ends are not.
        #expect(Spaces.trimmed("\u{200B}x\u{200B}") == "x")
        #expect(Spaces.trimmed("\n x \r\n") == "\n x \r\n")
        // Trimmed by scalar: a space that carries a combining mark goes, the mark stays.
        #expect(Spaces.trimmed(" \u{0301}x ").unicodeScalars.map(\.value) == [0x301, 0x78])
    }

    /// A line as a file holds it loses its line ends too, at either end only.
    @Test func aLineLosesItsLineEndsAndSpaces() {
        #expect(Spaces.trimmedLine("claimdesk pid 7 on vm since 2027-01-15T08:00:00Z\n") == "claimdesk pid 7 on vm since 2027-01-15T08:00:00Z")
        #expect(Spaces.trimmedLine("\r\n\t x \u{3000}\r\n\n") == "x")
        #expect(Spaces.trimmedLine("a\nb\n") == "a\nb")
        #expect(Spaces.trimmedLine(" \n\r ") == "")
        #expect(Spaces.trimmedLine("") == "")
    }

    @Test func aSubstringKeepsItsPlaceInTheText() {
        let text = "[ x ]"
        let inner = text.dropFirst().dropLast()
        let trimmed = Spaces.trimmed(inner)
        #expect(trimmed == "x")
        #expect(text[trimmed.startIndex] == "x")
    }

    /// Texts made of spaces of every kind, line ends, marks, letters and Arabic, compared with Foundation.
    @Test func agreesWithFoundationOnGeneratedTexts() {
        let pieces: [String] = [" ", "\t", "\u{00A0}", "\u{2003}", "\u{3000}", "\u{202F}", "\u{205F}", "\u{1680}", "\n", "\r",
                                "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{200B}", "\u{FEFF}", "\u{0301}", "a", "é", "ب",
                                "\u{1F600}", "x y", "-"]
        var random = SeededGenerator(seed: 15)
        for _ in 0..<2_000 {
            let text = (0..<Int(random.next() % 7)).map { _ in random.pick(pieces) }.joined()
            #expect(Spaces.trimmed(text) == text.trimmingCharacters(in: .whitespaces), "\(text.unicodeScalars.map(\.value))")
        }
    }
}
