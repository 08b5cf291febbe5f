import ClaimDeskCore

/// The SQL for a ``CorpusQuery`` and the values to bind, in order: every filter is a bound value,
/// never text pasted into the statement.
struct CorpusQueryPlan {
    private(set) var sql = ""
    private(set) var values: [CorpusValue] = []
    private var conditions: [String] = []

    /// The plan of `query`; with `sourceKeys`, a sources query selects only each source's
    /// `session` and `id`, in no set order, for ``CorpusIndex/sourcesAcross(_:)`` to narrow by;
    /// with `sourceFacts` too, then its `name_key`, `name`, `kind`, `status` and `author`, to
    /// group the chosen sources by.
    ///
    /// With `walksByDay`, a claims question with words reads claims in date order through
    /// `claims_day` and stops at its limit, instead of sorting every match: the better plan when
    /// the words are common (``CorpusIndex/query(_:)`` decides from the count of matches).
    init(_ query: CorpusQuery, sourceKeys: Bool = false, sourceFacts: Bool = false, walksByDay: Bool = false) {
        let select: String
        let order: String
        switch query.subject {
        case .claims:
            let columns = """
                SELECT s.name AS session, c.id, c.published_day AS published, c.claimant_name AS claimant, c.via_names AS via,
                       c.kind, c.verdict, c.status, c.quote
                """
            if walksByDay, let words = query.text {
                // Claims in date order, each looked up among the matches, until the limit is met. The
                // matches are row numbers straight from the full-text index: a claim knows the row
                // of its quote (`text_row`, in `claims_day`) and a note the row of its text, so no
                // match is looked up in `texts` to learn whose it is.
                select = columns + "\nFROM claims c INDEXED BY claims_day JOIN sessions s ON s.id = c.session"
                conditions.append("""
                    (c.text_row IN (SELECT rowid FROM search WHERE search MATCH ? AND \(CorpusSchema.searchRows(ofKinds: ["claim"])))
                     OR EXISTS (SELECT 1 FROM notes n WHERE n.session = c.session AND n.annotation = c.id
                                AND n.text_row IN (SELECT rowid FROM search WHERE search MATCH ? AND \(CorpusSchema.searchRows(ofKinds: ["note"])))))
                    """)
                let match = CorpusTextQuery.match(words) ?? "\"\""
                values += [.text(match), .text(match)]
            } else {
                select = columns + "\nFROM " + matching(query.text, kinds: Self.claimTextKinds, table: "claims", alias: "c")
                    + " JOIN sessions s ON s.id = c.session"
            }
            order = "ORDER BY c.published_day, s.name, length(c.id), c.id"
            add(query.by, "(c.session, c.claimant) IN (SELECT session, source FROM source_names WHERE name_key = ?)", key: true)
            add(query.via, """
                (c.session, c.id) IN (SELECT k.session, k.claim FROM source_names n
                    JOIN claim_chain k ON k.session = n.session AND k.source = n.source AND k.position > 0 WHERE n.name_key = ?)
                """, key: true)
            add(query.sourceKind, "EXISTS (SELECT 1 FROM sources r WHERE r.session = c.session AND r.id = c.claimant AND r.kind = ?)")
            add(query.kind, "c.kind = ?")
            add(query.verdict, "c.verdict = ?")
            common(query, alias: "c", day: "c.published_day", session: "c.session IN (SELECT id FROM sessions WHERE name = ? OR path = ?)")
        case .sources:
            let columns = sourceKeys ? "r.session, r.id" + (sourceFacts ? ", r.name_key, r.name, r.kind, r.status, r.author" : "") : """
                s.name AS session, r.id, r.name, r.kind, r.aliases, r.role,
                       (SELECT count(*) FROM claims c WHERE c.session = r.session AND c.claimant = r.id) AS claims,
                       (SELECT count(*) FROM claim_chain k WHERE k.session = r.session AND k.source = r.id AND k.position > 0) AS relayed,
                       (SELECT count(*) FROM stances t WHERE t.session = r.session AND t.holder = r.id) AS stances
                """
            // The session's row is needed for its name: shown, or asked for by `--session`
            // (`sources --across` lists 80,000 sources for `--text official`, each a look-up less).
            let sessions = !sourceKeys || query.session != nil ? " JOIN sessions s ON s.id = r.session" : ""
            select = """
                SELECT \(columns)
                FROM \(matching(query.text, kinds: ["source", "note"], table: "sources", alias: "r"))\(sessions)
                """
            order = sourceKeys ? "" : "ORDER BY r.name, s.name"
            add(query.by, "(r.session, r.id) IN (SELECT session, source FROM source_names WHERE name_key = ?)", key: true)
            add(query.sourceKind, "r.kind = ?")
            common(query, alias: "r", day: "a.published_day")
        case .stances:
            select = """
                SELECT s.name AS session, t.id, a.published_day AS published, t.holder_name AS holder, t.label,
                       t.target_kind, t.target_text AS target, t.status
                FROM stances t JOIN sessions s ON s.id = t.session
                LEFT JOIN articles a ON a.session = t.session AND a.id = t.article
                """
            order = "ORDER BY a.published_day, s.name, length(t.id), t.id"
            add(query.by, "(t.session, t.holder) IN (SELECT session, source FROM source_names WHERE name_key = ?)", key: true)
            add(query.sourceKind, "EXISTS (SELECT 1 FROM sources r WHERE r.session = t.session AND r.id = t.holder AND r.kind = ?)")
            if let match = query.text.flatMap(CorpusTextQuery.match) {
                conditions.append("""
                    ((t.session, t.id) IN (SELECT x.id >> \(CorpusSchema.searchRowShift), x.annotation FROM search JOIN texts x ON x.id = search.rowid
                                            WHERE search MATCH ? AND x.kind IN ('stance', 'note'))
                     OR (t.session, t.target) IN (SELECT x.id >> \(CorpusSchema.searchRowShift), x.annotation FROM search JOIN texts x ON x.id = search.rowid
                                                WHERE search MATCH ? AND x.kind IN ('proposition', 'claim')))
                    """)
                values += [.text(match), .text(match)]
            }
            var rest = query
            rest.text = nil
            common(rest, alias: "t", day: "a.published_day")
        }
        sql = select + (conditions.isEmpty ? "" : "\nWHERE " + conditions.joined(separator: "\n  AND ")) + "\n" + order
        if let limit = query.limit {
            sql += "\nLIMIT ?"
            values.append(.integer(Int64(limit)))
        }
    }

