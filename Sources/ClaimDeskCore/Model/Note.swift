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

extension Note: JSONCodable {
    public static let jsonFields = JSONFields<Note>([
        .required("id", \.id),
        .required("text", \.text),
        .required("author", \.author),
        .required("created", \.created),
    ])

    /// Made once: every record read starts from it.
    public static let jsonDefaults = Note(id: "", text: "", author: "", created: .unixEpoch)
}
