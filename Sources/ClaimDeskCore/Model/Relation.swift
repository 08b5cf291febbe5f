/// A typed link between two annotations: `c3 supports c1`.
public struct Relation: Annotation {
    public let id: AnnotationID
    public var from: AnnotationID
    public var type: String
    public var to: AnnotationID
    public var metadata: AnnotationMetadata

    public init(id: AnnotationID, from: AnnotationID, type: String, to: AnnotationID, author: String, created: Timestamp) {
        self.id = id
        self.from = from
        self.type = type
        self.to = to
        self.metadata = AnnotationMetadata(author: author, created: created)
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
        writer.field("provenance", metadata.provenance)
        writer.field("review", metadata.review)
        writer.field("tags", tags)
        writer.field("to", to)
        writer.field("type", type)
        writer.endObject()
    }

    public init(json reader: inout JSONReader) throws(JSONReadError) {
        var id: AnnotationID?, from: AnnotationID?, type: String?, to: AnnotationID?
        var shared = AnnotationMetadata.Reader()
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id": id = try AnnotationID(json: &reader)
            case "from": from = try AnnotationID(json: &reader)
            case "type": type = try reader.readString()
            case "to": to = try AnnotationID(json: &reader)
            default: if try !shared.read(key, from: &reader) { try reader.skipValue() }
            }
        }
        self.id = try reader.required(id, "id")
        self.from = try reader.required(from, "from")
        self.type = try reader.required(type, "type")
        self.to = try reader.required(to, "to")
        self.metadata = try shared.finish(reader)
    }
}
