import ClaimDeskCore

/// A source's kind, status and author: the facts of one source that `sources --across` filters
/// by and that the tallies per source name are kept by (``CorpusTally/sourceFacts``).
struct SourceFacts: Hashable {
    var kind: String?
    var status: String?
    var author: String?

    init(kind: String?, status: String?, author: String?) {
        self.kind = kind
        self.status = status
        self.author = author
    }

    /// The facts in three columns of a statement's current row, from `column`.
    init(_ statement: SQLiteStatement, from column: Int32) {
        self.init(kind: statement.text(column), status: statement.text(column + 1), author: statement.text(column + 2))
    }
}
