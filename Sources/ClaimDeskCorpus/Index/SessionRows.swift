import ClaimDeskCore

/// A session as rows of the index's tables: a pure mapping, with no database in sight.
///
/// Sources are named in the rows beside their ids (claimant, via chain, stance holder), because
/// questions across sessions are asked by name: ids are only unique inside one session.
struct SessionRows {
    /// Rows by table name; the values follow ``CorpusSchema/columns`` (the session column comes first at insert).
    private(set) var tables: [String: [[CorpusValue]]] = [:]
    /// Text for full-text search: its row in `search`, the record it belongs to, its kind, the text.
    private(set) var search: [(row: Int64, annotation: String, kind: String, text: String)] = []
    /// A kind with more texts than its range of `search` rows holds (the session cannot be indexed).
    private(set) var overflowingKind: String?
    /// Annotations of every kind, sources included.
    private(set) var annotationCount = 0
    /// The title of the session's first article, to show in lists.
    private(set) var title: String?

    /// The rows of `session` (its name is the `sessions` row's, which the index writes), its
    /// texts numbered from `firstSearchRow` (``CorpusSchema/searchRowShift``): each kind from its
    /// own start, in the order written, and claims and notes keep the number of their text.
    init(_ session: Session, firstSearchRow: Int64 = 0) {
        var counts = [Int64](repeating: 0, count: CorpusSchema.searchKinds.count)
        var overflow: String?
        func nextRow(_ kind: String) -> Int64 {
            let place = CorpusSchema.searchKinds.firstIndex(of: kind) ?? 0
            if counts[place] >= 1 << CorpusSchema.searchKindShift { overflow = overflow ?? kind }
            defer { counts[place] += 1 }
            return firstSearchRow + (Int64(place) << CorpusSchema.searchKindShift) + counts[place] % (1 << CorpusSchema.searchKindShift)
        }
        func addSearch(_ annotation: String, _ kind: String, _ text: String) -> Int64 {
            let row = nextRow(kind)
            search.append((row, annotation, kind, text))
            return row
        }
        func text(_ s: String?) -> CorpusValue { s.map(CorpusValue.text) ?? .null }
        func int(_ n: Int) -> CorpusValue { .integer(Int64(n)) }
        func name(_ id: AnnotationID?) -> CorpusValue { text(id.flatMap { session.sources[$0]?.name }) }
        // The folded name of the claimant, so that `sources --across` groups claims by an index.
        var keys: [AnnotationID: String] = [:]
        func claimantKey(_ id: AnnotationID?) -> String? {
            guard let id, let source = session.sources[id] else { return nil }
            if let key = keys[id] { return key }
            let key = CorpusNames.key(source.name)
            keys[id] = key
            return key
        }
        func add(_ table: String, _ row: [CorpusValue]) { tables[table, default: []].append(row) }
        func shared(_ item: any Annotation) -> [CorpusValue] {
            [.text(item.author), .text(item.created.description), .text(item.modified.description), .text(item.reviewStatus.rawValue)]
        }
        func metadata(_ item: any Annotation) {
            let id = item.id.rawValue
            for tag in Set(item.tags).sorted() { add("tags", [.text(id), .text(tag)]) }
            for note in item.notes {
                let row = addSearch(id, "note", note.text)
                add("notes", [.text(id), .text(note.id.rawValue), .text(note.text), .text(note.author), .text(note.created.description),
                              .integer(row)])
            }
            for (position, decision) in (item.review?.decisions ?? []).enumerated() {
                add("review_decisions", [.text(id), int(position), .text(decision.status.rawValue), .text(decision.reviewer),
                                         .text(decision.time.description), text(decision.comment)])
            }
            if let provenance = item.provenance {
                add("provenance", [.text(id), .text(provenance.session), .text(provenance.analyst), text(provenance.id)])
            }
            annotationCount += 1
        }

        let articles = session.orderedArticles
        title = articles.first?.title
        for article in articles {
            let m = article.metadata
            add("articles", [.text(article.id.rawValue), .text(article.title), text(article.origin), text(m.url),
                             text(m.publisher?.rawValue), name(m.publisher), text(m.byline.isEmpty ? nil : m.byline.joined(separator: "; ")),
                             text(m.published), text(m.publishedDay), text(m.modified), text(m.language), .text(article.sha256),
                             int(article.text.unicodeScalars.count)])
            _ = addSearch(article.id.rawValue, "article", article.title + "\n" + article.text)
        }
        for source in session.orderedSources {
            add("sources", [.text(source.id.rawValue), .text(source.name), .text(source.kind),
                            text(source.aliases.isEmpty ? nil : source.aliases.joined(separator: "; ")), text(source.role)]
                + shared(source) + [.text(CorpusNames.key(source.name))])
            for key in Set(source.allNames.map(CorpusNames.key)) {
                add("source_names", [.text(source.id.rawValue), .text(key)])
            }
            _ = addSearch(source.id.rawValue, "source", ([source.name] + source.aliases + [source.role ?? ""]).joined(separator: "\n"))
            metadata(source)
        }
        let days = Dictionary(articles.map { ($0.id, $0.metadata.publishedDay) }, uniquingKeysWith: { first, _ in first })
        for claim in session.orderedClaims {
            let via = claim.via.map { session.sources[$0]?.name ?? $0.rawValue }
            let quoteRow = addSearch(claim.id.rawValue, "claim", claim.anchor.exact)
            add("claims", [.text(claim.id.rawValue), .text(claim.anchor.article.rawValue), int(claim.anchor.start), int(claim.anchor.end),
                           .text(claim.anchor.exact), text(claim.claimant?.rawValue), name(claim.claimant),
                           text(claim.via.isEmpty ? nil : claim.via.map(\.rawValue).joined(separator: " ")),
                           text(via.isEmpty ? nil : via.joined(separator: "; ")), .text(claim.kind),
                           claim.checkWorthy.map { .integer($0 ? 1 : 0) } ?? .null, .text(claim.verdict),
                           claim.cue.map { int($0.start) } ?? .null, claim.cue.map { int($0.end) } ?? .null, text(claim.cue?.exact),
                           .integer(claim.anchor.isOrphaned ? 1 : 0)] + shared(claim)
                           + [text(days[claim.anchor.article] ?? nil), text(claimantKey(claim.claimant)), .integer(quoteRow)])
            for (position, source) in claim.sourceChain.enumerated() {
                // Position 0 is the claimant; a claim without one starts its chain at 1.
                add("claim_chain", [.text(claim.id.rawValue), int(claim.claimant == nil ? position + 1 : position), .text(source.rawValue)])
            }
            metadata(claim)
        }
        for mention in session.orderedMentions {
            add("mentions", [.text(mention.id.rawValue), .text(mention.anchor.article.rawValue), int(mention.anchor.start),
                             int(mention.anchor.end), .text(mention.anchor.exact), .text(mention.source.rawValue)] + shared(mention))
            metadata(mention)
        }
        for proposition in session.orderedPropositions {
            add("propositions", [.text(proposition.id.rawValue), .text(proposition.text)] + shared(proposition))
            _ = addSearch(proposition.id.rawValue, "proposition", proposition.text)
            metadata(proposition)
        }
        for stance in session.orderedStances {
            let targetClaim = session.claims[stance.target]
            let targetText = session.propositions[stance.target]?.text ?? targetClaim?.anchor.exact
            let kind = targetClaim != nil ? "claim" : session.propositions[stance.target] != nil ? "proposition" : nil
            let article = stance.evidence.first?.article ?? targetClaim?.anchor.article
            let evidence = stance.evidence.map(\.exact)
            add("stances", [.text(stance.id.rawValue), .text(stance.holder.rawValue), name(stance.holder), .text(stance.label),
                            .text(stance.target.rawValue), text(kind), text(targetText), text(article?.rawValue),
                            text(evidence.isEmpty ? nil : evidence.joined(separator: " … "))] + shared(stance))
            if !evidence.isEmpty { _ = addSearch(stance.id.rawValue, "stance", evidence.joined(separator: "\n")) }
            metadata(stance)
        }
        for relation in session.orderedRelations {
            add("relations", [.text(relation.id.rawValue), .text(relation.from.rawValue), .text(relation.type),
                              .text(relation.to.rawValue)] + shared(relation))
            metadata(relation)
        }
        overflowingKind = overflow
    }

    func rows(_ table: String) -> [[CorpusValue]] { tables[table] ?? [] }
}
