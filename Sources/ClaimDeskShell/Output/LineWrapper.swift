import ClaimDeskCore

/// Breaks a styled line into lines that fit a terminal's width, at word boundaries.
///
/// A terminal left to itself cuts "Ba/ghdad" mid-word and starts the rest at column 0, under the
/// ids. Here continuation lines are indented under the line's ``StyledLine/textColumn`` (its own
/// indentation plus two when it has none), and widths are display widths (``DisplayWidth``: wide
/// characters take two columns, combining marks none). Only a word longer than a whole line is
/// cut inside.
///
/// Right-to-left text is broken in logical order, as Unicode's bidi algorithm expects (lines are
/// formed first, then each is reordered by the terminal). An isolate that a break falls inside is
/// closed at the end of the line and opened again at the start of the next with the direction the
/// whole isolated text resolved to (RLI or LRI, never FSI, which would look only at the piece), so
/// every terminal line is balanced and a piece of an Arabic sentence that starts with a Latin name
/// still reads right to left.
///
/// Run texts must already be escaped (``TerminalSafeText``): the widths are those of what is shown.
public struct LineWrapper: Sendable {
    /// Below this many columns lines are wrapped as if the terminal had this many.
    public static let minimumWidth = 20

    public var width: Int

    public init(width: Int) { self.width = width }

    /// One character with its style, or an isolate boundary (with how to reopen it on a new line).
    private enum Atom {
        case text(Character, TextStyle, width: Int)
        case mark(IsolateMark, reopenAs: IsolateMark)

        var isSpace: Bool {
            if case .text(let character, _, _) = self { return character == " " }
            return false
        }

        var width: Int {
            if case .text(_, _, let width) = self { return width }
            return 0
        }
    }

    /// The lines for `line`: itself when it fits.
    public func wrap(_ line: StyledLine) -> [StyledLine] {
        let limit = max(width, Self.minimumWidth)
        guard line.displayWidth > limit else { return [line] }
        let atoms = Self.atoms(of: line)
        let indent = hangingIndent(line, limit: limit)

        var lines: [StyledLine] = []
        var current: [Atom] = []
        var reopened: [IsolateMark] = []
        var column = 0
        var start = 0
        /// Where the current line may be cut: after the last space that follows some text.
        var lastBreak: Int?
        var hasText = false
        var index = 0
        while index < atoms.count {
            let atom = atoms[index]
            if case .mark = atom {
                current.append(atom)
                index += 1
                continue
            }
            if atom.isSpace {
                current.append(atom)
                column += atom.width
                if hasText { lastBreak = current.count }
                index += 1
                continue
            }
            if column + atom.width > limit && column > start && hasText {
                let cut = lastBreak ?? current.count
                let head = Array(current[..<cut])
                var tail = Array(current[cut...])
                let (made, stillOpen) = Self.line(head, reopening: reopened, indent: lines.isEmpty ? 0 : indent)
                lines.append(made)
                reopened = stillOpen
                while let first = tail.first, first.isSpace { tail.removeFirst() }
                current = tail
                start = indent
                column = indent + tail.reduce(0) { $0 + $1.width }
                hasText = tail.contains { !$0.isSpace && $0.width > 0 }
                lastBreak = nil
                continue
            }
            current.append(atom)
            column += atom.width
            if atom.width > 0 { hasText = true }
            index += 1
        }
        lines.append(Self.line(current, reopening: reopened, indent: lines.isEmpty ? 0 : indent).line)
        return lines
    }

    /// The indentation of continuation lines: the text column when it leaves room to read.
    ///
    /// A line without a marked text column that starts with an id (`c1  claim by …`, the answers
    /// of commands) hangs under the text after the id; any other under its own indentation plus two.
    func hangingIndent(_ line: StyledLine, limit: Int) -> Int {
        let column = line.textColumn ?? Self.columnAfterLeadingID(line) ?? (line.description.prefix { $0 == " " }.count + 2)
        return column <= limit / 2 ? column : min(4, limit / 4)
    }

    /// The column after a leading id run and the spaces that follow it, if the line starts so.
    static func columnAfterLeadingID(_ line: StyledLine) -> Int? {
        let texts = line.runs.filter { $0.isolate == nil }
        guard let first = texts.first, first.style == .id, !first.text.contains(" "), texts.count > 1 else { return nil }
        let spaces = texts[1].text.prefix { $0 == " " }.count
        guard spaces > 0 else { return nil }
        return DisplayWidth.of(first.text) + spaces
    }

    /// The characters and isolate marks of a line, each opening mark knowing its resolved direction.
    private static func atoms(of line: StyledLine) -> [Atom] {
        var atoms: [Atom] = []
        for run in line.runs {
            if let mark = run.isolate {
                atoms.append(.mark(mark, reopenAs: mark))
            } else {
                for character in run.text {
                    atoms.append(.text(character, run.style, width: DisplayWidth.of(character)))
                }
            }
        }
        for index in atoms.indices {
            guard case .mark(.beginText, _) = atoms[index] else { continue }
            atoms[index] = .mark(.beginText, reopenAs: resolvedDirection(atoms, after: index))
        }
        return atoms
    }

    /// RLI or LRI: the direction of the first strong letter inside the isolate opened at `index`,
    /// nested isolates skipped (as FSI itself does).
    private static func resolvedDirection(_ atoms: [Atom], after index: Int) -> IsolateMark {
        var depth = 0
        for atom in atoms[(index + 1)...] {
            switch atom {
            case .mark(.end, _):
                if depth == 0 { return .beginLabel }
                depth -= 1
            case .mark:
                depth += 1
            case .text(let character, _, _) where depth == 0:
                for scalar in character.unicodeScalars {
                    if ScriptLanguageDetector.isRightToLeft(scalar.value) { return .beginRightToLeft }
                    if scalar.properties.isAlphabetic { return .beginLabel }
                }
            case .text:
                continue
            }
        }
        return .beginLabel
    }

    /// A finished line: the indentation, isolates reopened, the atoms without trailing spaces, and
    /// every isolate still open closed. Returns it with the isolates to reopen on the next line.
    private static func line(_ atoms: [Atom], reopening: [IsolateMark], indent: Int) -> (line: StyledLine, open: [IsolateMark]) {
        var line = StyledLine()
        if indent > 0 { line.append(String(repeating: " ", count: indent)) }
        var open = reopening
        for mark in reopening { line.runs.append(.init(text: "", style: .plain, isolate: mark)) }
        let lastText = atoms.lastIndex { !$0.isSpace && !isMark($0) } ?? -1
        for (position, atom) in atoms.enumerated() {
            switch atom {
            case .text(let character, let style, _):
                if position > lastText { continue }
                line.append(String(character), style)
            case .mark(let mark, let reopenAs):
                line.runs.append(.init(text: "", style: .plain, isolate: mark))
                if mark == .end { _ = open.popLast() } else { open.append(reopenAs) }
            }
        }
        for _ in open { line.runs.append(.init(text: "", style: .plain, isolate: .end)) }
        return (line, open)
    }

    private static func isMark(_ atom: Atom) -> Bool {
        if case .mark = atom { return true }
        return false
    }
}
