/// Someone or something that makes or relays claims: an outlet, an official, an agency.
///
/// Sources form a registry shared by every article of a session, so "Reuters"
/// is the same source wherever it appears.
public struct Source: Annotation {
    public private(set) var id: AnnotationID
    public var name: String
    public var kind: String
    public var aliases: [String]
    public var role: String?
    public var metadata: AnnotationMetadata

    public init(id: AnnotationID, name: String, kind: String, aliases: [String] = [], role: String? = nil,
                author: String, created: Timestamp) {
        self.id = id
        self.name = name
        self.kind = kind
        self.aliases = aliases
        self.role = role
        self.metadata = AnnotationMetadata(author: author, created: created)
    }

    /// The name followed by its aliases.
    public var allNames: [String] { [name] + aliases }
}

extension Source {
    public static let jsonFields = JSONFields<Source>([
        .required("id", \.id),
        .required("name", \.name),
        .required("kind", \.kind),
        .defaulted("aliases", \.aliases),
        .optional("role", \.role),
    ] + AnnotationMetadata.jsonFields(at: \.metadata))

    /// Made once: every record read starts from it.
    public static let jsonDefaults = Source(id: "", name: "", kind: "", author: "", created: .unixEpoch)
}
