import ClaimDeskCore

extension CorpusIndex {
    /// Per source across all sessions (`sources --across`): the claims it made, the sources that
    /// carried them (its claims' via chains), its stances by proposition and its claims' verdicts.
    ///
    /// Sources are the same source across sessions when their names are the same, compared as
    /// ``CorpusNames`` does; ids only mean something inside one session. Filters narrow the
    /// sources first, and only those sources' claims and stances count.
    ///
    /// The counts come from the tallies kept at refresh (``CorpusTally``), which keep every count
    /// per source name, and again per source name and the source's kind, status and author:
    /// - with no filter, the tallies per name are read (a few thousand counts, not a million claims);
    /// - with only `--source-kind`, `--status` and `--author`, the matching tally rows per name and
    ///   facts are summed;
    /// - with filters that pick sources one by one (`--by`, `--tag`, `--text`, `--session`), the
    ///   chosen sources are listed, and where they are every source of one name, kind, status and
    ///   author, that group's tally rows are taken whole; only the claims and stances of the
    ///   other chosen sources are counted from the rows.
    ///
    /// `fromTallies: false` counts everything from the rows of the chosen sources, with the same
    /// answer (tests and the benchmark compare the two).
    public func sourcesAcross(_ query: CorpusQuery, fromTallies: Bool = true) throws(SQLiteError) -> CorpusTable {
        var sourcesQuery = query
        sourcesQuery.subject = .sources
        sourcesQuery.limit = nil
        if let problem = sourcesQuery.problem { throw SQLiteError(problem) }
        var groups: [String: AcrossGroup]
        if !fromTallies {
            groups = try groupsCountedFromRows(sourcesQuery)
        } else if Self.picksSources(sourcesQuery) {
            groups = try groupsOfChosenSources(sourcesQuery)
        } else {
            groups = try groupsFromTallies(SourceFactsFilter(sourcesQuery))
        }
        let ordered = groups.values.sorted { ($0.claims, $1.name.lowercased()) > ($1.claims, $0.name.lowercased()) }
        let limited = query.limit.map { Array(ordered.prefix($0)) } ?? ordered
        return CorpusTable(columns: Self.acrossColumns, rows: limited.map(\.row))
    }

    static let acrossColumns = ["source", "kind", "sessions", "claims", "carried_by", "verdicts", "stances"]

    /// Whether a filter picks sources one by one (by name or alias, tag, words, session), rather
    /// than by the source's own facts that the tallies are kept by.
    static func picksSources(_ query: CorpusQuery) -> Bool {
        [query.by, query.tag, query.text, query.session].contains { $0 != nil }
    }

    // MARK: - No filter, or only the source's kind, status and author

    /// Every name whose sources pass `facts`, counted by summing the tally rows that pass it.
    private func groupsFromTallies(_ facts: SourceFactsFilter) throws(SQLiteError) -> [String: AcrossGroup] {
        var groups: [String: AcrossGroup] = [:]
        // The narrower index when no fact is asked for: the whole desk reads every source's entry.
        let sources = "sources INDEXED BY " + (facts.isActive ? "sources_facts" : "sources_key")
        for row in try rows("""
            SELECT name_key, min(name), count(DISTINCT session) FROM \(sources) WHERE name_key IS NOT NULL \(facts.sql) GROUP BY name_key
            """, facts.values) {
            guard case .text(let key) = row[0], case .text(let name) = row[1], case .integer(let sessions) = row[2] else { continue }
            groups[key] = AcrossGroup(name: name, sessions: Int(sessions))
        }
        guard !groups.isEmpty else { return groups }
        for row in try rows("SELECT DISTINCT name_key, kind FROM \(sources) WHERE name_key IS NOT NULL \(facts.sql)", facts.values) {
            guard case .text(let key) = row[0] else { continue }
            groups[key]?.kinds.insert(row[1].display)
        }
        // The tallies per name alone for the whole desk; with a kind, status or author, the
        // tallies per name and those facts, summed over the facts that hold.
        let (verdicts, carriers, stances) = facts.isActive
            ? (CorpusTally.verdictsByNameAndFacts, CorpusTally.carriersByNameAndFacts, CorpusTally.stancesByNameAndFacts)
            : (CorpusTally.verdictsByName, CorpusTally.carriersByName, CorpusTally.stancesByName)
        for row in try rows("""
            SELECT name_key, verdict, sum(claims) FROM \(verdicts.table) WHERE 1 \(facts.sql) GROUP BY name_key, verdict
            """, facts.values) {
            guard case .text(let key) = row[0], case .integer(let count) = row[2] else { continue }
            groups[key]?.addClaims(Int(count), verdict: row[1].display)
        }
        for row in try rows("SELECT DISTINCT name_key, carrier FROM \(carriers.table) WHERE 1 \(facts.sql)", facts.values) {
            guard case .text(let key) = row[0] else { continue }
            groups[key]?.carriers.insert(row[1].display)
        }
        for row in try rows("""
            SELECT name_key, proposition, label, sum(stances) FROM \(stances.table) WHERE 1 \(facts.sql) GROUP BY name_key, proposition, label
            """, facts.values) {
            guard case .text(let key) = row[0], case .integer(let count) = row[3] else { continue }
            groups[key]?.addStances(Int(count), proposition: row[1].display, label: row[2].display)
        }
        return groups
    }

