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
