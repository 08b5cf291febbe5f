/// A typed link between two annotations: `c3 supports c1`.
public struct Relation: Annotation {
    public let id: AnnotationID
    public var from: AnnotationID
    public var type: String
    public var to: AnnotationID
    public var author: String
    public var created: Timestamp
    public var modified: Timestamp
    public var tags: [String]
    public var notes: [Note]

    public init(id: AnnotationID, from: AnnotationID, type: String, to: AnnotationID, author: String, created: Timestamp) {
        self.id = id
        self.from = from
        self.type = type
        self.to = to
        self.author = author
        self.created = created
        self.modified = created
        self.tags = []
        self.notes = []
    }
}

extension Relation {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("author", author)
        writer.field("created", created)
        writer.field("from", from)
        writer.field("id", id)
        writer.field("modified", modified)
        writer.field("notes", notes)
        writer.field("tags", tags)
        writer.field("to", to)
        writer.field("type", type)
        writer.endObject()
    }

    public init(json reader: inout JSONReader) throws(JSONReadError) {
        var id: AnnotationID?, from: AnnotationID?, type: String?, to: AnnotationID?
        var author: String?, created: Timestamp?, modified: Timestamp?, tags: [String] = [], notes: [Note] = []
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id": id = try AnnotationID(json: &reader)
            case "from": from = try AnnotationID(json: &reader)
            case "type": type = try reader.readString()
            case "to": to = try AnnotationID(json: &reader)
            case "author": author = try reader.readString()
            case "created": created = try Timestamp(json: &reader)
            case "modified": modified = try Timestamp(json: &reader)
            case "tags": tags = try reader.readStrings()
            case "notes": notes = try [Note](json: &reader)
            default: try reader.skipValue()
            }
        }
        self.id = try reader.required(id, "id")
        self.from = try reader.required(from, "from")
        self.type = try reader.required(type, "type")
        self.to = try reader.required(to, "to")
        self.author = try reader.required(author, "author")
        self.created = try reader.required(created, "created")
        self.modified = modified ?? self.created
        self.tags = tags
        self.notes = notes
    }
}
