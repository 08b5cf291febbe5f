/// A free-text remark attached to an annotation or source.
public struct Note: Hashable, Sendable {
    public var id: AnnotationID
    public var text: String
    public var author: String
    public var created: Timestamp

    public init(id: AnnotationID, text: String, author: String, created: Timestamp) {
        self.id = id
        self.text = text
        self.author = author
        self.created = created
    }
}

extension Note: JSONWritable, JSONReadable {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("author", author)
        writer.field("created", created)
        writer.field("id", id)
        writer.field("text", text)
        writer.endObject()
    }

    public init(json reader: inout JSONReader) throws(JSONReadError) {
        var id: AnnotationID?, text: String?, author: String?, created: Timestamp?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id": id = try AnnotationID(json: &reader)
            case "text": text = try reader.readString()
            case "author": author = try reader.readString()
            case "created": created = try Timestamp(json: &reader)
            default: try reader.skipValue()
            }
        }
        self.id = try reader.required(id, "id")
        self.text = try reader.required(text, "text")
        self.author = try reader.required(author, "author")
        self.created = try reader.required(created, "created")
    }
}
