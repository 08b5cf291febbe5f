/// Everything an analyst made: articles, the source registry, annotations, labels and settings.
///
/// Records live in tables kept in id order (see ``RecordTable``) so that a change
/// touches one entry, whatever the size of the session; the document lists them
/// in that order.
// Eager-move: the index and records-by-id boxes are classes with a lock, which would otherwise
// make every copy of a session live to the end of its scope; a command's local copy then shares
// the boxes when the command commits, and each change copied or rebuilt the whole index.
@_eagerMove
public struct Session: Equatable, Sendable {
    public var name: String?
    public var analyst: String
    public var created: Timestamp
    public var modified: Timestamp
    public var settings: SessionSettings
    public var taxonomy: Taxonomy
    // Records by kind, in id order (see ``RecordTable``), and who refers to whom (``index``).
    // `put` and `remove` keep all of them up to date; assigning a whole dictionary below resets the index.
    var articleTable = RecordTable<Article>()
    var sourceTable = RecordTable<Source>()
    var mentionTable = RecordTable<Mention>()
    var claimTable = RecordTable<Claim>()
    var propositionTable = RecordTable<Proposition>()
    var stanceTable = RecordTable<Stance>()
    var relationTable = RecordTable<Relation>()
    /// Disagreements a merge left for curation; empty in a session never merged.
    var conflictTable = RecordTable<Conflict>()
    /// The index, made on first use (see ``index``).
    private var indexBox = ComputedOnce<SessionIndex>()
    /// How many claims, mentions and stances name each source, counted on first use while the
    /// index is not built (see ``sourceUses``) and forgotten at the next change (``ComputedOnce/forget(_:)``).
    private var sourceUsesBox = ComputedOnce<[AnnotationID: SourceUses]>()
    /// The highest number handed out per id prefix, so that ids are never reused.
    public var counters: [String: Int]

    public init(name: String? = nil, analyst: String, created: Timestamp, taxonomy: Taxonomy = .standard) {
        self.name = name
        self.analyst = analyst
        self.created = created
        self.modified = created
        self.settings = SessionSettings()
        self.taxonomy = taxonomy
        counters = [:]
    }

    // MARK: - Records by id

    public var articles: [AnnotationID: Article] {
        get { articleTable.byID }
        set { articleTable = RecordTable(newValue); resetIndex() }
    }
    public var sources: [AnnotationID: Source] {
        get { sourceTable.byID }
        set { sourceTable = RecordTable(newValue); resetIndex() }
    }
    public var mentions: [AnnotationID: Mention] {
        get { mentionTable.byID }
        set { mentionTable = RecordTable(newValue); resetIndex() }
    }
    public var claims: [AnnotationID: Claim] {
        get { claimTable.byID }
        set { claimTable = RecordTable(newValue); resetIndex() }
    }
    public var propositions: [AnnotationID: Proposition] {
        get { propositionTable.byID }
        set { propositionTable = RecordTable(newValue); resetIndex() }
    }
    public var stances: [AnnotationID: Stance] {
        get { stanceTable.byID }
        set { stanceTable = RecordTable(newValue); resetIndex() }
    }
    public var relations: [AnnotationID: Relation] {
        get { relationTable.byID }
        set { relationTable = RecordTable(newValue); resetIndex() }
    }
    public var conflicts: [AnnotationID: Conflict] {
        get { conflictTable.byID }
        set { conflictTable = RecordTable(newValue) }
    }

    /// Open conflicts in id order.
    public var orderedConflicts: [Conflict] { conflictTable.ordered }

    /// Who refers to whom, which tags and spans are in use: built from every record the first
    /// time a command asks, then kept up to date by ``put(_:)`` and ``remove(_:)``.
    ///
    /// Not built when a session is read: the prompt comes back before a large session's index is
    /// made, and a session opened only to be exported or checked never makes it.
    var index: SessionIndex {
        indexBox.value { builtIndex() }
    }

    /// Forgets the index, for records that arrived without `put`: the next use builds it anew.
    mutating func resetIndex() {
        indexBox = ComputedOnce()
        sourceUsesBox = ComputedOnce()
    }

