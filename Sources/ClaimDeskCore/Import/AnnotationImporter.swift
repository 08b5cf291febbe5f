/// Places imported annotations in a session: anchors their spans, finds or creates their sources
/// (as the file describes them, when it does) and propositions, keeps the ids they had where
/// those are free in the session (fresh ones otherwise), and returns the edits of one change
/// with a report of what could not be placed.
///
/// A span goes on the article whose text has the SHA-256 the file names, else on the fallback
/// (the active) article; it is anchored by ``QuoteLocator``. Annotations already in the session
/// (same span and sources, same stance holder and target, same relation) are not added twice.
public struct AnnotationImporter {
    public let session: Session
    public let fallbackArticle: AnnotationID?
    public let analyst: String
    public let now: Timestamp

    public init(session: Session, fallbackArticle: AnnotationID?, analyst: String, now: Timestamp) {
        self.session = session
        self.fallbackArticle = fallbackArticle
        self.analyst = analyst
        self.now = now
    }

    public struct Plan: Equatable, Sendable {
        /// The edits of the change, sources and propositions first.
        public var edits: [Change.Edit] = []
        /// Ids given to the imported annotations, in file order.
        public var imported: [AnnotationID] = []
        /// Sources the import created.
        public var newSources: [Source] = []
        /// Spans that could not be placed: `c7 “a swift response” (not in a1)`.
        public var notAnchored: [String] = []
        /// Annotations left out for other reasons: `st2: the stance label "maybe" is not in the taxonomy`.
        public var skipped: [String] = []
        /// Annotations already in the session.
        public var alreadyPresent: [AnnotationID] = []
        /// Values of imported annotations that were not taken as the file gave them.
        public var warnings: [String] = []
    }

    public func plan(_ items: [ImportedAnnotation]) -> Plan {
        var work = Work(importer: self, session: session)
        work.plan.warnings = items.flatMap(\.problems)
        for item in items {
            for entry in item.sources where work.described[Session.sourceKey(entry.name)] == nil {
                work.described[Session.sourceKey(entry.name)] = entry
            }
            var refs = [item.ref] + item.sources.compactMap(\.ref)
            refs += item.propositions.map(\.ref)
            for ref in refs {
                let original = AnnotationID(W3CImporter.lastPart(ref))
                if original.kind != nil, session.record(original) == nil { work.wanted.insert(original) }
            }
        }
        func isKind(_ item: ImportedAnnotation, _ index: Int) -> Bool {
            switch item.kind {
            case .claim, .mention: index == 0
            case .stance: index == 1
            case .relation: index == 2
            case .review: index == 3
            }
        }
        // Spans first, so stances, relations and review decisions can point at what they became.
        for pass in 0..<4 {
            for item in items where isKind(item, pass) { work.add(item) }
        }
        return work.plan
    }

    /// A value, or why there is none.
    enum Outcome<Value> {
        case ok(Value)
        case no(String)
    }

    struct Work {
        let importer: AnnotationImporter
        var session: Session
        var plan = Plan()
        /// What each ref of the file became.
        var placed: [String: AnnotationID] = [:]
        var propositionsByRef: [String: AnnotationID] = [:]
        /// Sources as the file describes them, by folded name.
        var described: [String: ImportedSource] = [:]
        /// The file's own ids that are free in the session: a fresh id never takes one of them,
        /// so one id already taken does not push every later annotation off its own.
        var wanted: Set<AnnotationID> = []
        let articlesBySHA: [String: AnnotationID]
        /// One re-anchoring index per article, built once for the whole import.
        let locators: [AnnotationID: QuoteLocator]

        init(importer: AnnotationImporter, session: Session) {
            self.importer = importer
            self.session = session
            var bySHA: [String: AnnotationID] = [:]
            var locators: [AnnotationID: QuoteLocator] = [:]
            for article in session.orderedArticles {
                let sha = SHA256Digest.hex(of: article.text)
                if bySHA[sha] == nil { bySHA[sha] = article.id }
                locators[article.id] = QuoteLocator(article.content)
            }
            articlesBySHA = bySHA
            self.locators = locators
        }

        var taxonomy: Taxonomy { session.taxonomy }

        /// The id the file gave (the last part of `ref`) when it names this kind and nothing in
        /// the session has it yet; else the next fresh id that is not another annotation's own.
        func id(_ kind: AnnotationKind, from ref: String?) -> AnnotationID {
            if let ref {
                let original = AnnotationID(W3CImporter.lastPart(ref))
                if original.kind == kind, session.record(original) == nil { return original }
            }
            var fresh = session.nextID(kind)
            while wanted.contains(fresh) || session.record(fresh) != nil, let number = fresh.number {
                fresh = AnnotationID(kind: kind, number: number + 1)
            }
            return fresh
        }

