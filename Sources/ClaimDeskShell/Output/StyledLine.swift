import ClaimDeskCore

/// How a piece of output should look where colour is allowed.
public enum TextStyle: Equatable, Sendable {
    case plain, strong, dim, id, heading, hit, error, warning, notice, label
    /// An annotated span, coloured by the kind of annotation.
    case span(AnnotationKindStyle)
}

/// The colour families of annotated spans.
public enum AnnotationKindStyle: Equatable, Sendable {
    case claim, mention, evidence
    /// A claim's reporting words ("said", "according to").
    case cue
}

/// Where the renderer sets part of a line apart with a Unicode bidi isolate.
///
/// Right-to-left article text next to our ids and markers would otherwise borrow their
/// direction (or lend its own), and a terminal that implements bidi would scramble the order.
/// The marks are structure, never text: the renderer writes the isolate characters itself, and
/// only on lines that hold right-to-left text, so English output stays byte for byte as it was.
public enum IsolateMark: Equatable, Sendable {
    /// Opens text whose direction its first strong letter decides (article text, names): FSI, U+2068.
    case beginText
    /// Opens a left-to-right label (an id) placed inside right-to-left text: LRI, U+2066.
    case beginLabel
    /// Opens right-to-left text explicitly: RLI, U+2067. A wrapped line reopens a right-to-left
    /// isolate with it, so the piece on the next line keeps the direction the whole text had.
    case beginRightToLeft
    /// Closes the last one opened: PDI, U+2069.
    case end
}

/// One line of output as runs of styled text; rendering decides about colour.
public struct StyledLine: Equatable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public struct Run: Equatable, Sendable {
        public var text: String
        public var style: TextStyle
        /// Set on the empty runs that stand for isolate boundaries.
        public var isolate: IsolateMark? = nil
    }

    public var runs: [Run]
    /// The display column where the line's text starts (after its ids and labels); a wrapped line's
    /// continuation lines are indented to it. Nil: under the line's own indentation.
    public var textColumn: Int?

    public init() { runs = [] }
    public init(_ text: String, _ style: TextStyle = .plain) { runs = [Run(text: text, style: style)] }
    public init(stringLiteral value: String) { self.init(value) }

    /// The text without styles.
    public var description: String { runs.map(\.text).joined() }

    public mutating func append(_ text: String, _ style: TextStyle = .plain) {
        guard !text.isEmpty else { return }
        if let last = runs.last, last.style == style, last.isolate == nil {
            runs[runs.count - 1].text += text
        } else {
            runs.append(Run(text: text, style: style))
        }
    }

    public mutating func append(_ other: StyledLine) {
        if textColumn == nil, let column = other.textColumn { textColumn = displayWidth + column }
        for run in other.runs {
            if let mark = run.isolate { runs.append(Run(text: "", style: .plain, isolate: mark)) } else { append(run.text, run.style) }
        }
    }

    /// Appends text of its own direction (article text, a name), isolated from what surrounds it.
    public mutating func appendIsolated(_ text: String, _ style: TextStyle = .plain) {
        appendIsolated(StyledLine(text, style))
    }

    /// Appends a styled piece of article text, isolated as a whole.
    public mutating func appendIsolated(_ other: StyledLine) {
        runs.append(Run(text: "", style: .plain, isolate: .beginText))
        append(other)
        runs.append(Run(text: "", style: .plain, isolate: .end))
    }

    /// Appends a left-to-right label (an id) that must keep its place inside right-to-left text.
    public mutating func appendLabel(_ text: String, _ style: TextStyle) {
        runs.append(Run(text: "", style: .plain, isolate: .beginLabel))
        append(text, style)
        runs.append(Run(text: "", style: .plain, isolate: .end))
    }

    /// Marks the end of the line so far as where its text starts: see ``textColumn``.
    public mutating func markTextColumn() {
        textColumn = displayWidth
    }

    /// The columns the line takes on a terminal, as shown (unsafe characters escaped).
    public var displayWidth: Int {
        runs.reduce(0) { $0 + DisplayWidth.of(TerminalSafeText.escape($1.text)) }
    }

    /// Whether any run holds right-to-left text, so the isolates must be written.
    public var hasRightToLeftText: Bool {
        runs.contains { run in run.text.unicodeScalars.contains { ScriptLanguageDetector.isRightToLeft($0.value) } }
    }

    public static func + (a: StyledLine, b: StyledLine) -> StyledLine {
        var result = a
        result.append(b)
        return result
    }
}
