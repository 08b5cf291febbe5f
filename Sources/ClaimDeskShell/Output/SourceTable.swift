import ClaimDeskCore

/// The `sources` answer as a table: id, name and kind in columns lined up by display width.
///
/// Names are padded by the columns they take on a terminal (``DisplayWidth``), so a row with a
/// Chinese or accented name lines up with the rest. A name longer than ``nameLimit`` overflows its
/// column on its own row rather than pushing every row far to the right.
struct SourceTable {
    struct Row {
        var id: String
        var name: String
        var kind: String
        /// Aliases, role, counts, tags: free text after the columns.
        var rest: StyledLine
    }

    /// The widest a name column grows.
    static let nameLimit = 32

    let rows: [Row]

    init(_ rows: [Row]) { self.rows = rows }

    func lines() -> [StyledLine] {
        let safeNames = rows.map { TerminalSafeText.escape($0.name) }
        let idWidth = (rows.map { DisplayWidth.of($0.id) }.max() ?? 0) + 2
        let nameWidth = min(safeNames.map { DisplayWidth.of($0) }.max() ?? 0, Self.nameLimit) + 2
        let kindWidth = (rows.map { DisplayWidth.of(TerminalSafeText.escape($0.kind)) }.max() ?? 0) + 2
        return zip(rows, safeNames).map { row, name in
            var line = StyledLine(DisplayWidth.padded(row.id, to: idWidth), .id)
            line.markTextColumn()
            line.appendIsolated(row.name, .strong)
            line.append(String(repeating: " ", count: max(2, nameWidth - DisplayWidth.of(name))))
            line.append(DisplayWidth.padded(TerminalSafeText.escape(row.kind), to: kindWidth), .label)
            line.append(row.rest)
            return line
        }
    }
}
