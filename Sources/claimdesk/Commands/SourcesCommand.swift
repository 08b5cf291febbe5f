import ArgumentParser
import ClaimDeskCore
import Foundation

/// `claimdesk sources [--across] [filters]`: the sources in the corpus index.
struct SourcesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources",
        abstract: "List the sources in the corpus index; --across gives one row per source across sessions.",
        discussion: """
            Without --across, one row per source per session (as query sources). With --across, one \
            row per source name across all sessions: claims made, the sources that carried them (via), \
            its stances by proposition and its claims' verdicts.
            """)

    @Flag(help: "One row per source across sessions (sources with the same name are one).")
    var across = false

    @OptionGroup var filters: CorpusFilterOptions

    @Option(help: "Output: table (aligned), json, jsonl or csv.")
    var format: CorpusTable.Format = .table

    @OptionGroup var location: CorpusLocationOptions

    func run() throws {
        let query = filters.query(.sources)
        do {
            guard case .table(let table) = try location.desk.answer(across ? .sourcesAcross(query) : .query(query)) else { return }
            CorpusOutput.print(table, format: format)
        } catch {
            throw CorpusOutput.fail(error.message)
        }
    }
}
