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
