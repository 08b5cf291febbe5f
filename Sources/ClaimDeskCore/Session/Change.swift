/// One accepted change to a session: a list of record edits and what the user did.
///
/// A change is what undo reverses, redo repeats and the journal keeps.
public struct Change: Equatable, Sendable {
    /// One record replaced: added when `before` is nil, removed when `after` is nil.
    public struct Edit: Equatable, Sendable {
        public var before: Record?
        public var after: Record?

        public init(before: Record?, after: Record?) {
            precondition(before != nil || after != nil, "an edit changes something")
            self.before = before
            self.after = after
        }

        /// An edit with neither side, for ``JSONCodable/jsonDefaults`` alone.
        fileprivate init(unchecked: Void) {
            before = nil
            after = nil
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

extension Change: JSONCodable {
    public static let jsonFields = JSONFields<Change>([
        .required("summary", \.summary),
        .required("author", \.author),
        .required("time", \.time),
        .defaulted("edits", \.edits),
    ])

    public static var jsonDefaults: Change { Change(summary: "", author: "", time: .unixEpoch, edits: []) }
}

extension Change.Edit: JSONCodable {
    public static let jsonFields = JSONFields<Change.Edit>([
        .optional("before", \.before),
        .optional("after", \.after),
    ])

    /// Neither side set: only a value being read is ever like this, and ``checkJSON(_:reader:)`` refuses it.
    public static var jsonDefaults: Change.Edit { Change.Edit(unchecked: ()) }

    public static func checkJSON(_ edit: inout Change.Edit, reader: JSONReader) throws(JSONReadError) {
        guard edit.before != nil || edit.after != nil else { throw reader.error("an edit has neither before nor after") }
    }
}