        mutating func record(_ record: Record) {
            plan.edits.append(Change.Edit(before: nil, after: record))
            session.put(record)
        }

        mutating func replace(_ before: Record, with after: Record) {
            plan.edits.append(Change.Edit(before: before, after: after))
            session.put(after)
        }

        /// A short quote for messages.
        static func excerpt(_ text: String) -> String {
            let flat = text.split(whereSeparator: { $0.isNewline }).joined(separator: " ")
            return "“" + flat.shortened(to: 50) + "”"
        }

        /// The anchor of a span, or the reason it has none.
        func anchor(_ span: ImportedSpan) -> Outcome<Anchor> {
            let onSameText = span.textSHA256.flatMap { articlesBySHA[$0] }
            guard let articleID = onSameText ?? importer.fallbackArticle, let article = session.articles[articleID] else {
                return .no("no article to place it on; load the article and make it active")
            }
            var quote = span.quote
            if quote.exact.isEmpty {
                // A position alone is trusted only on the very text it was made on.
                guard onSameText != nil, let start = quote.start, let end = quote.end, start >= 0, start < end, end <= article.content.count else {
                    return .no("it gives a position but no quote, and was made on another text")
                }
                quote.exact = article.content.slice(start..<end)
            }
            switch (locators[article.id] ?? QuoteLocator(article.content)).locate(quote) {
            case .found(let range): return .ok(Anchor(article: article.id, range: range, in: article.content))
            case .notFound: return .no("not in \(article.id)")
            case .ambiguous(let count): return .no("\(count) equally likely places in \(article.id)")
            }
        }

        /// A proposition by the file's ref, else by text (case-blind); a new one, with its own id
        /// and the author and times the file gives, when there is none. Nil for an empty text.
        mutating func proposition(ref: String?, text: String, of item: ImportedAnnotation) -> AnnotationID? {
            if let ref, let id = propositionsByRef[ref] { return id }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            let found: AnnotationID
            if let same = session.propositions.values.first(where: { $0.text.caseInsensitiveCompare(trimmed) == .orderedSame }) {
                found = same.id
            } else if !trimmed.isEmpty {
                let embedded = item.propositions.first { $0.ref == ref }
                var proposition = Proposition(id: id(.proposition, from: ref), text: trimmed, author: embedded?.author ?? importer.analyst,
                                              created: embedded?.created ?? importer.now)
                proposition.modified = embedded?.modified ?? proposition.created
                record(.proposition(proposition))
                found = proposition.id
            } else {
                return nil
            }
            if let ref { propositionsByRef[ref] = found }
            return found
        }

        /// A source by exact name or alias; a new one (kind other) when there is none.
        mutating func source(named typed: String) -> AnnotationID? {
            let name = typed.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty else { return nil }
            let key = Session.sourceKey(name)
            if let found = session.orderedSources.first(where: { $0.allNames.contains { Session.sourceKey($0) == key } }) {
                return found.id
            }
            let entry = described[key]
            // A kind the session's taxonomy lacks falls back, as a bare name's does.
            let kind = entry?.kind.flatMap { taxonomy.canonical($0, in: .sourceKind) } ?? taxonomy.fallbackLabel(.sourceKind)
            var source = Source(id: id(.source, from: entry?.ref), name: name, kind: kind, author: entry?.author ?? importer.analyst,
                                created: entry?.created ?? importer.now)
            if let entry {
                source.aliases = entry.aliases.filter { !$0.isEmpty && Session.sourceKey($0) != key }
                source.role = entry.role.flatMap { $0.isEmpty ? nil : $0 }
            }
            record(.source(source))
            plan.newSources.append(source)
            return source.id
        }

        func label(_ value: String?, _ facet: Taxonomy.Facet) -> Outcome<String> {
            guard let value, !value.isEmpty else { return .ok(taxonomy.defaultLabel(facet)) }
            if let canonical = taxonomy.canonical(value, in: facet) { return .ok(canonical) }
            return .no("the \(facet.rawValue) \"\(value)\" is not in the session's taxonomy (\(taxonomy.labels(facet).joined(separator: ", ")))")
        }

