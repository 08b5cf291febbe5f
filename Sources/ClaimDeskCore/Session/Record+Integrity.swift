/// What a record says about the rest of the session, for the checks made when a session is
/// opened: the ids it points at, the spans it anchors and the labels it uses.
///
/// Each kind of record describes itself in ``IntegrityChecked``; these hand over the same by case.
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

    /// Calls `body` with each of ``references`` in turn, without listing them first (each kind's
    /// own list is in ``IntegrityChecked``, which the opening check reads).
    public func forEachReference<Failure: Error>(_ body: (Reference) throws(Failure) -> Void) throws(Failure) {
        switch self {
        case .mention(let m): try m.forEachReference(body)
        case .claim(let c): try c.forEachReference(body)
        case .stance(let s): try s.forEachReference(body)
        case .relation(let r): try r.forEachReference(body)
        case .article, .source, .proposition, .taxonomy, .settings, .conflict: break
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
        switch self {
        case .mention(let m): try m.forEachAnchor(body)
        case .claim(let c): try c.forEachAnchor(body)
        case .stance(let s): try s.forEachAnchor(body)
        case .article, .source, .proposition, .relation, .taxonomy, .settings, .conflict: break
        }
    }

    /// Fields that hold a web address, which must be absolute http(s) (``WebAddress``).
    public var webAddresses: [(field: String, value: String)] {
        guard case .settings(let s) = self else { return [] }
        return [("baseURL", s.baseURL), ("organizationURL", s.organizationURL)].compactMap { field, value in value.map { (field, $0) } }
    }
}
