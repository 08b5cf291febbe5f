import ClaimDeskCore

extension CommandContext {
    /// Asks the host's corpus index.
    func askCorpus(_ request: CorpusRequest) throws(ShellError) -> CorpusAnswer {
        do { return try host.corpus(request) } catch { throw ShellError(error.message) }
    }

    /// A table the index answers, as lines in the chosen format.
    func corpusTable(_ request: CorpusRequest, format: CorpusTable.Format) throws(ShellError) -> [StyledLine] {
        guard case .table(let table) = try askCorpus(request) else { return [] }
        if format == .table, table.rows.isEmpty { return [StyledLine("nothing in the index matches", .dim)] }
        let text = table.rendered(format)
        // CSV's CRLF is one Character in Swift; the shell prints its own line ends.
        return text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).dropLast().map { StyledLine(String($0)) }
    }
}
