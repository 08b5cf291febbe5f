/// A stance target written by the analyst, such as "The US should escalate militarily against Iran".
public struct Proposition: Annotation {
    public let id: AnnotationID
    public var text: String
    public var author: String
    public var created: Timestamp
    public var modified: Timestamp
    public var tags: [String]
    public var notes: [Note]

    public init(id: AnnotationID, text: String, author: String, created: Timestamp) {
        self.id = id
        self.text = text
        self.author = author
        self.created = created
        self.modified = created
        self.tags = []
        self.notes = []
    }
}

extension Proposition {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("author", author)
        writer.field("created", created)
        writer.field("id", id)
        writer.field("modified", modified)
        writer.field("notes", notes)
        writer.field("tags", tags)
        writer.field("text", text)
        writer.endObject()
    }

    public init(json reader: inout JSONReader) throws(JSONReadError) {
        var id: AnnotationID?, text: String?
        var author: String?, created: Timestamp?, modified: Timestamp?, tags: [String] = [], notes: [Note] = []
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id": id = try AnnotationID(json: &reader)
            case "text": text = try reader.readString()
            case "author": author = try reader.readString()
            case "created": created = try Timestamp(json: &reader)
            case "modified": modified = try Timestamp(json: &reader)
            case "tags": tags = try reader.readStrings()
            case "notes": notes = try [Note](json: &reader)
            default: try reader.skipValue()
            }
        }
        self.id = try reader.required(id, "id")
        self.text = try reader.required(text, "text")
        self.author = try reader.required(author, "author")
        self.created = try reader.required(created, "created")
        self.modified = modified ?? self.created
        self.tags = tags
        self.notes = notes
    }
}
