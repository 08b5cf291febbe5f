import ClaimDeskCore
@testable import ClaimDeskShell
import Testing

@Suite struct TerminalSafetyTests {
    @Test(arguments: [
        ("plain text", "plain text"),
        ("a\u{1B}[31mred", "a\\u{1B}[31mred"),
        ("bell\u{07}", "bell\\u{7}"),
        ("c1\u{9B}31m", "c1\\u{9B}31m"),
        ("rtl\u{202E}txt", "rtl\\u{202E}txt"),
        ("iso\u{2066}late\u{2069}", "iso\\u{2066}late\\u{2069}"),
        ("keeps\ttabs\nand no line breaks", "keeps\ttabs\\nand no line breaks"),
        ("del\u{7F}", "del\\u{7F}"),
        ("Iran’s “café” عربي", "Iran’s “café” عربي"),
    ])
    func escapesControls(input: String, expected: String) {
        #expect(TerminalSafeText.escape(input) == expected)
    }

    /// Zero-width characters and separators are shown, so two names that look alike cannot hide a
    /// difference; a non-joiner or joiner that shapes a Persian or Arabic word or an emoji stays.
    @Test(arguments: [
        ("Reyes\u{200B}", "Reyes\\u{200B}"),
        ("Re\u{200C}yes", "Re\\u{200C}yes"),
        ("Re\u{200D}yes", "Re\\u{200D}yes"),
        ("word\u{2060}joiner", "word\\u{2060}joiner"),
        ("\u{FEFF}bom", "\\u{FEFF}bom"),
        ("line\u{2028}sep\u{2029}para", "line\\u{2028}sep\\u{2029}para"),
        ("می\u{200C}خواهم", "می\u{200C}خواهم"),
        ("کتاب\u{200C}ها", "کتاب\u{200C}ها"),
        ("\u{200C}خبر", "\\u{200C}خبر"),
        ("خبر\u{200C} ", "خبر\\u{200C} "),
        ("خبر\u{200C}\u{200C}ها", "خبر\\u{200C}\\u{200C}ها"),
        ("👨\u{200D}👩\u{200D}👧", "👨\u{200D}👩\u{200D}👧"),
        ("❤\u{FE0F}\u{200D}🔥", "❤\u{FE0F}\u{200D}🔥"),
        ("1\u{200D}2", "1\\u{200D}2"),
    ])
    func showsZeroWidthCharactersButKeepsJoinersThatShapeWords(input: String, expected: String) {
        #expect(TerminalSafeText.escape(input) == expected)
    }

    @Test func savedTextKeepsZeroWidthCharacters() {
        // Only the terminal shows them: the predicate exports and messages share leaves them alone.
        #expect(UntrustedText.visible("a\u{200B}b\u{2028}") == "a\u{200B}b\u{2028}")
        #expect(!UntrustedText.isUnsafe(value: 0x200B) && UntrustedText.isInvisible(value: 0x200B))
    }

    @Test func rendererNeverEmitsRawControlsFromText() {
        let line = StyledLine("evil\u{1B}]0;title\u{07}", .span(.claim))
        let plain = TextRenderer(color: false).render(line)
        #expect(plain == "evil\\u{1B}]0;title\\u{7}")
        let colored = TextRenderer(color: true).render(line)
        // The only ESC bytes are our own colour codes around the run.
        #expect(colored == "\u{1B}[4;34mevil\\u{1B}]0;title\\u{7}\u{1B}[0m")
    }

    @Test func plainRenderingHasNoEscapes() {
        var line = StyledLine("id", .id)
        line.append(" text ", .plain)
        line.append("hit", .hit)
        #expect(TextRenderer(color: false).render([line]) == "id text hit\n")
    }
}