        /// Tags as the shell takes them: single words, no `#`.
        static func tags(_ values: [String]) -> [String] {
            values.flatMap { $0.split(whereSeparator: { $0 == "," || $0.isWhitespace }) }
                .map { String($0).trimmingCharacters(in: .init(charactersIn: "#")) }.filter { !$0.isEmpty }
        }

        mutating func decorate<T: Annotation>(_ value: inout T, _ item: ImportedAnnotation) {
            value.author = item.author ?? importer.analyst
            value.created = item.created ?? importer.now
            value.modified = item.modified ?? value.created
            value.addTags(Self.tags(item.tags))
            for note in item.notes where !note.text.isEmpty {
                let id = session.nextID(.note)
                session.counters[id.prefix.description] = id.number
                value.notes.append(Note(id: id, text: note.text, author: note.author ?? value.author, created: note.created ?? value.created))
            }
        }

        /// The anchors of an item's spans, its fragments in text order, or nil after reporting why
        /// they cannot be placed: a span that is not found, fragments on different articles or
        /// fragments that overlap.
        mutating func fragments(_ item: ImportedAnnotation) -> [Anchor]? {
            guard !item.spans.isEmpty else {
                plan.notAnchored.append("\(item.label) (it targets no text span)")
                return nil
            }
            var anchors: [Anchor] = []
            for span in item.spans {
                switch anchor(span) {
                case .ok(let anchor): anchors.append(anchor)
                case .no(let why):
                    plan.notAnchored.append("\(item.label) \(Self.excerpt(span.quote.exact)) (\(why))")
                    return nil
                }
            }
            anchors.sort { ($0.start, $0.end) < ($1.start, $1.end) }
            if let first = anchors.first, anchors.contains(where: { $0.article != first.article }) {
                plan.notAnchored.append("\(item.label) (its fragments were found in different articles)")
                return nil
            }
            if zip(anchors, anchors.dropFirst()).contains(where: { $1.start < $0.end }) {
                plan.notAnchored.append("\(item.label) (its fragments overlap)")
                return nil
            }
            return anchors
        }

