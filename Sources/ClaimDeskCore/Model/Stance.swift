/// A source's position towards a proposition or a claim, with the spans that show it.
public struct Stance: Annotation {
    public let id: AnnotationID
    public var holder: AnnotationID
    public var label: String
    /// A proposition or a claim.
    public var target: AnnotationID
    public var evidence: [Anchor]
    public var author: String
    public var created: Timestamp
    public var modified: Timestamp
    public var tags: [String]
    public var notes: [Note]

    public init(id: AnnotationID, holder: AnnotationID, label: String, target: AnnotationID, evidence: [Anchor] = [],
                author: String, created: Timestamp) {
        self.id = id
        self.holder = holder
        self.label = label
        self.target = target
        self.evidence = evidence
        self.author = author
        self.created = created
        self.modified = created
        self.tags = []
        self.notes = []
    }
}

extension Stance {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("author", author)
        writer.field("created", created)
        writer.field("evidence", evidence)
        writer.field("holder", holder)
        writer.field("id", id)
        writer.field("label", label)
        writer.field("modified", modified)
        writer.field("notes", notes)
        writer.field("tags", tags)
        writer.field("target", target)
        writer.endObject()
    }

    public init(json reader: inout JSONReader) throws(JSONReadError) {
        var id: AnnotationID?, holder: AnnotationID?, label: String?, target: AnnotationID?, evidence: [Anchor] = []
        var author: String?, created: Timestamp?, modified: Timestamp?, tags: [String] = [], notes: [Note] = []
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id": id = try AnnotationID(json: &reader)
            case "holder": holder = try AnnotationID(json: &reader)
            case "label": label = try reader.readString()
            case "target": target = try AnnotationID(json: &reader)
            case "evidence": evidence = try [Anchor](json: &reader)
            case "author": author = try reader.readString()
            case "created": created = try Timestamp(json: &reader)
            case "modified": modified = try Timestamp(json: &reader)
            case "tags": tags = try reader.readStrings()
            case "notes": notes = try [Note](json: &reader)
            default: try reader.skipValue()
            }
        }
        self.id = try reader.required(id, "id")
        self.holder = try reader.required(holder, "holder")
        self.label = try reader.required(label, "label")
        self.target = try reader.required(target, "target")
        self.evidence = evidence
        self.author = try reader.required(author, "author")
        self.created = try reader.required(created, "created")
        self.modified = modified ?? self.created
        self.tags = tags
        self.notes = notes
    }
}
