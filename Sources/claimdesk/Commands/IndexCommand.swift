import ArgumentParser
import ClaimDeskCore
import ClaimDeskShell
import Foundation

/// `claimdesk index [DIR…]`: builds or refreshes the corpus index of every session under folders.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build or refresh the corpus index of every session under folders.",
        discussion: """
            Reads every session (*.json, with its journal replayed in memory) under each DIR \
            (default: the sessions folder) into an SQLite index, for claimdesk query. A refresh reads \
            only sessions whose files changed, and drops sessions whose files are gone. A file that is \
            not a readable session is skipped with its reason; the rest is indexed. The index can \
            be deleted at any time: it is rebuilt from the sessions. See docs/corpus.md.
            """)

    @Argument(help: "Folders holding session files (default: the sessions folder).", completion: .directory)
    var folders: [String] = []

    @OptionGroup var location: CorpusLocationOptions

    func run() throws {
        let report: CorpusRefreshReport
        do { report = try location.desk.refresh(folders: folders) } catch { throw CorpusOutput.fail(error.message) }
        ExportCommand.report(report.notices + report.skipLines)
        FileHandle.standardOutput.write(Data((TerminalSafeText.escape(report.summary) + "\n").utf8))
    }
}
