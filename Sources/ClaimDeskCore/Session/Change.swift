/// One accepted change to a session: a list of record edits and what the user did.
///
/// A change is what undo reverses, redo repeats and the journal keeps.
public struct Change: Equatable, Sendable, Codable {
    /// One record replaced: added when `before` is nil, removed when `after` is nil.
    public struct Edit: Equatable, Sendable, Codable {
        public var before: Record?
        public var after: Record?

        public init(before: Record?, after: Record?) {
            precondition(before != nil || after != nil, "an edit changes something")
            self.before = before
            self.after = after
        }

        public var key: RecordKey { (after ?? before)!.key }
        public var inverted: Edit { Edit(before: after, after: before) }
    }

    /// What the user did, in words: `claim c3`, `undo tag c1`.
    public var summary: String
    public var author: String
    public var time: Timestamp
    public var edits: [Edit]

    public init(summary: String, author: String, time: Timestamp, edits: [Edit]) {
        self.summary = summary
        self.author = author
        self.time = time
        self.edits = edits
    }

    /// The change that reverses this one.
    public func inverted(summary: String, author: String, time: Timestamp) -> Change {
        Change(summary: summary, author: author, time: time, edits: edits.reversed().map(\.inverted))
    }
}
