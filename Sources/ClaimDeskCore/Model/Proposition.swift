/// A stance target written by the analyst, such as "The US should escalate militarily against Iran".
public struct Proposition: Annotation {
    public private(set) var id: AnnotationID
    public var text: String
    public var metadata: AnnotationMetadata

    public init(id: AnnotationID, text: String, author: String, created: Timestamp) {
        self.id = id
        self.text = text
        self.metadata = AnnotationMetadata(author: author, created: created)
    }
}

extension Proposition {
    public static let jsonFields = JSONFields<Proposition>([
        .required("id", \.id),
        .required("text", \.text),
    ] + AnnotationMetadata.jsonFields(at: \.metadata))

    /// Made once: every record read starts from it.
    public static let jsonDefaults = Proposition(id: "", text: "", author: "", created: .unixEpoch)
}
