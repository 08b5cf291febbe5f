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
        var result: [Reference] = []
        forEachReference { result.append($0) }
        return result
    }

    /// Calls `body` with each of ``references`` in turn, without listing them first: opening a
    /// session checks the references of every record, and a list per record was an allocation
    /// per record.
    public func forEachReference<Failure: Error>(_ body: (Reference) throws(Failure) -> Void) throws(Failure) {
        switch self {
        case .mention(let m):
            try body(Reference(name: "source", id: m.source, kinds: Self.toSources))
        case .claim(let c):
            if let claimant = c.claimant { try body(Reference(name: "claimant", id: claimant, kinds: Self.toSources)) }
            for (i, id) in c.via.enumerated() { try body(Reference(name: "via", index: i, id: id, kinds: Self.toSources)) }
        case .stance(let s):
            try body(Reference(name: "holder", id: s.holder, kinds: Self.toSources))
            try body(Reference(name: "target", id: s.target, kinds: Self.toStanceTargets))
        case .relation(let r):
            try body(Reference(name: "from", id: r.from, kinds: Self.toRelationEnds))
            try body(Reference(name: "to", id: r.to, kinds: Self.toRelationEnds))
        case .article, .source, .proposition, .taxonomy, .settings, .conflict:
            break
        }
    }

    public var anchors: [AnchorField] {
        var result: [AnchorField] = []
        forEachAnchor { result.append($0) }
        return result
    }

    /// Calls `body` with each of ``anchors`` in turn (a span's `anchor`, then `moreFragments[i]`,
    /// then `cue` when there is one; a stance's `evidence[i]`), without listing them first.
    public func forEachAnchor<Failure: Error>(_ body: (AnchorField) throws(Failure) -> Void) throws(Failure) {
        func span(_ anchor: Anchor, _ fragments: [Anchor], cue: Anchor?) throws(Failure) {
            try body(AnchorField(name: "anchor", anchor: anchor))
            for (i, fragment) in fragments.enumerated() { try body(AnchorField(name: "moreFragments", index: i, anchor: fragment)) }
            if let cue { try body(AnchorField(name: "cue", anchor: cue)) }
        }
        switch self {
        case .mention(let m): try span(m.anchor, m.moreFragments, cue: nil)
        case .claim(let c): try span(c.anchor, c.moreFragments, cue: c.cue)
        case .stance(let s):
            for (i, evidence) in s.evidence.enumerated() { try body(AnchorField(name: "evidence", index: i, anchor: evidence)) }
        case .article, .source, .proposition, .relation, .taxonomy, .settings, .conflict: break
        }
    }

    /// Fields that hold a web address, which must be absolute http(s) (``WebAddress``).
    public var webAddresses: [(field: String, value: String)] {
        guard case .settings(let s) = self else { return [] }
        return [("baseURL", s.baseURL), ("organizationURL", s.organizationURL)].compactMap { field, value in value.map { (field, $0) } }
    }

    /// Calls `body` with each taxonomy label the record uses: a source's or claim's `kind`, a
    /// claim's `verdict`, a stance's `label`, a relation's `type`.
    public func forEachLabel<Failure: Error>(_ body: (LabelField) throws(Failure) -> Void) throws(Failure) {
        switch self {
        case .source(let s): try body(LabelField(field: "kind", value: s.kind, facet: .sourceKind))
        case .claim(let c):
            try body(LabelField(field: "kind", value: c.kind, facet: .claimKind))
            try body(LabelField(field: "verdict", value: c.verdict, facet: .verdict))
        case .stance(let s): try body(LabelField(field: "label", value: s.label, facet: .stanceLabel))
        case .relation(let r): try body(LabelField(field: "type", value: r.type, facet: .relationType))
        case .article, .mention, .proposition, .taxonomy, .settings, .conflict: break
        }
    }
}
