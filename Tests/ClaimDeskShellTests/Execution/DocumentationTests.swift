@testable import ClaimDeskShell
import Foundation
import Testing

/// The commands `help` lists are the commands `docs/commands.md` documents.
@Suite struct DocumentationTests {
    static let commandsDoc = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/commands.md")

    @Test func everyCommandInHelpHasASectionWithItsUsage() throws {
        let doc = try String(contentsOf: Self.commandsDoc, encoding: .utf8)
        let overview = TextRenderer(color: false).render(HelpText.overview())
        for spec in CommandCatalog.all {
            #expect(overview.contains("  \(spec.name.rawValue) "), "help does not list \(spec.name.rawValue)")
            #expect(doc.contains("### `\(spec.name.rawValue)`\n"), "docs/commands.md has no section for \(spec.name.rawValue)")
            #expect(doc.contains("    \(spec.usage)\n"), "docs/commands.md does not show the usage \(spec.usage)")
        }
    }

    @Test func theDocDocumentsNoCommandThatDoesNotExist() throws {
        let doc = try String(contentsOf: Self.commandsDoc, encoding: .utf8)
        let documented = doc.split(separator: "\n").filter { $0.hasPrefix("### `") }.map { $0.dropFirst(5).dropLast() }
        let known = Set(CommandCatalog.all.map(\.name.rawValue))
        for name in documented {
            #expect(known.contains(String(name)), "docs/commands.md documents \(name), which is not a command")
        }
    }
}
