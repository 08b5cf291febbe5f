/// A source's registry entry as a file describes it (the W3C export's `urn:claimdesk:term:source`),
/// so an import can create a missing source as it was rather than as a bare name of kind `other`.
public struct ImportedSource: Equatable, Sendable {
    /// How the file names it (an IRI): its last part is the id it had (`src3`).
    public var ref: String?
    public var name: String
    public var kind: String?
    public var aliases: [String]
    public var role: String?
    public var author: String?
    public var created: Timestamp?

    public init(ref: String? = nil, name: String, kind: String? = nil, aliases: [String] = [], role: String? = nil,
                author: String? = nil, created: Timestamp? = nil) {
        self.ref = ref
        self.name = name
        self.kind = kind
        self.aliases = aliases
        self.role = role
        self.author = author
        self.created = created
    }
}
