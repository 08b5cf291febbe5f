/// Everything an analyst made: articles, the source registry, annotations, labels and settings.
///
/// Records live in dictionaries keyed by id so that a change touches one
/// entry, whatever the size of the session; the document lists them sorted
/// by id.
public struct Session: Equatable, Sendable {
    public var name: String?
    public var analyst: String
    public var created: Timestamp
    public var modified: Timestamp
    public var settings: SessionSettings
    public var taxonomy: Taxonomy
    public var articles: [AnnotationID: Article]
    public var sources: [AnnotationID: Source]
    public var mentions: [AnnotationID: Mention]
    public var claims: [AnnotationID: Claim]
    public var propositions: [AnnotationID: Proposition]
    public var stances: [AnnotationID: Stance]
    public var relations: [AnnotationID: Relation]
    /// The highest number handed out per id prefix, so that ids are never reused.
    public var counters: [String: Int]

    public init(name: String? = nil, analyst: String, created: Timestamp, taxonomy: Taxonomy = .standard) {
        self.name = name
        self.analyst = analyst
        self.created = created
        self.modified = created
        self.settings = SessionSettings()
        self.taxonomy = taxonomy
        articles = [:]
        sources = [:]
        mentions = [:]
        claims = [:]
        propositions = [:]
        stances = [:]
        relations = [:]
        counters = [:]
    }

    // MARK: - Ids

    /// The next unused id of a kind. Does not reserve it: applying a change that adds it does.
    ///
    /// Past ``AnnotationID/maximumNumber`` the id is not well-formed (its `number` is nil), and
    /// ``malformedID(in:)`` finds it so the change can be refused; counting stays far from overflow either way.
    public func nextID(_ kind: AnnotationKind) -> AnnotationID {
        AnnotationID(kind: kind, number: counter(kind) + 1)
    }

    /// The next `count` unused ids of a kind.
    public func nextIDs(_ kind: AnnotationKind, count: Int) -> [AnnotationID] {
        let base = counter(kind)
        return (0..<max(0, min(count, AnnotationID.maximumNumber))).map { AnnotationID(kind: kind, number: base + 1 + $0) }
    }

    /// The counter of a kind, clamped to the id range so that adding to it cannot overflow.
    private func counter(_ kind: AnnotationKind) -> Int {
        min(max(counters[kind.prefix] ?? 0, 0), AnnotationID.maximumNumber)
    }

    /// The first id of a change that is not well-formed (a kind's numbers are used up), if any.
    public static func malformedID(in edits: [Change.Edit]) -> AnnotationID? {
        for edit in edits {
            guard case .id(let id)? = edit.after?.key else { continue }
            if id.kind == nil { return id }
            for note in edit.after?.notes ?? [] where note.id.kind == nil { return note.id }
        }
        return nil
    }

    mutating func reserve(_ id: AnnotationID) {
        guard let number = id.number else { return }
        let prefix = String(id.prefix)
        if number > counters[prefix] ?? 0 { counters[prefix] = number }
    }

    // MARK: - Applying changes

    /// Applies every edit of a change in order, and moves `modified` to the change's time.
    public mutating func apply(_ change: Change) {
        for edit in change.edits { apply(edit) }
        if change.time > modified { modified = change.time }
    }

    public mutating func apply(_ edit: Change.Edit) {
        if let after = edit.after {
            put(after)
        } else if let before = edit.before {
            remove(before.key)
        }
    }

    /// Adds or replaces a record.
    public mutating func put(_ record: Record) {
        switch record {
        case .article(let v): articles[v.id] = v; reserve(v.id)
        case .source(let v): sources[v.id] = v; reserve(v.id)
        case .mention(let v): mentions[v.id] = v; reserve(v.id); reserveNotes(v.notes)
        case .claim(let v): claims[v.id] = v; reserve(v.id); reserveNotes(v.notes)
        case .proposition(let v): propositions[v.id] = v; reserve(v.id); reserveNotes(v.notes)
        case .stance(let v): stances[v.id] = v; reserve(v.id); reserveNotes(v.notes)
        case .relation(let v): relations[v.id] = v; reserve(v.id); reserveNotes(v.notes)
        case .taxonomy(let v): taxonomy = v
        case .settings(let v): settings = v
        }
        if case .source(let v) = record { reserveNotes(v.notes) }
    }

    private mutating func reserveNotes(_ notes: [Note]) {
        for note in notes { reserve(note.id) }
    }

    /// Removes the record under a key. The taxonomy and settings cannot be removed, only replaced.
    public mutating func remove(_ key: RecordKey) {
        guard case .id(let id) = key else { return }
        switch id.kind {
        case .article: articles[id] = nil
        case .source: sources[id] = nil
        case .mention: mentions[id] = nil
        case .claim: claims[id] = nil
        case .proposition: propositions[id] = nil
        case .stance: stances[id] = nil
        case .relation: relations[id] = nil
        case .note, nil: break
        }
    }

    // MARK: - Lookups

    /// The record stored under an id, if any.
    public func record(_ id: AnnotationID) -> Record? {
        switch id.kind {
        case .article: articles[id].map(Record.article)
        case .source: sources[id].map(Record.source)
        case .mention: mentions[id].map(Record.mention)
        case .claim: claims[id].map(Record.claim)
        case .proposition: propositions[id].map(Record.proposition)
        case .stance: stances[id].map(Record.stance)
        case .relation: relations[id].map(Record.relation)
        case .note, nil: nil
        }
    }

    /// Articles in id order.
    public var orderedArticles: [Article] { articles.values.sorted { $0.id < $1.id } }

    /// Sources in id order.
    public var orderedSources: [Source] { sources.values.sorted { $0.id < $1.id } }

    /// The number of annotations of every kind, sources included.
    public var annotationCount: Int {
        sources.count + mentions.count + claims.count + propositions.count + stances.count + relations.count
    }
}
