/// What a stored anchor says about the text it was made on: the W3C
/// TextPositionSelector (`start`, `end`, optional) and TextQuoteSelector
/// (`exact`, `prefix`, `suffix`). Plain values, so session anchors and
/// annotations from other tools go through the same engine.
public struct AnchorQuery: Hashable, Sendable {
    /// Code-point offsets into the old text, end exclusive; nil when unknown.
    public var start: Int?
    public var end: Int?
    public var exact: String
    public var prefix: String
    public var suffix: String

    public init(start: Int?, end: Int?, exact: String, prefix: String = "", suffix: String = "") {
        self.start = start
        self.end = end
        self.exact = exact
        self.prefix = prefix
        self.suffix = suffix
    }

    public init(_ anchor: Anchor) {
        self.init(start: anchor.start, end: anchor.end, exact: anchor.exact, prefix: anchor.prefix, suffix: anchor.suffix)
    }
}
