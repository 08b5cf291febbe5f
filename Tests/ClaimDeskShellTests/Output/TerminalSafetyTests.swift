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
