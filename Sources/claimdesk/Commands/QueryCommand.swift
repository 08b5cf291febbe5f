import ArgumentParser
import ClaimDeskCore
import Foundation

/// `claimdesk query [claims|sources|stances] [filters]` and `claimdesk query --sql 'SELECT …'`.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Ask the corpus index: claims, sources or stances across every session.",
        discussion: """
            Filters all must hold. --sql runs one read-only statement over the views documented in \
            docs/corpus.md (claim_list, source_list, stance_list, …); anything that writes is refused. \
            Build the index first with claimdesk index.
            """)

    @Argument(help: "What to list: claims (default), sources or stances.")
    var subject: CorpusQuery.Subject = .claims

    @OptionGroup var filters: CorpusFilterOptions

    @Option(help: ArgumentHelp("One read-only SQL statement over the index's views.", valueName: "sql"))
    var sql: String?

    @Option(help: "Output: table (aligned), json, jsonl or csv.")
    var format: CorpusTable.Format = .table

    @OptionGroup var location: CorpusLocationOptions

    func validate() throws {
        if sql != nil, !filters.isEmpty { throw ValidationError("--sql takes no filters; put them in the WHERE clause") }
    }

    func run() throws {
        let request: CorpusRequest = sql.map(CorpusRequest.sql) ?? .query(filters.query(subject))
        do {
            guard case .table(let table) = try location.desk.answer(request) else { return }
            CorpusOutput.print(table, format: format)
        } catch {
            throw CorpusOutput.fail(error.message)
        }
    }
}
