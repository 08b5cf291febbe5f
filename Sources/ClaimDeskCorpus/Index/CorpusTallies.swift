import ClaimDeskCore

/// The changes to every tally that a refresh has made so far and not yet written.
///
/// A full build re-indexes 10,000 sessions whose claims fall on a few hundred days: adding up
/// their contributions here and writing each count once at the end costs one statement per
/// count instead of one per session and count.
struct CorpusTallies {
    /// Per tally (by its place in ``CorpusTally/all``), the change of each key's count.
    private var changes = [[[CorpusValue]: Int64]](repeating: [:], count: CorpusTally.all.count)

    /// Adds (`sign` 1) or takes away (`sign` -1) what a session's rows give each tally.
    mutating func count(session number: Int64, sign: Int64, in database: SQLiteDatabase) throws(SQLiteError) {
        for (place, tally) in CorpusTally.all.enumerated() {
            for row in try database.rows(tally.contribution, [.integer(number)]) {
                guard case .integer(let count)? = row.last else { continue }
                for key in tally.keysOfRow(Array(row.dropLast())) {
                    changes[place][key, default: 0] += sign * count
                }
            }
        }
    }

    /// Writes every change: a count is raised or lowered, made when new, deleted at zero.
    mutating func write(to database: SQLiteDatabase) throws(SQLiteError) {
        for (place, tally) in CorpusTally.all.enumerated() {
            let update = "UPDATE \(tally.table) SET \(tally.count) = \(tally.count) + ? WHERE \(tally.keyCondition) RETURNING \(tally.count)"
            let insert = "INSERT INTO \(tally.table)(\(tally.keys.joined(separator: ", ")), \(tally.count)) VALUES (\(tally.keys.map { _ in "?" }.joined(separator: ", ")), ?)"
            let delete = "DELETE FROM \(tally.table) WHERE \(tally.keyCondition)"
            for (key, change) in changes[place] where change != 0 {
                let now = try database.rows(update, [.integer(change)] + key)
                if now.isEmpty {
                    if change > 0 { try database.run(insert, key + [.integer(change)]) }
                } else if case .integer(let count)? = now.first?.first, count <= 0 {
                    try database.run(delete, key)
                }
            }
        }
        discard()
    }

    /// Forgets the changes (the transaction that made them was rolled back).
    mutating func discard() {
        changes = [[[CorpusValue]: Int64]](repeating: [:], count: CorpusTally.all.count)
    }
}
