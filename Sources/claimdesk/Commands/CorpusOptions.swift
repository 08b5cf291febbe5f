import ArgumentParser
import ClaimDeskCore
import ClaimDeskShell
import Foundation

extension CorpusTable.Format: ExpressibleByArgument {}
extension CorpusQuery.Subject: ExpressibleByArgument {}

/// Where the corpus index is: the options `index`, `query` and `sources` share.
struct CorpusLocationOptions: ParsableArguments {
    @Option(name: .customLong("index"),
            help: ArgumentHelp("The index file (default: $CLAIMDESK_INDEX, else .claimdesk-index.sqlite in the sessions folder).",
                               valueName: "path"),
            completion: .file(extensions: ["sqlite"]))
    var indexPath: String?

    @Option(name: .customLong("sessions"),
            help: ArgumentHelp("The folder for sessions (default: $CLAIMDESK_SESSIONS, else ./sessions).", valueName: "folder"),
            completion: .directory)
    var sessionsFolder: String?

    var desk: CorpusDesk { CorpusDesk(indexOption: indexPath, sessionsOption: sessionsFolder) }
}

/// The filters of `query` and `sources --across`, all of which must hold.
struct CorpusFilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Made by this source (claims), this source (sources), held by it (stances): a name or alias.", valueName: "name"))
    var by: String?

    @Option(help: ArgumentHelp("Claims relayed by this source anywhere in their via chain.", valueName: "name"))
    var via: String?

    @Option(name: .customLong("source-kind"), help: ArgumentHelp("The kind of that source: outlet, official, agency, …", valueName: "kind"))
    var sourceKind: String?

    @Option(help: ArgumentHelp("The claim kind: factual, opinion, prediction, other.", valueName: "kind"))
    var kind: String?

    @Option(help: ArgumentHelp("The claim verdict: unverified, true, misleading, false, …", valueName: "verdict"))
    var verdict: String?

    @Option(help: ArgumentHelp("Carrying this tag.", valueName: "tag"))
    var tag: String?

    @Option(help: ArgumentHelp("Review status: open, accepted, rejected.", valueName: "status"))
    var status: String?

    @Option(help: ArgumentHelp("Made by this analyst.", valueName: "name"))
    var author: String?

    @Option(help: ArgumentHelp("Articles published on or after this day (YYYY-MM-DD, YYYY-MM or YYYY).", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Articles published on or before this day (YYYY-MM-DD, YYYY-MM or YYYY).", valueName: "date"))
    var until: String?

    @Option(help: ArgumentHelp("All these words in the record's text (quote, notes; full-text search).", valueName: "words"))
    var text: String?

    @Option(help: ArgumentHelp("Only this session: its name or its path.", valueName: "name"))
    var session: String?

    @Option(help: ArgumentHelp("At most this many rows.", valueName: "n"))
    var limit: Int?

    /// Each text option with the query field it sets, so copying them is one loop.
    private static let textFields: [(option: KeyPath<CorpusFilterOptions, String?> & Sendable,
                                     field: WritableKeyPath<CorpusQuery, String?> & Sendable)] = [
        (\.by, \.by), (\.via, \.via), (\.sourceKind, \.sourceKind), (\.kind, \.kind), (\.verdict, \.verdict), (\.tag, \.tag),
        (\.status, \.status), (\.author, \.author), (\.since, \.since), (\.until, \.until), (\.text, \.text), (\.session, \.session),
    ]

    func query(_ subject: CorpusQuery.Subject) -> CorpusQuery {
        var query = CorpusQuery(subject: subject)
        for (option, field) in Self.textFields { query[keyPath: field] = self[keyPath: option] }
        query.limit = limit
        return query
    }

    /// Whether any filter was given (`--sql` takes none).
    var isEmpty: Bool { query(.claims) == CorpusQuery(subject: .claims) }
}

/// Printing what the corpus commands answer, and their errors, the way the other subcommands do.
enum CorpusOutput {
    /// A table in a format on standard output; text for a terminal is made safe.
    static func print(_ table: CorpusTable, format: CorpusTable.Format) {
        var text = table.rendered(format)
        if format == .table {
            text = text.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalSafeText.escape(String($0)) }.joined(separator: "\n")
        }
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// `error: …` on standard error and exit status 1.
    static func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data(("error: " + TerminalSafeText.escape(message) + "\n").utf8))
        return ExitCode(1)
    }
}
