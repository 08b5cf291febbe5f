/// Someone or something that makes or relays claims: an outlet, an official, an agency.
///
/// Sources form a registry shared by every article of a session, so "Reuters"
/// is the same source wherever it appears.
public struct Source: Annotation {
    public let id: AnnotationID
    public var name: String
    public var kind: String
    public var aliases: [String]
    public var role: String?
    public var metadata: AnnotationMetadata

    public init(id: AnnotationID, name: String, kind: String, aliases: [String] = [], role: String? = nil,
                author: String, created: Timestamp) {
        self.id = id
        self.name = name
        self.kind = kind
        self.aliases = aliases
        self.role = role
        self.metadata = AnnotationMetadata(author: author, created: created)
    }

    /// The name followed by its aliases.
    public var allNames: [String] { [name] + aliases }
}

extension Source {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("aliases", aliases)
        writer.field("author", author)
        writer.field("created", created)
        writer.field("id", id)
        writer.field("kind", kind)
        writer.field("modified", modified)
        writer.field("name", name)
        writer.field("notes", notes)
        writer.field("provenance", metadata.provenance)
        writer.field("review", metadata.review)
        writer.field("role", role)
        writer.field("tags", tags)
        writer.endObject()
    }

    public init(json reader: inout JSONReader) throws(JSONReadError) {
        var id: AnnotationID?, name: String?, kind: String?, aliases: [String] = [], role: String?
        var shared = AnnotationMetadata.Reader()
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id": id = try AnnotationID(json: &reader)
            case "name": name = try reader.readString()
            case "kind": kind = try reader.readString()
            case "aliases": aliases = try reader.readStrings()
            case "role": role = try reader.readString()
            default: if try !shared.read(key, from: &reader) { try reader.skipValue() }
            }
        }
        self.id = try reader.required(id, "id")
        self.name = try reader.required(name, "name")
        self.kind = try reader.required(kind, "kind")
        self.aliases = aliases
        self.role = role
        self.metadata = try shared.finish(reader)
    }
}
