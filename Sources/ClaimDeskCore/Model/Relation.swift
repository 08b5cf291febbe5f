/// A typed link between two annotations: `c3 supports c1`.
public struct Relation: Annotation {
    public private(set) var id: AnnotationID
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
    public static let jsonFields = JSONFields<Relation>([
        .required("id", \.id),
        .required("from", \.from),
        .required("type", \.type),
        .required("to", \.to),
    ] + AnnotationMetadata.jsonFields(at: \.metadata))

    /// Made once: every record read starts from it.
    public static let jsonDefaults = Relation(id: "", from: "", type: "", to: "", author: "", created: .unixEpoch)
}
