/// How a piece of output should look where colour is allowed.
public enum TextStyle: Equatable, Sendable {
    case plain, strong, dim, id, heading, hit, error, warning, notice, label
    /// An annotated span, coloured by the kind of annotation.
    case span(AnnotationKindStyle)
}

/// The colour families of annotated spans.
public enum AnnotationKindStyle: Equatable, Sendable {
    case claim, mention, evidence
}

/// One line of output as runs of styled text; rendering decides about colour.
public struct StyledLine: Equatable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public struct Run: Equatable, Sendable {
        public var text: String
        public var style: TextStyle
    }

    public var runs: [Run]

    public init() { runs = [] }
    public init(_ text: String, _ style: TextStyle = .plain) { runs = [Run(text: text, style: style)] }
    public init(stringLiteral value: String) { self.init(value) }

    /// The text without styles.
    public var description: String { runs.map(\.text).joined() }

    public mutating func append(_ text: String, _ style: TextStyle = .plain) {
        guard !text.isEmpty else { return }
        if let last = runs.last, last.style == style {
            runs[runs.count - 1].text += text
        } else {
            runs.append(Run(text: text, style: style))
        }
    }

    public mutating func append(_ other: StyledLine) {
        for run in other.runs { append(run.text, run.style) }
    }

    public static func + (a: StyledLine, b: StyledLine) -> StyledLine {
        var result = a
        result.append(b)
        return result
    }
}
