import ClaimDeskCore

extension CorpusIndex {
    /// Per source across all sessions (`sources --across`): the claims it made, the sources that
    /// carried them (its claims' via chains), its stances by proposition and its claims' verdicts.
    ///
    /// Sources are the same source across sessions when their names are the same, compared as
    /// ``CorpusNames`` does; ids only mean something inside one session.
    public func sourcesAcross(_ query: CorpusQuery) throws(SQLiteError) -> CorpusTable {
        var sourcesQuery = query
        sourcesQuery.subject = .sources
        sourcesQuery.limit = nil
        if let problem = sourcesQuery.problem { throw SQLiteError(problem) }
        let plan = CorpusQueryPlan(sourcesQuery)
        let statement = try database.prepare("SELECT q.session, q.id, q.name, q.kind, x.id FROM (\(plan.sql)) q JOIN sessions x ON x.name = q.session")
        try statement.bind(plan.values)
        var groups: [String: Group] = [:]
        var keyOf: [SourceRef: String] = [:]
        while try statement.step() {
            let row = statement.row()
            guard case .text(let id) = row[1], case .text(let name) = row[2], case .integer(let session) = row[4] else { continue }
            let key = CorpusNames.key(name)
            keyOf[SourceRef(session: session, id: id)] = key
            groups[key, default: Group(name: name)].add(session: session, kind: row[3].display)
        }
        guard !groups.isEmpty else { return CorpusTable(columns: Self.acrossColumns, rows: []) }
        for row in try database.rows("SELECT session, claimant, verdict, via_names FROM claims WHERE claimant IS NOT NULL") {
            guard case .integer(let session) = row[0], case .text(let id) = row[1],
                  let key = keyOf[SourceRef(session: session, id: id)] else { continue }
            groups[key]?.claims += 1
            groups[key]?.verdicts[row[2].display, default: 0] += 1
            for carrier in row[3].display.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !carrier.isEmpty {
                groups[key]?.carriers.insert(carrier)
            }
        }
        for row in try database.rows("SELECT session, holder, label, target_text FROM stances WHERE target_kind = 'proposition'") {
            guard case .integer(let session) = row[0], case .text(let id) = row[1],
                  let key = keyOf[SourceRef(session: session, id: id)] else { continue }
            groups[key]?.stances[row[3].display, default: [:]][row[2].display, default: 0] += 1
        }
        let ordered = groups.values.sorted { ($0.claims, $1.name.lowercased()) > ($1.claims, $0.name.lowercased()) }
        let limited = query.limit.map { Array(ordered.prefix($0)) } ?? ordered
        return CorpusTable(columns: Self.acrossColumns, rows: limited.map(\.row))
    }

    static let acrossColumns = ["source", "kind", "sessions", "claims", "carried_by", "verdicts", "stances"]

    private struct SourceRef: Hashable {
        var session: Int64
        var id: String
    }

    /// One source's figures across sessions.
    private struct Group {
        var name: String
        var kinds: Set<String> = []
        var sessions: Set<Int64> = []
        var claims = 0
        var carriers: Set<String> = []
        var verdicts: [String: Int] = [:]
        var stances: [String: [String: Int]] = [:]

        mutating func add(session: Int64, kind: String) {
            sessions.insert(session)
            kinds.insert(kind)
        }

        static func counts(_ counts: [String: Int]) -> String {
            counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        }

        var row: [CorpusValue] {
            let stanceText = stances.keys.sorted().map { "“\($0)”: " + Self.counts(stances[$0] ?? [:]) }.joined(separator: "; ")
            return [.text(name), .text(kinds.sorted().joined(separator: ", ")), .integer(Int64(sessions.count)), .integer(Int64(claims)),
                    .text(carriers.sorted().joined(separator: "; ")), .text(Self.counts(verdicts)), .text(stanceText)]
        }
    }
}
