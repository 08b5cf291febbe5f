/// Several analysts' sessions of the same articles made into one: what all of them agree on kept
/// once, every disagreement kept as a ``Conflict`` for a curator.
///
/// The first session keeps its ids; the others' records get new ids after it, and every reference
/// in them is remapped, so no id collides. Articles are joined by the SHA-256 of their text,
/// sources by name or alias (folded as source lookup folds them: case, typographic quotes, white
/// space), propositions by their folded text. Claims and mentions are matched by span as
/// `claimdesk diff` matches them (``SpanMatcher`` with ``SessionDiff/overlapThreshold``),
/// stances by holder and target, relations by their ends and type. An annotation every session
/// has with the same span and labels is kept once, with the first session's provenance and
/// everyone's tags and notes; any other is kept as the first session's version that has it, with
/// a conflict listing every session's version.
public struct SessionMerge: Sendable {
    /// One session given to the merge, and the name its annotations' provenance will carry.
    public struct Input: Sendable {
        public var name: String
        public var session: Session

        public init(name: String, session: Session) {
            self.name = name
            self.session = session
        }
    }

    /// A later session's source taken as one already in the merged registry.
    public struct SourceJoin: Equatable, Sendable {
        public let session: String
        public let id: AnnotationID
        public let name: String
        public let into: AnnotationID
        public let intoName: String
        /// The name or alias both share, as the merged registry spells it.
        public let sharedName: String
        /// The later session's kind when it differs from the kept one.
        public let otherKind: String?
    }

    public private(set) var session: Session
    public private(set) var joinedSources: [SourceJoin] = []
    /// Annotations (claims, mentions, stances, relations) all sessions agree on.
    public private(set) var agreed = 0
    public let inputs: [String]
    /// Articles the sessions share, and articles only some of them have.
    public private(set) var sharedArticles = 0
    public private(set) var partialArticles = 0

    public init(_ inputs: [Input], analyst: String, time: Timestamp, name: String? = nil) {
        self.inputs = inputs.map(\.name)
        var out = Session(name: name, analyst: analyst, created: time, taxonomy: Self.taxonomy(inputs.map(\.session)))
        out.settings = inputs.first?.session.settings ?? SessionSettings()
        var builder = Builder(inputs: inputs, counters: inputs.first?.session.counters ?? [:])
        builder.joinArticlesAndSources(into: &out, joins: &joinedSources)
        builder.groupSpans()
        builder.groupStances()
        builder.groupRelations()
        var records = builder.propositions
        agreed = builder.emit(into: &records, time: time)
        records.sort { ($0.id ?? "") < ($1.id ?? "") }
        for record in records { out.put(record) }
        for (prefix, number) in builder.ids.counters where number > out.counters[prefix] ?? 0 { out.counters[prefix] = number }
        out.modified = time
        sharedArticles = builder.articleShares.values.filter { $0 == inputs.count }.count
        partialArticles = builder.articleShares.count - sharedArticles
        session = out
    }

    /// Each facet's labels: the first session's, then any other's it lacks (case aside).
    static func taxonomy(_ sessions: [Session]) -> Taxonomy {
        var taxonomy = sessions.first?.taxonomy ?? .standard
        for other in sessions.dropFirst() {
            for facet in Taxonomy.Facet.allCases {
                let extra = other.taxonomy.labels(facet).filter { taxonomy.canonical($0, in: facet) == nil }
                if !extra.isEmpty { taxonomy.setLabels(taxonomy.labels(facet) + extra, for: facet) }
            }
        }
        return taxonomy
    }
}

/// Hands out ids after the highest in use, per kind.
struct IDAllocator {
    var counters: [String: Int]

    mutating func next(_ kind: AnnotationKind) -> AnnotationID {
        let number = min(max(counters[kind.prefix] ?? 0, 0), AnnotationID.maximumNumber) + 1
        counters[kind.prefix] = number
        return AnnotationID(kind: kind, number: number)
    }
}

