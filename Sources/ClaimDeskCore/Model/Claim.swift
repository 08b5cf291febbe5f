/// A span of text that asserts something, with who asserts it and through whom it reached the reader.
///
/// `via` is ordered from the claimant outwards: "American officials" (claimant)
/// via "The New York Times" via "Asharq Al-Awsat" (the outlet the reader saw).
public struct Claim: Annotation {
    public let id: AnnotationID
    public var anchor: Anchor
    public var claimant: AnnotationID?
    public var via: [AnnotationID]
    public var kind: String
    /// Whether the claim is worth checking (ClaimBuster's yes/no); nil when not judged.
    public var checkWorthy: Bool?
    public var verdict: String
    public var author: String
    public var created: Timestamp
    public var modified: Timestamp
    public var tags: [String]
    public var notes: [Note]

    public init(id: AnnotationID, anchor: Anchor, claimant: AnnotationID? = nil, via: [AnnotationID] = [],
                kind: String, checkWorthy: Bool? = nil, verdict: String, author: String, created: Timestamp) {
        self.id = id
        self.anchor = anchor
        self.claimant = claimant
        self.via = via
        self.kind = kind
        self.checkWorthy = checkWorthy
        self.verdict = verdict
        self.author = author
        self.created = created
        self.modified = created
        self.tags = []
        self.notes = []
    }

    /// Every source the claim names, claimant first.
    public var sourceChain: [AnnotationID] { (claimant.map { [$0] } ?? []) + via }
}
