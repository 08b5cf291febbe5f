import ClaimDeskCore

extension CommandContext {
    /// `open --find WORDS`: the one session that matches opens; several are listed, best first.
    func openFound(_ words: String) throws(ShellError) -> [StyledLine] {
        guard case .matches(let matches) = try askCorpus(.find(words)) else { return [] }
        guard let best = matches.first else {
            throw ShellError("no indexed session holds \(words); corpus index refreshes the index")
        }
        if matches.count == 1 { return try open(best.path) }
        let width = matches.map(\.session.count).max() ?? 0
        let titleWidth = matches.map(\.title.count).max() ?? 0
        return [StyledLine("\(matches.count) sessions hold \(words), best first; open one by name:")]
            + matches.map { match in
                var line = StyledLine("  " + match.session.padding(toLength: width + 2, withPad: " ", startingAt: 0), .strong)
                line.append(match.title.padding(toLength: titleWidth, withPad: " ", startingAt: 0), .plain)
                line.append("  \(Plural.count(match.hits, "match", "matches"))  \(match.path)", .dim)
                return line
            }
    }

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
