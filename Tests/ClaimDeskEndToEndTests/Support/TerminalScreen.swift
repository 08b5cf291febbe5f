/// What a terminal shows for some output: just enough of an xterm to follow how
/// libedit draws a line (text, carriage return, line feed, backspace, cursor moves,
/// inserting, deleting and erasing characters), ignoring colours.
///
/// Bytes alone do not say what the user sees, because libedit redraws part of a
/// line by moving the cursor and writing over it; this does. It assumes lines fit
/// the terminal's width (start sessions wide) and counts each character as one
/// column, combining marks as none.
struct TerminalScreen {
    /// Each row's cells; a cell is one column: a character and any combining marks.
    private(set) var rows: [[String]] = [[]]
    private(set) var cursorRow = 0
    private(set) var cursorColumn = 0

    init(rendering output: [UInt8]) {
        var scalars = String(decoding: output, as: UTF8.self).unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar {
            case "\r": cursorColumn = 0
            case "\n": moveToRow(cursorRow + 1)
            case "\u{08}": cursorColumn = max(0, cursorColumn - 1)
            case "\t": cursorColumn = (cursorColumn / 8 + 1) * 8
            case "\u{1B}": escape(&scalars)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: break  // bell and the like
            case _ where scalar.properties.generalCategory == .nonspacingMark
                      || scalar.properties.generalCategory == .enclosingMark:
                if cursorColumn > 0, cursorColumn <= rows[cursorRow].count {
                    rows[cursorRow][cursorColumn - 1].unicodeScalars.append(scalar)
                }
            default: put(String(scalar))
            }
        }
    }

    /// The rows as text, without trailing spaces.
    var lines: [String] {
        rows.map { row in
            var line = row.joined()
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }

    /// The row the cursor is on, exactly as written there (trailing spaces kept).
    var cursorLine: String { rows[cursorRow].joined() }

    /// The row above the cursor's (the last finished line when the cursor sits at a new prompt).
    var lineAboveCursor: String? { cursorRow > 0 ? lines[cursorRow - 1] : nil }

    private mutating func moveToRow(_ row: Int) {
        cursorRow = max(0, row)
        while rows.count <= cursorRow { rows.append([]) }
    }

    private mutating func padRow(to count: Int) {
        while rows[cursorRow].count < count { rows[cursorRow].append(" ") }
    }

    private mutating func put(_ cell: String) {
        padRow(to: cursorColumn + 1)
        rows[cursorRow][cursorColumn] = cell
        cursorColumn += 1
    }

    /// Handles what follows an ESC: control sequences (ESC [ ...), operating system
    /// commands (ESC ] ... BEL) and two-character escapes.
    private mutating func escape(_ scalars: inout String.UnicodeScalarView.Iterator) {
        guard let kind = scalars.next() else { return }
        if kind == "]" {
            while let next = scalars.next(), next != "\u{07}" {
                if next == "\u{1B}" { _ = scalars.next(); return }
            }
            return
        }
        guard kind == "[" else { return }
        var parameters = ""
        var final: Unicode.Scalar?
        while let next = scalars.next() {
            if (0x40...0x7E).contains(next.value) { final = next; break }
            parameters.unicodeScalars.append(next)
        }
        let numbers = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        let count = max(1, (numbers.first ?? nil) ?? 1)
        let row = rows[cursorRow]
        switch final {
        case "G"?: cursorColumn = count - 1
        case "C"?: cursorColumn += count
        case "D"?: cursorColumn = max(0, cursorColumn - count)
        case "A"?: moveToRow(cursorRow - count)
        case "B"?: moveToRow(cursorRow + count)
        case "K"?:
            switch (numbers.first ?? nil) ?? 0 {
            case 0: rows[cursorRow] = Array(row.prefix(cursorColumn))
            case 1: padRow(to: cursorColumn + 1); for column in 0...cursorColumn { rows[cursorRow][column] = " " }
            default: rows[cursorRow] = []
            }
        case "@"?:
            if cursorColumn < row.count { rows[cursorRow].insert(contentsOf: repeatElement(" ", count: count), at: cursorColumn) }
        case "P"?:
            if cursorColumn < row.count { rows[cursorRow].removeSubrange(cursorColumn..<min(row.count, cursorColumn + count)) }
        case "X"?:
            padRow(to: cursorColumn + count)
            for column in cursorColumn..<cursorColumn + count { rows[cursorRow][column] = " " }
        default:
            break  // colours, modes and the rest do not move text
        }
    }
}