extension SessionMerge {
    /// The merge's working state: each session's id map and the groups of matched annotations.
    struct Builder {
        struct Group {
            let id: AnnotationID
            var members: [Record?]
            /// Where the group sits, for matching later sessions' spans and for reading order.
            let article: AnnotationID
            let span: TextSpan
        }

        let inputs: [Input]
        var ids: IDAllocator
        /// Per session: its id → the merged id. The first session's ids map to themselves.
        var maps: [[AnnotationID: AnnotationID]]
        var propositions: [Record] = []
        var spanGroups: [Group] = []
        var stanceGroups: [Group] = []
        var relationGroups: [Group] = []
        /// How many sessions have each merged article.
        var articleShares: [AnnotationID: Int] = [:]

        init(inputs: [Input], counters: [String: Int]) {
            self.inputs = inputs
            ids = IDAllocator(counters: counters)
            maps = Array(repeating: [:], count: inputs.count)
        }

        func map(_ k: Int) -> (AnnotationID) -> AnnotationID {
            let table = maps[k]
            return { table[$0] ?? $0 }
        }

        private func provenance(_ k: Int, _ id: AnnotationID) -> Provenance {
            Provenance(session: inputs[k].name, analyst: inputs[k].session.analyst, id: id.rawValue)
        }

        // MARK: Articles, sources, propositions, notes

        mutating func joinArticlesAndSources(into out: inout Session, joins: inout [SourceJoin]) {
            var articleByHash: [String: AnnotationID] = [:]
            var propositionByText: [String: AnnotationID] = [:]
            for (k, input) in inputs.enumerated() {
                let session = input.session
                // Notes of later sessions get new ids up front: every record carries them through `map`.
                if k > 0 {
                    for record in Self.annotationRecords(session) {
                        for note in record.notes { maps[k][note.id] = ids.next(.note) }
                    }
                }
                for source in session.orderedSources {
                    let record = Record.source(source)
                    if k == 0 {
                        out.put(record.withProvenance(provenance(k, source.id)))
                        continue
                    }
                    if let (into, shared) = Self.registered(source, in: out), let existing = out.sources[into] {
                        maps[k][source.id] = into
                        var joined = existing
                        for name in source.allNames where !joined.allNames.contains(where: { Session.sameSourceName($0, name) }) {
                            joined.aliases.append(name)
                        }
                        if joined != existing { out.put(.source(joined)) }
                        let otherKind = ComparisonKey.folded(source.kind) == ComparisonKey.folded(existing.kind) ? nil : source.kind
                        joins.append(SourceJoin(session: input.name, id: source.id, name: source.name, into: into, intoName: existing.name,
                                                sharedName: shared, otherKind: otherKind))
                        continue
                    }
                    let id = ids.next(.source)
                    maps[k][source.id] = id
                    out.put(record.remapped(to: id, map(k)).withProvenance(provenance(k, source.id)))
                }
                for article in session.orderedArticles {
                    if let existing = articleByHash[article.sha256] {
                        maps[k][article.id] = existing
                        articleShares[existing, default: 0] += 1
                        continue
                    }
                    var metadata = article.metadata
                    metadata.publisher = metadata.publisher.map(map(k))
                    let id = k == 0 ? article.id : ids.next(.article)
                    maps[k][article.id] = id
                    articleByHash[article.sha256] = id
                    articleShares[id, default: 0] += 1
                    if k == 0, metadata == article.metadata {
                        out.put(.article(article))
                    } else {
                        out.put(.article(Article(id: id, title: article.title, origin: article.origin, text: article.text,
                                                 loaded: article.loaded, revisions: article.revisions, metadata: metadata)))
                    }
                }
                for proposition in session.propositions.values.sorted(by: { $0.id < $1.id }) {
                    let key = ComparisonKey.folded(proposition.text)
                    if let existing = propositionByText[key] {
                        maps[k][proposition.id] = existing
                        continue
                    }
                    let id = k == 0 ? proposition.id : ids.next(.proposition)
                    maps[k][proposition.id] = id
                    propositionByText[key] = id
                    propositions.append(Record.proposition(proposition).remapped(to: id, map(k)).withProvenance(provenance(k, proposition.id)))
                }
            }
        }

