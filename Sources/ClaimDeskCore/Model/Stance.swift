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
