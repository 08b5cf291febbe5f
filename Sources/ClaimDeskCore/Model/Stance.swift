/// A source's position towards a proposition or a claim, with the spans that show it.
public struct Stance: Annotation {
    public private(set) var id: AnnotationID
    public var holder: AnnotationID
    public var label: String
    /// A proposition or a claim.
    public var target: AnnotationID
    public var evidence: [Anchor]
    public var metadata: AnnotationMetadata

    public init(id: AnnotationID, holder: AnnotationID, label: String, target: AnnotationID, evidence: [Anchor] = [],
                author: String, created: Timestamp) {
        self.id = id
        self.holder = holder
        self.label = label
        self.target = target
        self.evidence = evidence
        self.metadata = AnnotationMetadata(author: author, created: created)
    }
}

extension Stance {
    public static let jsonFields = JSONFields<Stance>([
        .required("id", \.id),
        .required("holder", \.holder),
        .required("label", \.label),
        .required("target", \.target),
        .defaulted("evidence", \.evidence),
    ] + AnnotationMetadata.jsonFields(at: \.metadata))

    /// Made once: every record read starts from it.
    public static let jsonDefaults = Stance(id: "", holder: "", label: "", target: "", author: "", created: .unixEpoch)
}
