/// Someone or something that makes or relays claims: an outlet, an official, an agency.
///
/// Sources form a registry shared by every article of a session, so "Reuters"
/// is the same source wherever it appears.
public struct Source: Annotation {
    public let id: AnnotationID
    public var name: String
    public var kind: String
    public var aliases: [String]
    public var role: String?
    public var author: String
    public var created: Timestamp
    public var modified: Timestamp
    public var tags: [String]
    public var notes: [Note]

    public init(id: AnnotationID, name: String, kind: String, aliases: [String] = [], role: String? = nil,
                author: String, created: Timestamp) {
        self.id = id
        self.name = name
        self.kind = kind
        self.aliases = aliases
        self.role = role
        self.author = author
        self.created = created
        self.modified = created
        self.tags = []
        self.notes = []
    }

    /// The name followed by its aliases.
    public var allNames: [String] { [name] + aliases }
}