    // MARK: - Filters that pick sources one by one

    /// The chosen sources, grouped by name; each name's counts from its tally rows where every
    /// source of a kind, status and author is chosen, else from the chosen sources' own rows.
    ///
    /// Columns are read as they are, without a row of values each: `--text official` chooses
    /// 80,000 sources of a desk of 10,000 sessions.
    private func groupsOfChosenSources(_ query: CorpusQuery) throws(SQLiteError) -> [String: AcrossGroup] {
        let plan = CorpusQueryPlan(query, sourceKeys: true, sourceFacts: true)
        /// Each name's group, the sessions of its chosen sources and those sources per kind,
        /// status and author: one look-up of the name per source.
        var places: [String: Int] = [:]
        var names: [(key: String, group: AcrossGroup, sessions: Set<Int64>, chosen: [SourceFacts: [(session: Int64, id: String)]])] = []
        let statement = try database.prepare(plan.sql)
        try statement.bind(plan.values)
        while try statement.step() {
            let session = statement.integer(0)
            guard let id = statement.text(1), let key = statement.text(2), let name = statement.text(3) else { continue }
            let facts = SourceFacts(kind: statement.text(4), status: statement.text(5), author: statement.text(6))
            let place: Int
            if let known = places[key] {
                place = known
                // The name `min(name)` gives: the least in SQLite's byte order.
                if name.utf8.lexicographicallyPrecedes(names[place].group.name.utf8) { names[place].group.name = name }
            } else {
                place = names.count
                places[key] = place
                names.append((key, AcrossGroup(name: name, sessions: 0), [], [:]))
            }
            names[place].group.kinds.insert(facts.kind ?? "")
            names[place].sessions.insert(session)
            names[place].chosen[facts, default: []].append((session, id))
        }
        var groups: [String: AcrossGroup] = [:]
        for (key, chosenGroup, sessions, partitions) in names {
            var group = chosenGroup
            group.sessions = sessions.count
            // Kinds, statuses and authors whose every source of this name is chosen.
            var whole = Set<SourceFacts>()
            let totals = try database.cached("SELECT kind, status, author, count(*) FROM sources INDEXED BY sources_facts WHERE name_key = ? GROUP BY 1, 2, 3")
            try totals.bind([.text(key)])
            while try totals.step() {
                let facts = SourceFacts(totals, from: 0)
                if partitions[facts]?.count == Int(totals.integer(3)) { whole.insert(facts) }
            }
            if !whole.isEmpty { try addTallies(of: key, where: whole, to: &group) }
            for (facts, sources) in partitions where !whole.contains(facts) {
                for source in sources { try addRows(of: source, to: &group) }
            }
            groups[key] = group
        }
        return groups
    }

