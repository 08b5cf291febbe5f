/// What the checks made when a session opens (``SessionIntegrity``) read from one kind of record:
/// the ids it points at, the spans it anchors, the labels it uses, its notes, and the rules
/// between its own fields.
///
/// Each kind describes itself here, so a new field is checked by adding one line to its kind.
/// The check reads every record where it lies in its table through this protocol: wrapped in a
/// ``Record`` first, each record was copied (a reference count per field) before it was read.
/// What each hands over is one of ``Record``'s `Reference`, `AnchorField` and `LabelField`.
protocol IntegrityChecked: KeyedRecord {
    /// The notes the record carries (none for an article or a conflict).
    var checkedNotes: [Note] { get }
    func forEachReference<Failure: Error>(_ body: (Record.Reference) throws(Failure) -> Void) throws(Failure)
    func forEachAnchor<Failure: Error>(_ body: (Record.AnchorField) throws(Failure) -> Void) throws(Failure)
    func forEachLabel<Failure: Error>(_ body: (Record.LabelField) throws(Failure) -> Void) throws(Failure)
    /// Rules between the record's own fields: a span's fragments lie in one article, a cue in its
    /// claim's article.
    func checkOwnFields(at path: SessionIntegrity.Path) throws(SessionIntegrity.Fault)
}

extension IntegrityChecked {
    var checkedNotes: [Note] { [] }
    func forEachReference<Failure: Error>(_ body: (Record.Reference) throws(Failure) -> Void) throws(Failure) {}
    func forEachAnchor<Failure: Error>(_ body: (Record.AnchorField) throws(Failure) -> Void) throws(Failure) {}
    func forEachLabel<Failure: Error>(_ body: (Record.LabelField) throws(Failure) -> Void) throws(Failure) {}
    func checkOwnFields(at path: SessionIntegrity.Path) throws(SessionIntegrity.Fault) {}
}

extension IntegrityChecked where Self: Annotation {
    /// An annotation's or source's notes.
    var checkedNotes: [Note] { notes }
}

/// The kinds a reference may point at, made once rather than per reference.
private enum ReferenceKinds {
    static let sources: [AnnotationKind] = [.source]
    static let stanceTargets: [AnnotationKind] = [.proposition, .claim]
    static let relationEnds: [AnnotationKind] = [.claim, .mention, .proposition, .stance]
}

extension FragmentedSpan {
    /// The span's `anchor`, then `moreFragments[i]`, then `cue` when there is one.
    fileprivate func forEachFragmentAnchor<Failure: Error>(cue: Anchor?, _ body: (Record.AnchorField) throws(Failure) -> Void) throws(Failure) {
        try body(Record.AnchorField(name: "anchor", anchor: anchor))
        for (i, fragment) in moreFragments.enumerated() { try body(Record.AnchorField(name: "moreFragments", index: i, anchor: fragment)) }
        if let cue { try body(Record.AnchorField(name: "cue", anchor: cue)) }
    }

    /// The span's first fragment is its `anchor`; the ones after it, `moreFragments`, lie in the
    /// same article.
    fileprivate func checkFragmentsInOneArticle(at path: SessionIntegrity.Path) throws(SessionIntegrity.Fault) {
        for (index, fragment) in moreFragments.enumerated() where fragment.article != anchor.article {
            throw SessionIntegrity.Fault(path: "\(path.text).moreFragments[\(index)].article",
                                         problem: "a span's fragments lie in one article; this one is on \(UntrustedText.visible(fragment.article.rawValue)), the first on \(anchor.article)")
        }
    }
}

extension Article: IntegrityChecked {}

extension Conflict: IntegrityChecked {}

extension Proposition: IntegrityChecked {}

extension Source: IntegrityChecked {
    func forEachLabel<Failure: Error>(_ body: (Record.LabelField) throws(Failure) -> Void) throws(Failure) {
        try body(Record.LabelField(field: "kind", value: kind, facet: .sourceKind))
    }
}

extension Mention: IntegrityChecked {
    func forEachReference<Failure: Error>(_ body: (Record.Reference) throws(Failure) -> Void) throws(Failure) {
        try body(Record.Reference(name: "source", id: source, kinds: ReferenceKinds.sources))
    }

    func forEachAnchor<Failure: Error>(_ body: (Record.AnchorField) throws(Failure) -> Void) throws(Failure) {
        try forEachFragmentAnchor(cue: nil, body)
    }

    func checkOwnFields(at path: SessionIntegrity.Path) throws(SessionIntegrity.Fault) {
        try checkFragmentsInOneArticle(at: path)
    }
}

extension Claim: IntegrityChecked {
    func forEachReference<Failure: Error>(_ body: (Record.Reference) throws(Failure) -> Void) throws(Failure) {
        if let claimant { try body(Record.Reference(name: "claimant", id: claimant, kinds: ReferenceKinds.sources)) }
        for (i, id) in via.enumerated() { try body(Record.Reference(name: "via", index: i, id: id, kinds: ReferenceKinds.sources)) }
    }

    func forEachAnchor<Failure: Error>(_ body: (Record.AnchorField) throws(Failure) -> Void) throws(Failure) {
        try forEachFragmentAnchor(cue: cue, body)
    }

    func forEachLabel<Failure: Error>(_ body: (Record.LabelField) throws(Failure) -> Void) throws(Failure) {
        try body(Record.LabelField(field: "kind", value: kind, facet: .claimKind))
        try body(Record.LabelField(field: "verdict", value: verdict, facet: .verdict))
    }

    func checkOwnFields(at path: SessionIntegrity.Path) throws(SessionIntegrity.Fault) {
        try checkFragmentsInOneArticle(at: path)
        if let cue, cue.article != anchor.article {
            throw SessionIntegrity.Fault(path: "\(path.text).cue.article",
                                         problem: "the cue is on \(UntrustedText.visible(cue.article.rawValue)) but the claim on \(anchor.article); a cue lies in its claim's article")
        }
    }
}

extension Stance: IntegrityChecked {
    func forEachReference<Failure: Error>(_ body: (Record.Reference) throws(Failure) -> Void) throws(Failure) {
        try body(Record.Reference(name: "holder", id: holder, kinds: ReferenceKinds.sources))
        try body(Record.Reference(name: "target", id: target, kinds: ReferenceKinds.stanceTargets))
    }

    func forEachAnchor<Failure: Error>(_ body: (Record.AnchorField) throws(Failure) -> Void) throws(Failure) {
        for (i, evidence) in evidence.enumerated() { try body(Record.AnchorField(name: "evidence", index: i, anchor: evidence)) }
    }

    func forEachLabel<Failure: Error>(_ body: (Record.LabelField) throws(Failure) -> Void) throws(Failure) {
        try body(Record.LabelField(field: "label", value: label, facet: .stanceLabel))
    }
}

extension Relation: IntegrityChecked {
    func forEachReference<Failure: Error>(_ body: (Record.Reference) throws(Failure) -> Void) throws(Failure) {
        try body(Record.Reference(name: "from", id: from, kinds: ReferenceKinds.relationEnds))
        try body(Record.Reference(name: "to", id: to, kinds: ReferenceKinds.relationEnds))
    }

    func forEachLabel<Failure: Error>(_ body: (Record.LabelField) throws(Failure) -> Void) throws(Failure) {
        try body(Record.LabelField(field: "type", value: type, facet: .relationType))
    }
}
