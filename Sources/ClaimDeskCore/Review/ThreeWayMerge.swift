/// Two edits of one session file merged against their common ancestor, record by record by id:
/// what `claimdesk merge-driver` does for git.
///
/// A record only one side changed takes that side's change (an addition, an edit or a removal).
/// A record both sides changed alike is kept once. A claim, mention, stance or relation both
/// sides changed differently (or one side removed and the other edited) becomes a ``Conflict``,
/// with the rules and words of ``SessionMerge``: the session holds our version, the conflict
/// both. Additions are never taken for each other: where both sides added the same id, theirs
/// gets a new one and every reference follows; a source they added that our registry already
/// has by name or alias is joined to ours, as in ``SessionMerge``. Sources and propositions both
/// sides edited keep ours (with both sides' aliases); taxonomies are joined.
public struct ThreeWayMerge: Sendable {
    public private(set) var session: Session
    /// What was decided beyond the plain rules (joins, renumberings, kept versions), one line each.
    public private(set) var notes: [String] = []
    /// Why the edits cannot be merged at all (an article's text changed both ways), if so.
    public private(set) var failure: String?

    public init(base: Session, ours: Session, theirs: Session, names: (ours: String, theirs: String), time: Timestamp) {
        var result = ours
        var counters = ours.counters
        for (prefix, number) in theirs.counters where number > counters[prefix] ?? 0 { counters[prefix] = number }
        var ids = IDAllocator(counters: counters)
        let b = Self.records(base), o = Self.records(ours), t = Self.records(theirs)
        var map: [AnnotationID: AnnotationID] = [:]
        var notes: [String] = []

        // Their additions: joined to ours by name (sources) or text (articles), or renumbered when
        // we added the same id for something else.
        let ourArticles = Dictionary(ours.orderedArticles.map { ($0.sha256, $0.id) }, uniquingKeysWith: { first, _ in first })
        for id in t.keys.sorted() where b[id] == nil {
            guard let record = t[id], let kind = id.kind else { continue }
            if case .source(let source) = record, let joined = Self.registered(source, in: ours), o[id] != record {
                map[id] = joined
                if joined != id { notes.append("their \(id) “\(source.name)” is our \(joined)") }
                continue
            }
            if case .article(let article) = record, let same = ourArticles[article.sha256] {
                map[id] = same
                continue
            }
            if let mine = o[id], mine != record {
                let fresh = ids.next(kind)
                map[id] = fresh
                notes.append("their \(id) is \(fresh): we added another \(kind.rawValue) as \(id)")
            }
        }
        // Notes both sides added under one id (a note is numbered across the session): theirs renumbered.
        let baseNotes = Set(b.values.flatMap(\.notes).map(\.id))
        var ourNotes: [AnnotationID: Note] = [:]
        for record in o.values { for note in record.notes { ourNotes[note.id] = note } }
        for record in t.values {
            for note in record.notes where !baseNotes.contains(note.id) && map[note.id] == nil {
                if let mine = ourNotes[note.id], mine != note { map[note.id] = ids.next(.note) }
            }
        }
        let remap: (AnnotationID) -> AnnotationID = { map[$0] ?? $0 }
        func theirVersion(_ id: AnnotationID) -> Record? {
            guard let record = t[id] else { return nil }
            switch record {
            case .article(let article):
                var metadata = article.metadata
                metadata.publisher = metadata.publisher.map(remap)
                return metadata == article.metadata && remap(id) == id ? record
                    : .article(Article(id: remap(id), title: article.title, origin: article.origin, text: article.text,
                                       loaded: article.loaded, revisions: article.revisions, metadata: metadata))
            case .conflict(let conflict):
                return remap(id) == id ? record
                    : .conflict(Conflict(id: remap(id), subject: conflict.subject, disagreements: conflict.disagreements,
                                         versions: conflict.versions, created: conflict.created))
            case .taxonomy, .settings: return record
            default: return record.remapped(to: remap(id), remap)
            }
        }

        var removals: [AnnotationID] = []
        var conflicts: [Conflict] = []
        let versionNames = [(names.ours, ours.analyst), (names.theirs, theirs.analyst)]
        func conflict(_ id: AnnotationID, _ mine: Record?, _ yours: Record?) {
            var disagreements = mine != nil && yours != nil ? [] : [MergeDisagreement.onlyInSome]
            if let mine, let yours { disagreements += MergeDisagreement.fields(mine, yours) }
            conflicts.append(Conflict(id: ids.next(.conflict), subject: id, disagreements: disagreements,
                                      versions: zip(versionNames, [mine, yours]).map {
                                          Conflict.Version(session: $0.0.0, analyst: $0.0.1, record: $0.1)
                                      }, created: time))
        }

        for id in Set(b.keys).union(t.keys).sorted() {
            let target = remap(id)
            let base = b[id], yours = theirVersion(id)
            guard let kind = id.kind else { continue }
            if base == nil {
                // Their addition (joined, renumbered, or new).
                guard let yours else { continue }
                switch (result.record(target), yours) {
                case (nil, _): result.put(yours)
                case (.source(let mine)?, .source(let added)):
                    var joined = mine
                    for name in added.allNames where !joined.allNames.contains(where: { Session.sameSourceName($0, name) }) {
                        joined.aliases.append(name)
                    }
                    if joined != mine { result.put(.source(joined)) }
                default: break
                }
                continue
            }
            let mine = o[id]
            if yours == base || mine == yours { continue }
            if mine == base {
                if let yours { result.put(yours) } else { removals.append(id) }
                continue
            }
            // Both sides changed it, differently.
            switch kind {
            case .claim, .mention, .stance, .relation:
                // A side that changed only tags, notes or review decisions gives way to the other's
                // fields and keeps what it added.
                if let mine, let yours, let base, MergeDisagreement.fields(base, mine).isEmpty {
                    result.put(yours.gathering([mine]))
                } else if let mine, let yours, let base, MergeDisagreement.fields(base, yours).isEmpty {
                    result.put(mine.gathering([yours]))
                } else if let mine, let yours, MergeDisagreement.fields(mine, yours).isEmpty {
                    result.put(mine.gathering([yours]))
                } else {
                    if mine == nil, let yours { result.put(yours) }
                    conflict(id, mine, yours)
                }
            case .article:
                if case .article(let m)? = mine, case .article(let y)? = yours, case .article(let old)? = base,
                   m.sha256 != old.sha256, y.sha256 != old.sha256, m.sha256 != y.sha256 {
                    failure = "article \(id) “\(m.title)” has a new text on both sides; rebase one side onto the other's text first"
                } else if mine == nil, let yours {
                    result.put(yours)
                } else {
                    notes.append("article \(id) changed on both sides; kept ours")
                }
            case .source:
                if case .source(var m)? = mine, case .source(let y)? = yours {
                    for name in y.allNames where !m.allNames.contains(where: { Session.sameSourceName($0, name) }) { m.aliases.append(name) }
                    result.put(.source(m))
                    notes.append("source \(id) changed on both sides; kept ours (“\(m.name)”) with both sides' names")
                } else if mine == nil, let yours {
                    result.put(yours)
                    notes.append("source \(id): we removed it, they changed it; kept theirs")
                }
            case .proposition:
                if mine == nil, let yours { result.put(yours) }
                notes.append("proposition \(id) changed on both sides; kept \(mine == nil ? "theirs" : "ours")")
            case .conflict, .note:
                break
            }
        }

        // Their removals go where nothing left still refers to what they removed.
        for id in removals {
            let users = result.dependents(of: id) + (id.kind == .source ? result.uses(ofSource: id) : [])
            let stillUsed = users.contains { !removals.contains($0) }
            if !stillUsed {
                result.remove(.id(id))
            } else if let kind = id.kind, [.claim, .mention, .stance, .relation].contains(kind) {
                conflict(id, result.record(id), nil)
            } else {
                notes.append("they removed \(id), which our \(users.filter { !removals.contains($0) }.map(\.rawValue).prefix(3).joined(separator: ", ")) still use; kept it")
            }
        }
        for item in conflicts { result.put(.conflict(item)) }

        if theirs.taxonomy != base.taxonomy {
            result.taxonomy = ours.taxonomy == base.taxonomy ? theirs.taxonomy : SessionMerge.taxonomy([ours, theirs])
        }
        if theirs.settings != base.settings && ours.settings == base.settings { result.settings = theirs.settings }
        for (prefix, number) in ids.counters where number > result.counters[prefix] ?? 0 { result.counters[prefix] = number }
        result.modified = max(ours.modified, theirs.modified)
        session = result
        self.notes = notes
    }

    /// Every keyed record of a session by id.
    static func records(_ session: Session) -> [AnnotationID: Record] {
        var all: [AnnotationID: Record] = [:]
        for v in session.articles.values { all[v.id] = .article(v) }
        for record in SessionMerge.Builder.annotationRecords(session) { if let id = record.id { all[id] = record } }
        for v in session.conflicts.values { all[v.id] = .conflict(v) }
        return all
    }

    /// Our source with a name or alias of theirs, if any.
    private static func registered(_ source: Source, in session: Session) -> AnnotationID? {
        for name in source.allNames {
            let key = SourceNameIndex.key(name)
            if !key.isEmpty, let id = session.index.names.exact(key).first { return id }
        }
        return nil
    }
}