    /// Adds one name's tally rows for the kinds, statuses and authors in `whole`.
    private func addTallies(of key: String, where whole: Set<SourceFacts>, to group: inout AcrossGroup) throws(SQLiteError) {
        let verdicts = try database.cached("SELECT kind, status, author, verdict, claims FROM name_fact_verdicts WHERE name_key = ?")
        try verdicts.bind([.text(key)])
        while try verdicts.step() {
            guard whole.contains(SourceFacts(verdicts, from: 0)) else { continue }
            group.addClaims(Int(verdicts.integer(4)), verdict: verdicts.text(3) ?? "")
        }
        let carriers = try database.cached("SELECT kind, status, author, carrier FROM name_fact_carriers WHERE name_key = ?")
        try carriers.bind([.text(key)])
        while try carriers.step() {
            guard whole.contains(SourceFacts(carriers, from: 0)) else { continue }
            group.carriers.insert(carriers.text(3) ?? "")
        }
        let stances = try database.cached("SELECT kind, status, author, proposition, label, stances FROM name_fact_stances WHERE name_key = ?")
        try stances.bind([.text(key)])
        while try stances.step() {
            guard whole.contains(SourceFacts(stances, from: 0)) else { continue }
            group.addStances(Int(stances.integer(5)), proposition: stances.text(3) ?? "", label: stances.text(4) ?? "")
        }
    }

    /// Adds one source's claims and stances, counted from its rows.
    private func addRows(of source: (session: Int64, id: String), to group: inout AcrossGroup) throws(SQLiteError) {
        let values: [CorpusValue] = [.integer(source.session), .text(source.id)]
        for row in try database.rows("SELECT verdict, via_names, count(*) FROM claims WHERE session = ? AND claimant = ? GROUP BY 1, 2", values) {
            guard case .integer(let count) = row[2] else { continue }
            group.addClaims(Int(count), verdict: row[0].display)
            group.carriers.formUnion(CorpusTally.carriers(row[1].display))
        }
        for row in try database.rows("""
            SELECT target_text, label, count(*) FROM stances WHERE session = ? AND holder = ? AND target_kind = 'proposition' GROUP BY 1, 2
            """, values) {
            guard case .integer(let count) = row[2] else { continue }
            group.addStances(Int(count), proposition: row[0].display, label: row[1].display)
        }
    }

    // MARK: - Every count from the rows (the check)

    /// The chosen sources' names, and every count grouped from their claims' and stances' rows.
    private func groupsCountedFromRows(_ query: CorpusQuery) throws(SQLiteError) -> [String: AcrossGroup] {
        let chosen = Self.picksSources(query) || SourceFactsFilter(query).isActive ? CorpusQueryPlan(query, sourceKeys: true) : nil
        /// `AND (session, column) IN (the chosen sources)`, or nothing when every source counts.
        func narrowed(_ session: String, _ id: String) -> String {
            chosen.map { "AND (\(session), \(id)) IN (\($0.sql))" } ?? ""
        }
        let values = chosen?.values ?? []
        var groups: [String: AcrossGroup] = [:]
        for row in try rows("""
            SELECT r.name_key, min(r.name), count(DISTINCT r.session) FROM sources r
            WHERE r.name_key IS NOT NULL \(narrowed("r.session", "r.id")) GROUP BY r.name_key
            """, values) {
            guard case .text(let key) = row[0], case .text(let name) = row[1], case .integer(let sessions) = row[2] else { continue }
            groups[key] = AcrossGroup(name: name, sessions: Int(sessions))
        }
        guard !groups.isEmpty else { return groups }
        for row in try rows("""
            SELECT DISTINCT r.name_key, r.kind FROM sources r WHERE r.name_key IS NOT NULL \(narrowed("r.session", "r.id"))
            """, values) {
            guard case .text(let key) = row[0] else { continue }
            groups[key]?.kinds.insert(row[1].display)
        }
        // One row per claimant, verdict and chain: a few per source, however many claims.
        var carriersOf: [String: [String]] = [:]
        for row in try rows("""
            SELECT c.claimant_key, c.verdict, c.via_names, count(*) FROM claims c
            WHERE c.claimant_key IS NOT NULL \(narrowed("c.session", "c.claimant")) GROUP BY c.claimant_key, c.verdict, c.via_names
            """, values) {
            guard case .text(let key) = row[0], groups[key] != nil, case .integer(let count) = row[3] else { continue }
            groups[key]?.addClaims(Int(count), verdict: row[1].display)
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
            groups[key]?.addStances(Int(count), proposition: row[1].display, label: row[2].display)
        }
        return groups
    }

    /// Rows of a statement prepared for this request (its text holds the filters' SQL).
    private func rows(_ sql: String, _ values: [CorpusValue]) throws(SQLiteError) -> [[CorpusValue]] {
        let statement = try database.prepare(sql)
        try statement.bind(values)
        var rows: [[CorpusValue]] = []
        while try statement.step() { rows.append(statement.row()) }
        return rows
    }
}
