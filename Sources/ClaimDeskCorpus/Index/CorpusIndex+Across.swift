import ClaimDeskCore

extension CorpusIndex {
    /// Per source across all sessions (`sources --across`): the claims it made, the sources that
    /// carried them (its claims' via chains), its stances by proposition and its claims' verdicts.
    ///
    /// Sources are the same source across sessions when their names are the same, compared as
    /// ``CorpusNames`` does; ids only mean something inside one session. SQLite does the counting,
    /// grouped by the folded name each source and claim carries (`sources.name_key`,
    /// `claims.claimant_key`). Filters narrow the sources first, and only those sources' claims
    /// and stances count.
    ///
    /// The whole desk, unfiltered, is counted from the tallies kept at refresh (``CorpusTally``:
    /// claims per name and verdict, per name and carrier, stances per name, proposition and label)
    /// rather than from every claim; `fromTallies: false` counts from the rows, as a filtered
    /// question does, with the same answer.
    public func sourcesAcross(_ query: CorpusQuery, fromTallies: Bool = true) throws(SQLiteError) -> CorpusTable {
        var sourcesQuery = query
        sourcesQuery.subject = .sources
        sourcesQuery.limit = nil
        if let problem = sourcesQuery.problem { throw SQLiteError(problem) }
        let chosen = Self.isNarrowed(sourcesQuery) ? CorpusQueryPlan(sourcesQuery, sourceKeys: true) : nil
        /// `AND (session, column) IN (the chosen sources)`, or nothing when every source counts.
        func narrowed(_ session: String, _ id: String) -> String {
            chosen.map { "AND (\(session), \(id)) IN (\($0.sql))" } ?? ""
        }
        let values = chosen?.values ?? []

        var groups: [String: Group] = [:]
        for row in try rows("""
            SELECT r.name_key, min(r.name), count(DISTINCT r.session) FROM sources r
            WHERE r.name_key IS NOT NULL \(narrowed("r.session", "r.id")) GROUP BY r.name_key
            """, values) {
            guard case .text(let key) = row[0], case .text(let name) = row[1], case .integer(let sessions) = row[2] else { continue }
            groups[key] = Group(name: name, sessions: Int(sessions))
        }
        guard !groups.isEmpty else { return CorpusTable(columns: Self.acrossColumns, rows: []) }
        for row in try rows("""
            SELECT DISTINCT r.name_key, r.kind FROM sources r WHERE r.name_key IS NOT NULL \(narrowed("r.session", "r.id"))
            """, values) {
            guard case .text(let key) = row[0] else { continue }
            groups[key]?.kinds.insert(row[1].display)
        }
        if chosen == nil, fromTallies {
            try countFromTallies(into: &groups)
        } else {
            try countFromRows(into: &groups, narrowed: narrowed, values)
        }
        let ordered = groups.values.sorted { ($0.claims, $1.name.lowercased()) > ($1.claims, $0.name.lowercased()) }
        let limited = query.limit.map { Array(ordered.prefix($0)) } ?? ordered
        return CorpusTable(columns: Self.acrossColumns, rows: limited.map(\.row))
    }

    /// Claims, verdicts, carriers and stances per name from the tallies kept at refresh.
    private func countFromTallies(into groups: inout [String: Group]) throws(SQLiteError) {
        for row in try rows("SELECT name_key, verdict, claims FROM name_verdicts", []) {
            guard case .text(let key) = row[0], groups[key] != nil, case .integer(let count) = row[2] else { continue }
            groups[key]?.claims += Int(count)
            groups[key]?.verdicts[row[1].display, default: 0] += Int(count)
        }
        for row in try rows("SELECT name_key, carrier FROM name_carriers", []) {
            guard case .text(let key) = row[0], groups[key] != nil else { continue }
            groups[key]?.carriers.insert(row[1].display)
        }
        for row in try rows("SELECT name_key, proposition, label, stances FROM name_stances", []) {
            guard case .text(let key) = row[0], case .integer(let count) = row[3] else { continue }
            groups[key]?.stances[row[1].display, default: [:]][row[2].display, default: 0] += Int(count)
        }
    }

    /// Claims, verdicts, carriers and stances per name, counted from the rows of the chosen sources.
    private func countFromRows(into groups: inout [String: Group], narrowed: (String, String) -> String,
                               _ values: [CorpusValue]) throws(SQLiteError) {
        // One row per claimant, verdict and chain: a few per source, however many claims.
        var carriersOf: [String: [String]] = [:]
        for row in try rows("""
            SELECT c.claimant_key, c.verdict, c.via_names, count(*) FROM claims c
            WHERE c.claimant_key IS NOT NULL \(narrowed("c.session", "c.claimant")) GROUP BY c.claimant_key, c.verdict, c.via_names
            """, values) {
            guard case .text(let key) = row[0], groups[key] != nil, case .integer(let count) = row[3] else { continue }
            let claims = Int(count)
            groups[key]?.claims += claims
            groups[key]?.verdicts[row[1].display, default: 0] += claims
            let via = row[2].display
            let carriers = carriersOf[via] ?? CorpusTally.carriers(via)
            carriersOf[via] = carriers
            groups[key]?.carriers.formUnion(carriers)
        }
        for row in try rows("""
            SELECT r.name_key, t.target_text, t.label, count(*) FROM stances t JOIN sources r ON r.session = t.session AND r.id = t.holder
            WHERE t.target_kind = 'proposition' AND r.name_key IS NOT NULL \(narrowed("t.session", "t.holder"))
            GROUP BY r.name_key, t.target_text, t.label
            """, values) {
            guard case .text(let key) = row[0], case .integer(let count) = row[3] else { continue }
            groups[key]?.stances[row[1].display, default: [:]][row[2].display, default: 0] += Int(count)
        }
    }

    static let acrossColumns = ["source", "kind", "sessions", "claims", "carried_by", "verdicts", "stances"]

    /// Whether any filter narrows the sources (else every source counts, and no list of them is made).
    static func isNarrowed(_ query: CorpusQuery) -> Bool {
        [query.by, query.sourceKind, query.tag, query.status, query.author, query.text, query.session].contains { $0 != nil }
    }

    /// Rows of a statement prepared for this request (its text holds the filters' SQL).
    private func rows(_ sql: String, _ values: [CorpusValue]) throws(SQLiteError) -> [[CorpusValue]] {
        let statement = try database.prepare(sql)
        try statement.bind(values)
        var rows: [[CorpusValue]] = []
        while try statement.step() { rows.append(statement.row()) }
        return rows
    }

    /// One source's figures across sessions.
    private struct Group {
        var name: String
        var sessions: Int
        var kinds: Set<String> = []
        var claims = 0
        var carriers: Set<String> = []
        var verdicts: [String: Int] = [:]
        var stances: [String: [String: Int]] = [:]

        static func counts(_ counts: [String: Int]) -> String {
            counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        }

        var row: [CorpusValue] {
            let stanceText = stances.keys.sorted().map { "“\($0)”: " + Self.counts(stances[$0] ?? [:]) }.joined(separator: "; ")
            return [.text(name), .text(kinds.sorted().joined(separator: ", ")), .integer(Int64(sessions)), .integer(Int64(claims)),
                    .text(carriers.sorted().joined(separator: "; ")), .text(Self.counts(verdicts)), .text(stanceText)]
        }
    }
}
