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

extension Change: JSONWritable, JSONReadable {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("author", author)
        writer.field("edits", edits)
        writer.field("summary", summary)
        writer.field("time", time)
        writer.endObject()
    }

    public init(json reader: inout JSONReader) throws(JSONReadError) {
        var summary: String?, author: String?, time: Timestamp?, edits: [Edit] = []
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "summary": summary = try reader.readString()
            case "author": author = try reader.readString()
            case "time": time = try Timestamp(json: &reader)
            case "edits": edits = try [Edit](json: &reader)
            default: try reader.skipValue()
            }
        }
        self.summary = try reader.required(summary, "summary")
        self.author = try reader.required(author, "author")
        self.time = try reader.required(time, "time")
        self.edits = edits
    }
}

extension Change.Edit: JSONWritable, JSONReadable {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("after", after)
        writer.field("before", before)
        writer.endObject()
    }

    public init(json reader: inout JSONReader) throws(JSONReadError) {
        var before: Record?, after: Record?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "before": before = try Record(json: &reader)
            case "after": after = try Record(json: &reader)
            default: try reader.skipValue()
            }
        }
        guard before != nil || after != nil else { throw reader.error("an edit has neither before nor after") }
        self.init(before: before, after: after)
    }
}