        /// The merged source a later session's source is, by a name or alias both have; with that name.
        private static func registered(_ source: Source, in out: Session) -> (AnnotationID, String)? {
            for name in source.allNames {
                let key = SourceNameIndex.key(name)
                guard !key.isEmpty, let id = out.index.names.exact(key).first, let found = out.sources[id] else { continue }
                let shared = found.allNames.first { SourceNameIndex.key($0) == key } ?? found.name
                return (id, shared)
            }
            return nil
        }

        static func annotationRecords(_ session: Session) -> [Record] {
            session.sources.values.map(Record.source) + session.claims.values.map(Record.claim)
                + session.mentions.values.map(Record.mention) + session.propositions.values.map(Record.proposition)
                + session.stances.values.map(Record.stance) + session.relations.values.map(Record.relation)
        }

        // MARK: Matching

        /// Claims and mentions, per article, by span: each session's spans against the groups so far.
        mutating func groupSpans() {
            for kind in [AnnotationKind.claim, .mention] {
                var byArticle: [AnnotationID: [Int]] = [:]
                for (k, input) in inputs.enumerated() {
                    // Each record with its place and id beside it: sorting by a record's id computed
                    // per comparison copied the record every time.
                    typealias Item = (anchor: Anchor, record: Record, span: TextSpan, id: AnnotationID)
                    var items: [AnnotationID: [Item]] = [:]
                    let records: [Item] = kind == .claim
                        ? input.session.orderedClaims.map { ($0.anchor, Record.claim($0), TextSpan($0.fragments.map(\.range)), $0.id) }
                        : input.session.orderedMentions.map { ($0.anchor, Record.mention($0), TextSpan($0.fragments.map(\.range)), $0.id) }
                    for item in records { items[map(k)(item.anchor.article), default: []].append(item) }
                    for article in items.keys.sorted() {
                        let mine = (items[article] ?? []).sorted { ($0.anchor.start, $0.anchor.end, $0.id) < ($1.anchor.start, $1.anchor.end, $1.id) }
                        let groups = byArticle[article] ?? []
                        let pairs = SpanMatcher.match(groups.map { spanGroups[$0].span }, mine.map(\.span),
                                                      minimumJaccard: SessionDiff.overlapThreshold)
                        var matched = Set<Int>()
                        for pair in pairs {
                            let g = groups[pair.left]
                            spanGroups[g].members[k] = mine[pair.right].record
                            maps[k][mine[pair.right].id] = spanGroups[g].id
                            matched.insert(pair.right)
                        }
                        for (i, (_, record, span, own)) in mine.enumerated() where !matched.contains(i) {
                            let id = k == 0 ? own : ids.next(kind)
                            maps[k][own] = id
                            var members = [Record?](repeating: nil, count: inputs.count)
                            members[k] = record
                            byArticle[article, default: []].append(spanGroups.count)
                            spanGroups.append(Group(id: id, members: members, article: article, span: span))
                        }
                    }
                }
            }
        }

        /// Stances by holder and target, once sources, propositions and claims have their merged ids.
        mutating func groupStances() {
            var byKey: [String: Int] = [:], groups: [Group] = []
            defer { stanceGroups = groups }
            for (k, input) in inputs.enumerated() {
                for stance in input.session.orderedStances {
                    let key = "\(map(k)(stance.holder))→\(map(k)(stance.target))"
                    group(&groups, &byKey, key: key, k: k, record: .stance(stance), kind: .stance,
                          anchor: stance.evidence.first)
                }
            }
        }

