/// A stance target written by the analyst, such as "The US should escalate militarily against Iran".
public struct Proposition: Annotation {
    public let id: AnnotationID
    public var text: String
    public var metadata: AnnotationMetadata

    public init(id: AnnotationID, text: String, author: String, created: Timestamp) {
        self.id = id
        self.text = text
        self.metadata = AnnotationMetadata(author: author, created: created)
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
        writer.field("provenance", metadata.provenance)
        writer.field("review", metadata.review)
        writer.field("tags", tags)
        writer.field("text", text)
        writer.endObject()
    }

    public init(json reader: inout JSONReader) throws(JSONReadError) {
        var id: AnnotationID?, text: String?
        var shared = AnnotationMetadata.Reader()
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id": id = try AnnotationID(json: &reader)
            case "text": text = try reader.readString()
            default: if try !shared.read(key, from: &reader) { try reader.skipValue() }
            }
        }
        self.id = try reader.required(id, "id")
        self.text = try reader.required(text, "text")
        self.metadata = try shared.finish(reader)
    }
}
