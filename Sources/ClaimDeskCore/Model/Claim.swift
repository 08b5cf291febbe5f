/// A span of text that asserts something, with who asserts it and through whom it reached the reader.
///
/// `via` is ordered from the claimant outwards: "American officials" (claimant)
/// via "The New York Times" via "Asharq Al-Awsat" (the outlet the reader saw).
public struct Claim: Annotation, FragmentedSpan {
    public private(set) var id: AnnotationID
    /// The span, or its first fragment when it is discontinuous (see ``fragments``).
    public var anchor: Anchor
    /// The fragments after the first, in text order; empty for a continuous span.
    public var moreFragments: [Anchor] = []
    public var claimant: AnnotationID?
    public var via: [AnnotationID]
    public var kind: String
    /// Whether the claim is worth checking (ClaimBuster's yes/no); nil when not judged.
    public var checkWorthy: Bool?
    public var verdict: String
    /// The reporting words that attribute the claim ("said", "according to", "told reporters"),
    /// on the same article as the claim; nil when not marked.
    public var cue: Anchor? {
        get { storedCue?.value }
        set { storedCue = newValue.map(Indirect.init) }
    }
    // Out of line: most claims have no cue, and inline an absent one took 104 bytes in each.
    private var storedCue: Indirect<Anchor>?
    public var metadata: AnnotationMetadata

    public init(id: AnnotationID, anchor: Anchor, claimant: AnnotationID? = nil, via: [AnnotationID] = [],
                kind: String, checkWorthy: Bool? = nil, verdict: String, author: String, created: Timestamp,
                cue: Anchor? = nil) {
        self.id = id
        self.anchor = anchor
        self.claimant = claimant
        self.via = via
        self.kind = kind
        self.checkWorthy = checkWorthy
        self.verdict = verdict
        storedCue = cue.map(Indirect.init)
        self.metadata = AnnotationMetadata(author: author, created: created)
    }

    /// Every source the claim names, claimant first.
    public var sourceChain: [AnnotationID] { (claimant.map { [$0] } ?? []) + via }

    /// Calls `body` with each source the claim names, once, claimant first: what a source's claims
    /// are counted by, without building ``sourceChain`` and a set of it for every claim.
    func forEachDistinctSource(_ body: (AnnotationID) -> Void) {
        if let claimant { body(claimant) }
        for (i, source) in via.enumerated() where source != claimant && !via[..<i].contains(source) { body(source) }
    }
}

extension Claim {
    public static let jsonFields = JSONFields<Claim>([
        .required("id", \.id),
        .required("anchor", \.anchor),
        .optional("claimant", \.claimant),
        .defaulted("via", \.via),
        .required("kind", \.kind),
        .optional("checkWorthy", \.checkWorthy),
        .required("verdict", \.verdict),
        .optional("cue", \.storedCue),
        .omittedWhenEmpty("moreFragments", \.moreFragments),
    ] + AnnotationMetadata.jsonFields(at: \.metadata))

    /// Made once: every claim read starts from it.
    public static let jsonDefaults = Claim(id: "", anchor: .jsonDefaults, kind: "", verdict: "", author: "", created: .unixEpoch)
}