    /// The filters every subject shares: tag, status, author, dates, session (words are
    /// searched by ``matching(_:kinds:table:alias:)`` or, for stances, before).
    private mutating func common(_ query: CorpusQuery, alias: String, day: String, session: String = "(s.name = ? OR s.path = ?)") {
        add(query.tag, "(\(alias).session, \(alias).id) IN (SELECT session, annotation FROM tags WHERE tag = ?)")
        add(query.status, "\(alias).status = ?")
        add(query.author, "\(alias).author = ?")
        add(query.since, "\(day) >= ?")
        if let until = query.until {
            // A day before the next prefix is a day whose first characters are at most `until`
            // (`--until 2026-03` takes all of March), and the index can seek to it.
            if let bound = Self.after(until) {
                conditions.append("\(day) < ?")
                values.append(.text(bound))
            } else {
                conditions.append("substr(\(day), 1, length(?)) <= ?")
                values += [.text(until), .text(until)]
            }
        }
        if let name = query.session {
            conditions.append(session)
            values += [.text(name), .text(name)]
        }
    }

    /// The table to read, or, when words are searched, the records whose text holds them (each
    /// once) joined to it: the full-text search finds the few, instead of testing every record.
    /// A query with nothing searchable matches nothing rather than everything.
    private mutating func matching(_ words: String?, kinds: [String], table: String, alias: String) -> String {
        guard let words else { return "\(table) \(alias)" }
        values.append(.text(CorpusTextQuery.match(words) ?? "\"\""))
        return """
            (SELECT DISTINCT x.id >> \(CorpusSchema.searchRowShift) AS session, x.annotation
                FROM search JOIN texts x ON x.id = search.rowid WHERE search MATCH ? AND \(CorpusSchema.searchRows(ofKinds: kinds, rowid: "search.rowid"))) m
                JOIN \(table) \(alias) ON \(alias).session = m.session AND \(alias).id = m.annotation
            """
    }

    /// The kinds of text a claim is found by: its quote and its notes.
    static let claimTextKinds = ["claim", "note"]

    /// The smallest text after every text that starts with `prefix`: its last character's
    /// successor (`2026-03` → `2026-04`), or nil when it has none.
    static func after(_ prefix: String) -> String? {
        guard let last = prefix.unicodeScalars.last, let next = Unicode.Scalar(last.value + 1) else { return nil }
        return String(String.UnicodeScalarView(prefix.unicodeScalars.dropLast() + [next]))
    }

    private mutating func add(_ value: String?, _ condition: String, key: Bool = false) {
        guard let value else { return }
        conditions.append(condition)
        values.append(.text(key ? CorpusNames.key(value) : value))
    }
}
