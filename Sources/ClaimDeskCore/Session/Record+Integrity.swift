/// What a record says about the rest of the session, for the checks made when a session is
/// opened: the ids it points at, the spans it anchors and the labels it uses.
///
/// Each record describes itself here, so a new field is checked by adding one line to its case
/// and the checks themselves stay generic.
extension Record {
    /// A field that holds the id of another record.
    ///
    /// The field's path is made into text only when asked for (a fault to report): a session
    /// opening checks every reference of every record, and formatting `via[1]` each time cost more
    /// than the check.
    public struct Reference: Sendable {
        /// The field's name, such as `via`.
        public var name: String
        /// The element's index when the field is an array.
        public var index: Int?
        public var id: AnnotationID
        /// The kinds the field may point at.
        public var kinds: [AnnotationKind]

        /// The field path inside the record, such as `via[1]`.
        public var field: String { index.map { "\(name)[\($0)]" } ?? name }
    }

    /// A field that holds a span of an article.
    public struct AnchorField: Sendable {
        /// The field's name, such as `moreFragments`.
        public var name: String
        /// The element's index when the field is an array.
        public var index: Int?
        public var anchor: Anchor

        /// The field path inside the record, such as `moreFragments[0]`.
        public var field: String { index.map { "\(name)[\($0)]" } ?? name }
    }

    // The kinds a reference may point at, made once rather than per reference.
    private static let toSources: [AnnotationKind] = [.source]
    private static let toStanceTargets: [AnnotationKind] = [.proposition, .claim]
    private static let toRelationEnds: [AnnotationKind] = [.claim, .mention, .proposition, .stance]

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
        case .conflict: .conflict
        case .taxonomy, .settings: nil
        }
    }

    public var references: [Reference] {
        switch self {
        case .mention(let m):
            return [Reference(name: "source", id: m.source, kinds: Self.toSources)]
        case .claim(let c):
            var result: [Reference] = []
            result.reserveCapacity(c.via.count + 1)
            if let claimant = c.claimant { result.append(Reference(name: "claimant", id: claimant, kinds: Self.toSources)) }
            for (i, id) in c.via.enumerated() { result.append(Reference(name: "via", index: i, id: id, kinds: Self.toSources)) }
            return result
        case .stance(let s):
            return [Reference(name: "holder", id: s.holder, kinds: Self.toSources),
                    Reference(name: "target", id: s.target, kinds: Self.toStanceTargets)]
        case .relation(let r):
            return [Reference(name: "from", id: r.from, kinds: Self.toRelationEnds),
                    Reference(name: "to", id: r.to, kinds: Self.toRelationEnds)]
        case .article, .source, .proposition, .taxonomy, .settings, .conflict:
            return []
        }
    }

    public var anchors: [AnchorField] {
        switch self {
        case .mention(let m): Self.spanFields(m.anchor, m.moreFragments, cue: nil)
        case .claim(let c): Self.spanFields(c.anchor, c.moreFragments, cue: c.cue)
        case .stance(let s): s.evidence.enumerated().map { AnchorField(name: "evidence", index: $0.offset, anchor: $0.element) }
        case .article, .source, .proposition, .relation, .taxonomy, .settings, .conflict: []
        }
    }

    /// A span's fields: `anchor`, then `moreFragments[i]`, then `cue` when there is one.
    private static func spanFields(_ anchor: Anchor, _ fragments: [Anchor], cue: Anchor?) -> [AnchorField] {
        var fields = [AnchorField(name: "anchor", anchor: anchor)]
        guard !fragments.isEmpty || cue != nil else { return fields }
        fields.reserveCapacity(fragments.count + 2)
        for (i, fragment) in fragments.enumerated() { fields.append(AnchorField(name: "moreFragments", index: i, anchor: fragment)) }
        if let cue { fields.append(AnchorField(name: "cue", anchor: cue)) }
        return fields
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
        case .article, .mention, .proposition, .taxonomy, .settings, .conflict: []
        }
    }
}
