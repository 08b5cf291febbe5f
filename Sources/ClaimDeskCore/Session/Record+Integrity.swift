/// What a record says about the rest of the session, for the checks made when a session is
/// opened: the ids it points at, the spans it anchors and the labels it uses.
///
/// Each record describes itself here, so a new field is checked by adding one line to its case
/// and the checks themselves stay generic.
extension Record {
    /// A field that holds the id of another record.
    public struct Reference: Sendable {
        /// The field path inside the record, such as `via[1]`.
        public var field: String
        public var id: AnnotationID
        /// The kinds the field may point at.
        public var kinds: [AnnotationKind]
    }

    /// A field that holds a span of an article.
    public struct AnchorField: Sendable {
        public var field: String
        public var anchor: Anchor
    }

    /// A field whose value must be a label of one of the taxonomy's sets.
    public struct LabelField: Sendable {
        public var field: String
        public var value: String
        public var facet: Taxonomy.Facet
    }

    /// The kind every id of this record must have, if it is a record with an id.
    public var kind: AnnotationKind? {
        switch self {
        case .article: .article
        case .source: .source
        case .mention: .mention
        case .claim: .claim
        case .proposition: .proposition
        case .stance: .stance
        case .relation: .relation
        case .taxonomy, .settings: nil
        }
    }

    public var references: [Reference] {
        switch self {
        case .mention(let m):
            return [Reference(field: "source", id: m.source, kinds: [.source])]
        case .claim(let c):
            var result = c.claimant.map { [Reference(field: "claimant", id: $0, kinds: [.source])] } ?? []
            for (i, id) in c.via.enumerated() { result.append(Reference(field: "via[\(i)]", id: id, kinds: [.source])) }
            return result
        case .stance(let s):
            return [Reference(field: "holder", id: s.holder, kinds: [.source]),
                    Reference(field: "target", id: s.target, kinds: [.proposition, .claim])]
        case .relation(let r):
            let ends: [AnnotationKind] = [.claim, .mention, .proposition, .stance]
            return [Reference(field: "from", id: r.from, kinds: ends), Reference(field: "to", id: r.to, kinds: ends)]
        case .article, .source, .proposition, .taxonomy, .settings:
            return []
        }
    }

    public var anchors: [AnchorField] {
        switch self {
        case .mention(let m): [AnchorField(field: "anchor", anchor: m.anchor)]
        case .claim(let c): [AnchorField(field: "anchor", anchor: c.anchor)] + (c.cue.map { [AnchorField(field: "cue", anchor: $0)] } ?? [])
        case .stance(let s): s.evidence.enumerated().map { AnchorField(field: "evidence[\($0.offset)]", anchor: $0.element) }
        case .article, .source, .proposition, .relation, .taxonomy, .settings: []
        }
    }

    /// Fields that hold a web address, which must be absolute http(s) (``WebAddress``).
    public var webAddresses: [(field: String, value: String)] {
        guard case .settings(let s) = self else { return [] }
        return [("baseURL", s.baseURL), ("organizationURL", s.organizationURL)].compactMap { field, value in value.map { (field, $0) } }
    }

    public var labels: [LabelField] {
        switch self {
        case .source(let s): [LabelField(field: "kind", value: s.kind, facet: .sourceKind)]
        case .claim(let c):
            [LabelField(field: "kind", value: c.kind, facet: .claimKind), LabelField(field: "verdict", value: c.verdict, facet: .verdict)]
        case .stance(let s): [LabelField(field: "label", value: s.label, facet: .stanceLabel)]
        case .relation(let r): [LabelField(field: "type", value: r.type, facet: .relationType)]
        case .article, .mention, .proposition, .taxonomy, .settings: []
        }
    }
}
