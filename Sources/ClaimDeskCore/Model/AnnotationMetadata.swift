/// Who made an annotation and when, and the tags and notes on it: the part every kind shares.
public struct AnnotationMetadata: Hashable, Sendable {
    public var author: String
    public var created: Timestamp
    public var modified: Timestamp
    public var tags: [String]
    public var notes: [Note]
    /// Review status, decisions and text changes; nil while nobody has decided and the text never moved.
    public var review: Review? {
        get { storedReview?.value }
        set { storedReview = newValue.map(Indirect.init) }
    }
    /// The session and analyst it was imported or merged from; nil when made here.
    public var provenance: Provenance? {
        get { storedProvenance?.value }
        set { storedProvenance = newValue.map(Indirect.init) }
    }
    // Out of line: most annotations have neither, and inline they took 70 bytes in each.
    private var storedReview: Indirect<Review>?
    private var storedProvenance: Indirect<Provenance>?

    public init(author: String, created: Timestamp) {
        self.author = author
        self.created = created
        modified = created
        tags = []
        notes = []
    }

    /// The review status (open when nothing was decided).
    public var reviewStatus: ReviewStatus { review?.status ?? .open }
}

extension AnnotationMetadata {
    /// The keys every annotation's object has, for the type whose metadata lies at `metadata`:
    /// `author` and `created` are required, `modified` is `created` when absent.
    static func jsonFields<Root>(at metadata: WritableKeyPath<Root, AnnotationMetadata>) -> [JSONField<Root>] {
        JSONField.embedded(ownJSONFields, at: metadata)
    }

    /// The same keys as fields of the metadata itself, made once for all six annotation types.
    private static let ownJSONFields = JSONFields<AnnotationMetadata>([
        .required("author", \.author),
        .required("created", \.created),
        .defaulted("modified", \.modified, whenAbsent: { $0.modified = $0.created }),
        .defaulted("tags", \.tags),
        .defaulted("notes", \.notes),
        .optional("review", \.storedReview),
        .optional("provenance", \.storedProvenance),
    ])

    /// What an annotation being read starts from.
    static var jsonDefaults: AnnotationMetadata { AnnotationMetadata(author: "", created: .unixEpoch) }
}
