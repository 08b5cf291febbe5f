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
    /// The reporting words that attribute the claim ("said", "according to", "told reporters"),
    /// on the same article as the claim; nil when not marked.
    public var cue: Anchor?
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
        self.cue = cue
        self.metadata = AnnotationMetadata(author: author, created: created)
    }

    /// Every source the claim names, claimant first.
    public var sourceChain: [AnnotationID] { (claimant.map { [$0] } ?? []) + via }
}

extension Claim {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("anchor", anchor)
        writer.field("author", author)
        writer.field("checkWorthy", checkWorthy)
        writer.field("claimant", claimant)
        writer.field("created", created)
        writer.field("cue", cue)
        writer.field("id", id)
        writer.field("kind", kind)
        writer.field("modified", modified)
        writer.field("notes", notes)
        writer.field("provenance", metadata.provenance)
        writer.field("review", metadata.review)
        writer.field("tags", tags)
        writer.field("verdict", verdict)
        writer.field("via", via)
        writer.endObject()
    }

    public init(json reader: inout JSONReader) throws(JSONReadError) {
        var id: AnnotationID?, anchor: Anchor?, claimant: AnnotationID?, via: [AnnotationID] = [], kind: String?
        var checkWorthy: Bool?, verdict: String?, cue: Anchor?
        var shared = AnnotationMetadata.Reader()
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id": id = try AnnotationID(json: &reader)
            case "anchor": anchor = try Anchor(json: &reader)
            case "claimant": claimant = reader.readNull() ? nil : try AnnotationID(json: &reader)
            case "via": via = try [AnnotationID](json: &reader)
            case "kind": kind = try reader.readString()
            case "checkWorthy": checkWorthy = reader.readNull() ? nil : try reader.readBool()
            case "verdict": verdict = try reader.readString()
            case "cue": cue = try Anchor(json: &reader)
            default: if try !shared.read(key, from: &reader) { try reader.skipValue() }
            }
        }
        self.id = try reader.required(id, "id")
        self.anchor = try reader.required(anchor, "anchor")
        self.claimant = claimant
        self.via = via
        self.kind = try reader.required(kind, "kind")
        self.checkWorthy = checkWorthy
        self.verdict = try reader.required(verdict, "verdict")
        self.cue = cue
        self.metadata = try shared.finish(reader)
    }
}