    /// The index if a command has made it already; nil when only a count from it is wanted and
    /// making it would cost more than counting (``sourceUses``).
    var indexIfBuilt: SessionIndex? { indexBox.computed }

    /// Per source, how many claims (each once, whatever its place in the chain), mentions and
    /// stances name it: what ``index`` says, counted in one pass over the records.
    ///
    /// For a session that never builds the index: the Markdown and HTML reports print these counts
    /// for every source, and building the whole index for them took 34 MB at 100,000 annotations.
    var sourceUses: [AnnotationID: SourceUses] {
        sourceUsesBox.value {
            var uses: [AnnotationID: SourceUses] = [:]
            for claim in claimTable.ordered {
                claim.forEachDistinctSource { uses[$0, default: SourceUses()].claims += 1 }
            }
            for mention in mentionTable.ordered { uses[mention.source, default: SourceUses()].mentions += 1 }
            for stance in stanceTable.ordered { uses[stance.holder, default: SourceUses()].stances += 1 }
            return uses
        }
    }

    /// Keeps the index, if it was built, in step with a record put or removed, and forgets the
    /// counts of each source's uses. Boxes shared with a copy of this session (which still has the
    /// records as they were) are left to it.
    private mutating func updateIndex(_ old: Record?, with new: Record?) {
        ComputedOnce.forget(&sourceUsesBox)
        ComputedOnce.update(&indexBox) { $0.replace(old, with: new) }
    }

    /// The index of every record.
    private func builtIndex() -> SessionIndex {
        var index = SessionIndex()
        // One span key per claim and mention at most: sized once instead of grown step by step.
        index.claimsBySpan.reserveCapacity(claimTable.count)
        index.mentionsBySpan.reserveCapacity(mentionTable.count)
        for source in sourceTable.ordered { index.replace(nil, with: .source(source)) }
        for claim in claimTable.ordered { index.replace(nil, with: .claim(claim)) }
        for mention in mentionTable.ordered { index.replace(nil, with: .mention(mention)) }
        for proposition in propositionTable.ordered { index.replace(nil, with: .proposition(proposition)) }
        for stance in stanceTable.ordered { index.replace(nil, with: .stance(stance)) }
        for relation in relationTable.ordered { index.replace(nil, with: .relation(relation)) }
        return index
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
        let old: Record?
        switch record {
        case .article(let v): old = articleTable.put(v).map(Record.article); reserve(v.id)
        case .source(let v): old = sourceTable.put(v).map(Record.source); reserve(v.id)
        case .mention(let v): old = mentionTable.put(v).map(Record.mention); reserve(v.id); reserveNotes(v.notes)
        case .claim(let v): old = claimTable.put(v).map(Record.claim); reserve(v.id); reserveNotes(v.notes)
        case .proposition(let v): old = propositionTable.put(v).map(Record.proposition); reserve(v.id); reserveNotes(v.notes)
        case .stance(let v): old = stanceTable.put(v).map(Record.stance); reserve(v.id); reserveNotes(v.notes)
        case .relation(let v): old = relationTable.put(v).map(Record.relation); reserve(v.id); reserveNotes(v.notes)
        case .taxonomy(let v): old = nil; taxonomy = v
        case .settings(let v): old = nil; settings = v
        case .conflict(let v): old = conflictTable.put(v).map(Record.conflict); reserve(v.id); reserveVersions(v)
        }
        updateIndex(old, with: record)
        if case .source(let v) = record { reserveNotes(v.notes) }
    }

    private mutating func reserveNotes(_ notes: [Note]) {
        for note in notes { reserve(note.id) }
    }

    /// A conflict's versions hold ids (and notes) that must never be handed out again.
    private mutating func reserveVersions(_ conflict: Conflict) {
        for record in conflict.versions.compactMap(\.record) {
            if case .id(let id) = record.key { reserve(id) }
            reserveNotes(record.notes)
        }
    }

