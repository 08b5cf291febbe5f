/// A span of text that names a source.
public struct Mention: Annotation {
    public let id: AnnotationID
    public var anchor: Anchor
    public var source: AnnotationID
    public var author: String
    public var created: Timestamp
    public var modified: Timestamp
    public var tags: [String]
    public var notes: [Note]

    public init(id: AnnotationID, anchor: Anchor, source: AnnotationID, author: String, created: Timestamp) {
        self.id = id
        self.anchor = anchor
        self.source = source
        self.author = author
        self.created = created
        self.modified = created
        self.tags = []
        self.notes = []
    }
}

extension Mention {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("anchor", anchor)
        writer.field("author", author)
        writer.field("created", created)
        writer.field("id", id)
        writer.field("modified", modified)
        writer.field("notes", notes)
        writer.field("source", source)
        writer.field("tags", tags)
        writer.endObject()
    }

    public init(json reader: inout JSONReader) throws(JSONReadError) {
        var id: AnnotationID?, anchor: Anchor?, source: AnnotationID?
        var author: String?, created: Timestamp?, modified: Timestamp?, tags: [String] = [], notes: [Note] = []
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id": id = try AnnotationID(json: &reader)
            case "anchor": anchor = try Anchor(json: &reader)
            case "source": source = try AnnotationID(json: &reader)
            case "author": author = try reader.readString()
            case "created": created = try Timestamp(json: &reader)
            case "modified": modified = try Timestamp(json: &reader)
            case "tags": tags = try reader.readStrings()
            case "notes": notes = try [Note](json: &reader)
            default: try reader.skipValue()
            }
        }
        self.id = try reader.required(id, "id")
        self.anchor = try reader.required(anchor, "anchor")
        self.source = try reader.required(source, "source")
        self.author = try reader.required(author, "author")
        self.created = try reader.required(created, "created")
        self.modified = modified ?? self.created
        self.tags = tags
        self.notes = notes
    }
}
