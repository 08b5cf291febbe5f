/// A span of text that names a source.
public struct Mention: Annotation, FragmentedSpan {
    public private(set) var id: AnnotationID
    /// The span, or its first fragment when it is discontinuous (see ``fragments``).
    public var anchor: Anchor
    /// The fragments after the first, in text order; empty for a continuous span.
    public var moreFragments: [Anchor] = []
    public var source: AnnotationID
    public var metadata: AnnotationMetadata

    public init(id: AnnotationID, anchor: Anchor, source: AnnotationID, author: String, created: Timestamp) {
        self.id = id
        self.anchor = anchor
        self.source = source
        self.metadata = AnnotationMetadata(author: author, created: created)
    }
}

extension Mention {
    public static let jsonFields = JSONFields<Mention>([
        .required("id", \.id),
        .required("anchor", \.anchor),
        .required("source", \.source),
        .omittedWhenEmpty("moreFragments", \.moreFragments),
    ] + AnnotationMetadata.jsonFields(at: \.metadata))

    /// Made once: every record read starts from it.
    public static let jsonDefaults = Mention(id: "", anchor: Anchor.jsonDefaults, source: "", author: "", created: .unixEpoch)
}