        /// Relations by their ends and type, once every annotation has its merged id.
        mutating func groupRelations() {
            var byKey: [String: Int] = [:], groups: [Group] = []
            defer { relationGroups = groups }
            for (k, input) in inputs.enumerated() {
                for relation in input.session.relations.values.sorted(by: { $0.id < $1.id }) {
                    let key = "\(map(k)(relation.from)) \(ComparisonKey.folded(relation.type)) \(map(k)(relation.to))"
                    group(&groups, &byKey, key: key, k: k, record: .relation(relation), kind: .relation, anchor: nil)
                }
            }
        }

        private mutating func group(_ groups: inout [Group], _ byKey: inout [String: Int], key: String, k: Int, record: Record,
                                    kind: AnnotationKind, anchor: Anchor?) {
            guard let own = record.id else { return }
            if let g = byKey[key], groups[g].members[k] == nil {
                groups[g].members[k] = record
                maps[k][own] = groups[g].id
                return
            }
            let id = k == 0 ? own : ids.next(kind)
            maps[k][own] = id
            var members = [Record?](repeating: nil, count: inputs.count)
            members[k] = record
            byKey[key] = groups.count
            groups.append(Group(id: id, members: members, article: anchor.map { map(k)($0.article) } ?? AnnotationID("a\(Int.max)"),
                                span: TextSpan((anchor?.start ?? Int.max)..<(anchor?.end ?? Int.max))))
        }

        // MARK: Emitting

        /// Adds each group's record (and its conflict, if the sessions disagree) to `records`, in
        /// reading order so that conflicts are numbered as the text runs; returns how many agreed.
        mutating func emit(into records: inout [Record], time: Timestamp) -> Int {
            var agreed = 0
            let ordered = spanGroups.sorted { ($0.article, $0.span.start, $0.id) < ($1.article, $1.span.start, $1.id) }
                + stanceGroups + relationGroups
            for group in ordered {
                let versions: [Record?] = group.members.enumerated().map { k, member in
                    member.map { $0.remapped(to: group.id, map(k)).withProvenance(provenance(k, $0.id ?? group.id)) }
                }
                let present = versions.compactMap { $0 }
                guard let first = present.first else { continue }
                var disagreements = MergeDisagreement.fields(among: present)
                if present.count < inputs.count { disagreements.insert(MergeDisagreement.onlyInSome, at: 0) }
                if disagreements.isEmpty {
                    agreed += 1
                    records.append(first.gathering(present.dropFirst()))
                    continue
                }
                records.append(first)
                let conflict = Conflict(id: ids.next(.conflict), subject: group.id, disagreements: disagreements,
                                        versions: versions.enumerated().map { k, record in
                                            Conflict.Version(session: inputs[k].name, analyst: inputs[k].session.analyst, record: record)
                                        },
                                        created: time)
                records.append(.conflict(conflict))
            }
            return agreed
        }
    }
}

extension Record {
    /// This record with the others' tags, notes and review decisions added (a note with the same
    /// author and text once, a decision once, decisions in time order with the status of the last).
    func gathering(_ others: some Sequence<Record>) -> Record {
        updatingAnnotation { item in
            for other in others {
                item.addTags(other.tags)
                for note in other.notes where !item.notes.contains(where: { $0.author == note.author && $0.text == note.text }) {
                    item.notes.append(note)
                }
                guard let theirs = other.review, theirs != item.review else { continue }
                var review = item.review ?? Review()
                let added = theirs.decisions.filter { !review.decisions.contains($0) }
                review.decisions = (review.decisions + added).sorted { $0.time < $1.time }
                review.textChanges += theirs.textChanges.filter { !review.textChanges.contains($0) }
                review.status = review.decisions.last?.status ?? review.status
                item.review = review
            }
        }
    }

    /// The tags an annotation or source carries; none for the other records.
    var tags: [String] { annotation?.tags ?? [] }
}
