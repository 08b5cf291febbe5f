/// A free-text remark attached to an annotation or source.
public struct Note: Hashable, Sendable, Codable {
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
