/// A stance target written by the analyst, such as "The US should escalate militarily against Iran".
public struct Proposition: Annotation {
    public let id: AnnotationID
    public var text: String
    public var author: String
    public var created: Timestamp
    public var modified: Timestamp
    public var tags: [String]
    public var notes: [Note]

    public init(id: AnnotationID, text: String, author: String, created: Timestamp) {
        self.id = id
        self.text = text
        self.author = author
        self.created = created
        self.modified = created
        self.tags = []
        self.notes = []
    }
}
