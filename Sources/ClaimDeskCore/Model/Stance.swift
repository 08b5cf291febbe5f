/// A source's position towards a proposition or a claim, with the spans that show it.
public struct Stance: Annotation {
    public let id: AnnotationID
    public var holder: AnnotationID
    public var label: String
    /// A proposition or a claim.
    public var target: AnnotationID
    public var evidence: [Anchor]
    public var metadata: AnnotationMetadata

    public init(id: AnnotationID, holder: AnnotationID, label: String, target: AnnotationID, evidence: [Anchor] = [],
                author: String, created: Timestamp) {
        self.id = id
        self.holder = holder
        self.label = label
        self.target = target
        self.evidence = evidence
        self.metadata = AnnotationMetadata(author: author, created: created)
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
        writer.field("provenance", metadata.provenance)
        writer.field("review", metadata.review)
        writer.field("tags", tags)
        writer.field("target", target)
        writer.endObject()
    }

    public init(json reader: inout JSONReader) throws(JSONReadError) {
        var id: AnnotationID?, holder: AnnotationID?, label: String?, target: AnnotationID?, evidence: [Anchor] = []
        var shared = AnnotationMetadata.Reader()
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id": id = try AnnotationID(json: &reader)
            case "holder": holder = try AnnotationID(json: &reader)
            case "label": label = try reader.readString()
            case "target": target = try AnnotationID(json: &reader)
            case "evidence": evidence = try [Anchor](json: &reader)
            default: if try !shared.read(key, from: &reader) { try reader.skipValue() }
            }
        }
        self.id = try reader.required(id, "id")
        self.holder = try reader.required(holder, "holder")
        self.label = try reader.required(label, "label")
        self.target = try reader.required(target, "target")
        self.evidence = evidence
        self.metadata = try shared.finish(reader)
    }
}
