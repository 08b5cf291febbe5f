/// A span of text that names a source.
public struct Mention: Annotation, FragmentedSpan {
    public let id: AnnotationID
    /// The span, or its first fragment when it is discontinuous (see ``fragments``).
    public var anchor: Anchor
    /// The fragments after the first, in text order; empty for a continuous span.
    public var moreFragments: [Anchor] = []
    public var source: AnnotationID
    public var metadata: AnnotationMetadata

    public init(id: AnnotationID, anchor: Anchor, source: AnnotationID, author: String, created: Timestamp) {
        self.id = id
        self.anchor = anchor
        self.source = source
        self.metadata = AnnotationMetadata(author: author, created: created)
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
        if !moreFragments.isEmpty { writer.field("moreFragments", moreFragments) }
        writer.field("notes", notes)
        writer.field("provenance", metadata.provenance)
        writer.field("review", metadata.review)
        writer.field("source", source)
        writer.field("tags", tags)
        writer.endObject()
    }

    public init(json reader: inout JSONReader) throws(JSONReadError) {
        var id: AnnotationID?, anchor: Anchor?, source: AnnotationID?, moreFragments: [Anchor] = []
        var shared = AnnotationMetadata.Reader()
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id": id = try AnnotationID(json: &reader)
            case "anchor": anchor = try Anchor(json: &reader)
            case "source": source = try AnnotationID(json: &reader)
            case "moreFragments": moreFragments = try [Anchor](json: &reader)
            default: if try !shared.read(key, from: &reader) { try reader.skipValue() }
            }
        }
        self.id = try reader.required(id, "id")
        self.anchor = try reader.required(anchor, "anchor")
        self.source = try reader.required(source, "source")
        self.moreFragments = moreFragments
        self.metadata = try shared.finish(reader)
    }
}
