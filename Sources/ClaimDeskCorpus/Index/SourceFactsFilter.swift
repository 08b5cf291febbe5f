import ClaimDeskCore

/// `--source-kind`, `--status` and `--author` as SQL over columns named `kind`, `status` and
/// `author`, which the sources table and every tally per source name share.
struct SourceFactsFilter {
    /// `AND kind = ? …`, or nothing.
    private(set) var sql = ""
    private(set) var values: [CorpusValue] = []

    init(_ query: CorpusQuery) {
        for (column, value) in zip(CorpusTally.sourceFacts, [query.sourceKind, query.status, query.author]) {
            guard let value else { continue }
            sql += " AND \(column) = ?"
            values.append(.text(value))
        }
    }

    var isActive: Bool { !values.isEmpty }
}
