import ClaimDeskCore

extension Shell {
    /// `corpus index`: builds or refreshes the index through the host.
    func corpusIndex() throws(ShellError) -> [StyledLine] {
        guard case .refreshed(let report) = try askCorpus(.refresh) else { return [] }
        return [StyledLine(report.summary)] + (report.notices + report.skipLines).map { StyledLine($0, .warning) }
    }

    /// `corpus query [TYPE] [filters]` and `corpus query --sql …`.
    func corpusQuery(_ a: ParsedArguments) throws(ShellError) -> [StyledLine] {
        let format = try corpusFormat(a)
        if let sql = a.value("--sql") {
            let filters = CommandCatalog.corpusFilterFlags.map(\.name).filter { a.has($0) }
            guard filters.isEmpty, a.text(0) == nil else {
                throw ShellError("--sql takes no type or filters; put them in the WHERE clause")
            }
            return try corpusTable(.sql(sql), format: format)
        }
        var subject = CorpusQuery.Subject.claims
        if let word = a.text(0)?.lowercased() {
            guard let chosen = CorpusQuery.Subject(rawValue: word) else {
                let names = CorpusQuery.Subject.allCases.map(\.rawValue)
                let hint = Suggestion.closest(to: word, in: names).map { "did you mean \($0)? " } ?? ""
                throw ShellError("cannot query \(word); \(hint)choose \(names.joined(separator: ", "))")
            }
            subject = chosen
        }
        return try corpusTable(.query(try corpusFilters(a, subject: subject)), format: format)
    }

    /// `corpus sources`: one row per source across sessions.
    func corpusSources(_ a: ParsedArguments) throws(ShellError) -> [StyledLine] {
        try corpusTable(.sourcesAcross(try corpusFilters(a, subject: .sources)), format: try corpusFormat(a))
    }

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

    private func askCorpus(_ request: CorpusRequest) throws(ShellError) -> CorpusAnswer {
        do { return try host.corpus(request) } catch { throw ShellError(error.message) }
    }

    private func corpusTable(_ request: CorpusRequest, format: CorpusTable.Format) throws(ShellError) -> [StyledLine] {
        guard case .table(let table) = try askCorpus(request) else { return [] }
        if format == .table, table.rows.isEmpty { return [StyledLine("nothing in the index matches", .dim)] }
        let text = table.rendered(format)
        // CSV's CRLF is one Character in Swift; the shell prints its own line ends.
        return text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).dropLast().map { StyledLine(String($0)) }
    }

    private func corpusFormat(_ a: ParsedArguments) throws(ShellError) -> CorpusTable.Format {
        guard let word = a.value("--format") else { return .table }
        guard let format = CorpusTable.Format(rawValue: word.lowercased()) else {
            throw ShellError("--format takes \(CorpusTable.Format.allCases.map(\.rawValue).joined(separator: ", ")), not \(word)")
        }
        return format
    }

    private func corpusFilters(_ a: ParsedArguments, subject: CorpusQuery.Subject) throws(ShellError) -> CorpusQuery {
        var query = CorpusQuery(subject: subject)
        query.by = a.value("--by")
        query.via = a.value("--via")
        query.sourceKind = a.value("--source-kind")
        query.kind = a.value("--kind")
        query.verdict = a.value("--verdict")
        query.tag = a.value("--tag")
        query.status = a.value("--status")
        query.author = a.value("--author")
        query.since = a.value("--since")
        query.until = a.value("--until")
        query.text = a.value("--text")
        query.session = a.value("--session")
        if let limit = a.value("--limit") {
            guard let n = Int(limit), n >= 0 else { throw ShellError("--limit takes a number of rows, not \(limit)") }
            query.limit = n
        }
        if let problem = query.problem { throw ShellError(problem) }
        return query
    }
}
