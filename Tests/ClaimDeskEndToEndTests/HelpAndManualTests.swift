import Foundation
import Testing

/// `claimdesk --help` and `claimdesk manual` as a user runs them.
@Suite("claimdesk --help and manual")
struct HelpAndManualTests {
    @Test func helpNamesTheValueOfEachShellOption() throws {
        let result = try ClaimDeskProcess.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("-c <commands>"))
        #expect(result.stdout.contains("--script <file>"))
        #expect(result.stdout.contains("--analyst <name>"))
        #expect(result.stdout.contains("--sessions <folder>"))
        #expect(result.stdout.contains("manual"))
    }

    @Test func manualPrintsTheCommittedPage() throws {
        let result = try ClaimDeskProcess.run(["manual"])
        let committed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/claimdesk.1")
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == (try String(contentsOf: committed, encoding: .utf8)))
    }
}