        mutating func add(_ item: ImportedAnnotation) {
            switch item.kind {
            case .claim(let kind, let verdict, let checkWorthy, let claimant, let via):
                guard let fragments = fragments(item), let anchor = fragments.first else { return }
                let kindLabel: String, verdictLabel: String
                switch (label(kind, .claimKind), label(verdict, .verdict)) {
                case (.ok(let k), .ok(let v)): (kindLabel, verdictLabel) = (k, v)
                case (.no(let why), _), (_, .no(let why)):
                    plan.skipped.append("\(item.label): \(why)")
                    return
                }
                let claimantID = claimant.flatMap { source(named: $0) }
                let viaIDs = via.compactMap { source(named: $0) }
                if let same = session.claims(onFragments: fragments).first(where: { $0.claimant == claimantID && $0.via == viaIDs }) {
                    placed[item.ref] = same.id
                    plan.alreadyPresent.append(same.id)
                    return
                }
                var claim = Claim(id: id(.claim, from: item.ref), anchor: anchor, claimant: claimantID, via: viaIDs, kind: kindLabel,
                                  checkWorthy: checkWorthy, verdict: verdictLabel, author: importer.analyst, created: importer.now)
                claim.fragments = fragments
                if let span = item.cue {
                    // A cue that cannot be placed beside its claim is reported; the claim comes in without it.
                    switch self.anchor(span) {
                    case .ok(let cue) where cue.article == anchor.article: claim.cue = cue
                    case .ok(let cue): plan.notAnchored.append("\(item.label) cue \(Self.excerpt(span.quote.exact)) (found in \(cue.article), not beside its claim in \(anchor.article))")
                    case .no(let why): plan.notAnchored.append("\(item.label) cue \(Self.excerpt(span.quote.exact)) (\(why))")
                    }
                }
                decorate(&claim, item)
                record(.claim(claim))
                placed[item.ref] = claim.id
                plan.imported.append(claim.id)

            case .mention(let sourceName):
                guard let fragments = fragments(item), let anchor = fragments.first else { return }
                guard let sourceID = source(named: sourceName ?? fragments.map(\.exact).joined(separator: " ")) else {
                    plan.skipped.append("\(item.label): the mention names no source")
                    return
                }
                if let same = session.mentions(onFragments: fragments).first(where: { $0.source == sourceID }) {
                    placed[item.ref] = same.id
                    plan.alreadyPresent.append(same.id)
                    return
                }
                var mention = Mention(id: id(.mention, from: item.ref), anchor: anchor, source: sourceID, author: importer.analyst, created: importer.now)
                mention.fragments = fragments
                decorate(&mention, item)
                record(.mention(mention))
                placed[item.ref] = mention.id
                plan.imported.append(mention.id)

            case .stance(let labelValue, let holderName, let target):
                let stanceLabel: String
                switch label(labelValue.isEmpty ? nil : labelValue, .stanceLabel) {
                case .ok(let l): stanceLabel = l
                case .no(let why):
                    plan.skipped.append("\(item.label): \(why)")
                    return
                }
                let targetID: AnnotationID
                switch target {
                case .annotation(let ref):
                    guard let id = placed[ref], id.kind == .claim else {
                        plan.skipped.append("\(item.label): its target \(W3CImporter.lastPart(ref)) is not a claim imported from this file")
                        return
                    }
                    targetID = id
                case .proposition(let ref, let text):
                    guard let found = proposition(ref: ref, text: text, of: item) else {
                        plan.skipped.append("\(item.label): its proposition has no text")
                        return
                    }
                    targetID = found
                }
                var evidence: [Anchor] = []
                for span in item.spans {
                    switch self.anchor(span) {
                    case .ok(let a): evidence.append(a)
                    case .no(let why): plan.notAnchored.append("\(item.label) evidence \(Self.excerpt(span.quote.exact)) (\(why))")
                    }
                }
                guard let holder = source(named: holderName) else {
                    plan.skipped.append("\(item.label): the stance names no holder")
                    return
                }
                if let same = session.stances.values.first(where: { $0.holder == holder && $0.target == targetID }) {
                    if same.label == stanceLabel {
                        placed[item.ref] = same.id
                        plan.alreadyPresent.append(same.id)
                    } else {
                        plan.skipped.append("\(item.label): \(holderName) already has a stance on \(targetID) (\(same.id), \(same.label))")
                    }
                    return
                }
                var stance = Stance(id: id(.stance, from: item.ref), holder: holder, label: stanceLabel, target: targetID, evidence: evidence,
                                    author: importer.analyst, created: importer.now)
                decorate(&stance, item)
                record(.stance(stance))
                placed[item.ref] = stance.id
                plan.imported.append(stance.id)

            case .relation(let typeValue, let fromRef, let toRef):
                guard !typeValue.isEmpty else {
                    plan.skipped.append("\(item.label): the link has no relation type")
                    return
                }
                let type: String
                switch label(typeValue, .relationType) {
                case .ok(let t): type = t
                case .no(let why):
                    plan.skipped.append("\(item.label): \(why)")
                    return
                }
                func end(_ ref: String) -> AnnotationID? {
                    if let id = placed[ref] ?? propositionsByRef[ref] { return id }
                    // A proposition the file embeds, which no stance has brought in yet.
                    return item.propositions.first { $0.ref == ref }.flatMap { proposition(ref: ref, text: $0.text, of: item) }
                }
                guard let from = end(fromRef), let to = end(toRef) else {
                    let missing = placed[fromRef] == nil ? fromRef : toRef
                    plan.skipped.append("\(item.label): it links \(W3CImporter.lastPart(missing)), which was not imported")
                    return
                }
                guard from != to else {
                    plan.skipped.append("\(item.label): it links \(from) to itself")
                    return
                }
                if let same = session.relations.values.first(where: { $0.from == from && $0.to == to && $0.type == type }) {
                    plan.alreadyPresent.append(same.id)
                    return
                }
                var relation = Relation(id: id(.relation, from: item.ref), from: from, type: type, to: to, author: importer.analyst, created: importer.now)
                decorate(&relation, item)
                record(.relation(relation))
                placed[item.ref] = relation.id
                plan.imported.append(relation.id)
            case .review(let statusValue, let comment, let onRef):
                guard let status = ReviewStatus(rawValue: statusValue) else {
                    plan.skipped.append("\(item.label): \(statusValue) is not a review status (open, accepted, rejected)")
                    return
                }
                guard let id = placed[onRef], let before = session.record(id) else {
                    plan.skipped.append("\(item.label): it reviews \(W3CImporter.lastPart(onRef)), which was not imported")
                    return
                }
                let decision = ReviewDecision(status: status, reviewer: item.author ?? importer.analyst,
                                              time: item.created ?? importer.now, comment: comment)
                if before.review?.decisions.contains(decision) == true { return }
                guard let after = before.updatingReview({ $0.decide(decision) }) else {
                    plan.skipped.append("\(item.label): \(id) is not reviewed (only claims, mentions, stances and relations are)")
                    return
                }
                replace(before, with: after)
            }
        }
    }
}
