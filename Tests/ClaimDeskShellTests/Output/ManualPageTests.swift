@testable import ClaimDeskShell
import Foundation
import Testing

/// The manual page comes from the command table, and the committed `docs/claimdesk.1` is its current output.
@Suite struct ManualPageTests {
    static let committedPage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/claimdesk.1")

    @Test func mentionsEveryShellCommandWithItsUsage() {
        let page = ManualPage.roff()
        for spec in CommandCatalog.all {
            #expect(page.contains(".TP\n\\fB" + ManualPage.escape(spec.usage) + "\\fR\n"), "the manual has no entry for \(spec.name.rawValue)")
            #expect(page.contains(ManualPage.escape(spec.summary)), "the manual lacks the summary of \(spec.name.rawValue)")
        }
    }

    @Test func mentionsTheCommandsOption() {
        #expect(ManualPage.roff().contains(".TP\n\\fB\\-c COMMANDS\\fR\n"))
    }

    @Test func committedPageIsWhatTheGeneratorProducesNow() throws {
        let committed = try String(contentsOf: Self.committedPage, encoding: .utf8)
        #expect(committed == ManualPage.roff(), "docs/claimdesk.1 is stale: regenerate it with swift run claimdesk manual > docs/claimdesk.1")
    }

    @Test(arguments: [
        ("-c", "\\-c"),
        ("a\\b", "a\\eb"),
        (".hidden", "\\&.hidden"),
        ("'quoted'", "\\&'quoted'"),
        ("two\nlines", "two lines"),
        ("a → b…", "a \\[u2192] b\\[u2026]"),
        ("é", "\\[u00E9]"),
    ])
    func escapesWhatRoffWouldReadAsMarkup(text: String, expected: String) {
        #expect(ManualPage.escape(text) == expected)
    }
}