    /// Removes the record under a key. The taxonomy and settings cannot be removed, only replaced.
    public mutating func remove(_ key: RecordKey) {
        guard case .id(let id) = key else { return }
        let old: Record?
        switch id.kind {
        case .article: old = articleTable.remove(id).map(Record.article)
        case .source: old = sourceTable.remove(id).map(Record.source)
        case .mention: old = mentionTable.remove(id).map(Record.mention)
        case .claim: old = claimTable.remove(id).map(Record.claim)
        case .proposition: old = propositionTable.remove(id).map(Record.proposition)
        case .stance: old = stanceTable.remove(id).map(Record.stance)
        case .relation: old = relationTable.remove(id).map(Record.relation)
        case .conflict: old = conflictTable.remove(id).map(Record.conflict)
        case .note, nil: old = nil
        }
        updateIndex(old, with: nil)
    }

    // MARK: - Lookups

    /// The record stored under an id, if any.
    public func record(_ id: AnnotationID) -> Record? {
        switch id.kind {
        case .article: articleTable[id].map(Record.article)
        case .source: sourceTable[id].map(Record.source)
        case .mention: mentionTable[id].map(Record.mention)
        case .claim: claimTable[id].map(Record.claim)
        case .proposition: propositionTable[id].map(Record.proposition)
        case .stance: stanceTable[id].map(Record.stance)
        case .relation: relationTable[id].map(Record.relation)
        case .conflict: conflictTable[id].map(Record.conflict)
        case .note, nil: nil
        }
    }

    /// How many records of `kind` the session holds (notes are inside records: none).
    func recordCount(of kind: AnnotationKind) -> Int {
        switch kind {
        case .article: articleTable.count
        case .source: sourceTable.count
        case .mention: mentionTable.count
        case .claim: claimTable.count
        case .proposition: propositionTable.count
        case .stance: stanceTable.count
        case .relation: relationTable.count
        case .conflict: conflictTable.count
        case .note: 0
        }
    }

    /// Whether a record is stored under an id: ``record(_:)`` without copying the record out.
    public func containsRecord(_ id: AnnotationID) -> Bool {
        switch id.kind {
        case .article: articleTable.contains(id)
        case .source: sourceTable.contains(id)
        case .mention: mentionTable.contains(id)
        case .claim: claimTable.contains(id)
        case .proposition: propositionTable.contains(id)
        case .stance: stanceTable.contains(id)
        case .relation: relationTable.contains(id)
        case .conflict: conflictTable.contains(id)
        case .note, nil: false
        }
    }

    /// Articles in id order.
    public var orderedArticles: [Article] { articleTable.ordered }

    /// Sources in id order.
    public var orderedSources: [Source] { sourceTable.ordered }

    /// The number of annotations other than sources: claims, mentions, propositions, stances and relations.
    ///
    /// What "Saved … 12 sources, 34 annotations" counts beside the sources, so nothing is counted twice.
    public var annotationCountBesidesSources: Int {
        mentionTable.count + claimTable.count + propositionTable.count + stanceTable.count + relationTable.count
    }

    /// "1 article, 12 sources, 34 annotations": what `save` and `open` report.
    public var contentsSummary: String {
        [Plural.count(articleTable.count, "article"), Plural.count(sourceTable.count, "source"),
         Plural.count(annotationCountBesidesSources, "annotation")].joined(separator: ", ")
    }

    /// Every kind counted in words, as the Markdown and HTML reports head their contents.
    public var contentsInFull: String {
        [Plural.count(articleTable.count, "article"), Plural.count(sourceTable.count, "source"), Plural.count(claimTable.count, "claim"),
         Plural.count(mentionTable.count, "mention"), Plural.count(propositionTable.count, "proposition"),
         Plural.count(stanceTable.count, "stance"), Plural.count(relationTable.count, "relation")].joined(separator: ", ")
    }

    /// The number of annotations of every kind, sources included.
    public var annotationCount: Int {
        sourceTable.count + annotationCountBesidesSources
    }
}

/// How many claims, mentions and stances name one source.
struct SourceUses: Equatable, Sendable {
    var claims = 0
    var mentions = 0
    var stances = 0
}
