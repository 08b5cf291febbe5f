/// One word of a command line: its value with quotes removed, and exactly what was typed.
///
/// Selections need what was typed (`"words"#2`, `s12:"words"`), everything else the value.
public struct Token: Equatable, Sendable {
    public var value: String
    public var raw: String
    /// Where the token sits in the line, in Characters from the start.
    public var range: Range<Int>
    /// Whether any part of it was quoted (a quoted word is never a flag).
    public var quoted: Bool

    public init(value: String, raw: String, range: Range<Int>, quoted: Bool) {
        self.value = value
        self.raw = raw
        self.range = range
        self.quoted = quoted
    }

    /// `--name` typed without quotes.
    public var isFlag: Bool { !quoted && raw.hasPrefix("--") && raw.count > 2 }
}
