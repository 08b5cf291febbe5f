import ArgumentParser
import ClaimDeskCore
import ClaimDeskShell
import ClaimDeskTeamStore
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
            be deleted at any time: it is rebuilt from the sessions. With --store (or $CLAIMDESK_STORE \
            and no DIR), every session of the team store is indexed as store:NAME. See docs/corpus.md.
            """)

    @Argument(help: "Folders holding session files (default: the sessions folder).", completion: .directory)
    var folders: [String] = []

    @OptionGroup var location: CorpusLocationOptions

    @Option(name: .customLong("store"),
            help: ArgumentHelp("Index every session of this team store instead of folders (default without DIR: $CLAIMDESK_STORE).",
                               valueName: "postgresql://…"))
    var store: String?

    func run() throws {
        let report: CorpusRefreshReport
        let environment = ProcessEnvironment()
        // A team's sessions live in its store: without folders, `index` reads the store when one is named.
        let url = store ?? (folders.isEmpty ? environment["CLAIMDESK_STORE"] : nil)
        if let url, !url.isEmpty {
            guard folders.isEmpty else { throw CorpusOutput.fail("index reads either folders or a team store; give one of them") }
            let folder = location.sessionsFolder ?? environment["CLAIMDESK_SESSIONS"] ?? "sessions"
            let team: TeamSessionStore
            do { team = try SessionHome.teamStore(url, folder: folder, environment: environment) } catch { throw CorpusOutput.fail(error.message) }
            defer { team.close() }
            do { report = try location.desk.refresh(store: team) } catch { throw CorpusOutput.fail(error.message) }
        } else {
            do { report = try location.desk.refresh(folders: folders) } catch { throw CorpusOutput.fail(error.message) }
        }
        ExportCommand.report(report.notices + report.skipLines)
        FileHandle.standardOutput.write(Data((TerminalSafeText.escape(report.summary) + "\n").utf8))
    }
}
