import ClaimDeskCore

extension CorpusIndex {
    /// Records matching a query, as a table (see docs/corpus.md for the columns).
    public func query(_ query: CorpusQuery) throws(SQLiteError) -> CorpusTable {
        if let problem = query.problem { throw SQLiteError(problem) }
        return try table(CorpusQueryPlan(query, walksByDay: try walksByDay(query)))
    }

    /// The rows of a plan.
    func table(_ plan: CorpusQueryPlan) throws(SQLiteError) -> CorpusTable {
        let statement = try database.prepare(plan.sql)
        try statement.bind(plan.values)
        var rows: [[CorpusValue]] = []
        while try statement.step() { rows.append(statement.row()) }
        return CorpusTable(columns: statement.columnNames, rows: rows)
    }

    /// Whether a claims question with words and a limit is better answered by reading claims in
    /// date order until the limit is met than by sorting every match.
    ///
    /// Reading in date order looks at about `limit × annotations / matches` claims before it has
    /// its rows; sorting looks up every match. The first wins when the words are common (the
    /// matches squared exceed the limit times the desk's annotations), and is never taken for a
    /// few matches, or with filters that an index of their own answers better. The matches are
    /// counted from the full-text row numbers, which tell each row's kind without reading it.
    func walksByDay(_ query: CorpusQuery) throws(SQLiteError) -> Bool {
        guard query.subject == .claims, let words = query.text, let match = CorpusTextQuery.match(words), let limit = query.limit,
              [query.by, query.via, query.sourceKind, query.kind, query.verdict, query.tag, query.status, query.author, query.session]
                .allSatisfy({ $0 == nil })
        else { return false }
        guard case .integer(let matches)? = try database.rows("""
            SELECT count(*) FROM search WHERE search MATCH ? AND \(CorpusSchema.searchRows(ofKinds: CorpusQueryPlan.claimTextKinds))
            """, [.text(match)]).first?.first, matches >= Self.fewMatches else { return false }
        guard case .integer(let annotations)? = try database.rows("SELECT coalesce(sum(annotations), 0) FROM sessions").first?.first
        else { return false }
        return Double(matches) * Double(matches) >= Double(limit) * Double(annotations)
    }

    /// Below this many matches, sorting them all is cheap whatever the limit.
    static let fewMatches: Int64 = 256

    /// One statement of the user's SQL, refused unless it only reads.
    ///
    /// SQLite calls ATTACH, DETACH and some pragmas read-only though they create files or change
    /// the connection, and VACUUM INTO writes a copy; those are refused by their first word.
    public func sql(_ text: String) throws(SQLiteError) -> CorpusTable {
        let first = text.split(whereSeparator: { $0.isWhitespace || $0 == "(" }).first?.uppercased() ?? ""
        let statement = try database.prepare(text)
        guard statement.isReadOnly, !["ATTACH", "DETACH", "VACUUM", "PRAGMA"].contains(first) else {
            throw SQLiteError("query --sql only reads; the index is rebuilt from the sessions, so change those instead")
        }
        let columns = statement.columnNames
        var rows: [[CorpusValue]] = []
        while try statement.step() { rows.append(statement.row()) }
        return CorpusTable(columns: columns, rows: rows)
    }

    /// Sessions whose text holds all these words, best match first (at most `limit`).
    public func find(_ words: String, limit: Int = 20) throws(SQLiteError) -> [CorpusMatch] {
        guard let match = CorpusTextQuery.match(words) else { throw SQLiteError("give words to search for") }
        let rows = try database.rows("""
            SELECT s.name, s.path, coalesce(s.title, ''), m.hits FROM (
                SELECT rowid >> \(CorpusSchema.searchRowShift) AS session, count(*) AS hits, min(rank) AS best
                FROM search WHERE search MATCH ? GROUP BY 1
            ) m JOIN sessions s ON s.id = m.session ORDER BY m.best, s.name LIMIT ?
            """, [.text(match), .integer(Int64(limit))])
        return rows.compactMap { row in
            guard case .text(let name) = row[0], case .text(let path) = row[1], case .text(let title) = row[2],
                  case .integer(let hits) = row[3] else { return nil }
            return CorpusMatch(session: name, path: path, title: title, hits: Int(hits))
        }
    }

    /// How many sessions the index holds.
    public func sessionCount() throws(SQLiteError) -> Int {
        guard case .integer(let n)? = try database.rows("SELECT count(*) FROM sessions").first?.first else { return 0 }
        return Int(n)
    }
}
