extension Record {
    /// The same record under another id, with every id it refers to (sources, articles, targets,
    /// relation ends, note ids) passed through `map`: how a merge brings a later session's work
    /// into the id space of the merged one without a collision.
    ///
    /// Articles and session-wide records are returned as they are; a merge matches articles by text.
    public func remapped(to newID: AnnotationID, _ map: (AnnotationID) -> AnnotationID) -> Record {
        func anchor(_ a: Anchor) -> Anchor {
            var a = a
            a.article = map(a.article)
            return a
        }
        func carry<T: Annotation>(_ old: some Annotation, into new: T) -> T {
            var new = new
            new.metadata = old.metadata
            new.notes = old.notes.map { Note(id: map($0.id), text: $0.text, author: $0.author, created: $0.created) }
            return new
        }
        switch self {
        case .source(let v):
            return .source(carry(v, into: Source(id: newID, name: v.name, kind: v.kind, aliases: v.aliases, role: v.role,
                                                 author: v.author, created: v.created)))
        case .mention(let v):
            var mention = carry(v, into: Mention(id: newID, anchor: anchor(v.anchor), source: map(v.source), author: v.author,
                                                 created: v.created))
            mention.moreFragments = v.moreFragments.map(anchor)
            return .mention(mention)
        case .claim(let v):
            var claim = carry(v, into: Claim(id: newID, anchor: anchor(v.anchor), claimant: v.claimant.map(map), via: v.via.map(map),
                                             kind: v.kind, checkWorthy: v.checkWorthy, verdict: v.verdict, author: v.author,
                                             created: v.created, cue: v.cue.map(anchor)))
            claim.moreFragments = v.moreFragments.map(anchor)
            return .claim(claim)
        case .proposition(let v):
            return .proposition(carry(v, into: Proposition(id: newID, text: v.text, author: v.author, created: v.created)))
        case .stance(let v):
            return .stance(carry(v, into: Stance(id: newID, holder: map(v.holder), label: v.label, target: map(v.target),
                                                 evidence: v.evidence.map(anchor), author: v.author, created: v.created)))
        case .relation(let v):
            return .relation(carry(v, into: Relation(id: newID, from: map(v.from), type: v.type, to: map(v.to), author: v.author,
                                                     created: v.created)))
        case .article, .taxonomy, .settings, .conflict:
            return self
        }
    }

    /// The record with its provenance set, for the kinds that carry one.
    public func withProvenance(_ provenance: Provenance?) -> Record {
        updatingAnnotation { $0.provenance = provenance }
    }

    /// The id of a record that has one.
    public var id: AnnotationID? {
        if case .id(let id) = key { return id }
        return nil
    }
}
