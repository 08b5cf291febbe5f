import ClaimDeskCore

extension CommandContext {
    // MARK: - suggest

    /// The suggestions for an article, from the cache while its text and the registry are unchanged.
    func suggestions(for article: Article) -> ArticleSuggestions {
        var hasher = Hasher()
        let sources = workspace.session.orderedSources
        for source in sources {
            hasher.combine(source.name)
            hasher.combine(source.aliases)
            hasher.combine(source.kind)
        }
        let key = article.sha256 + "|\(sources.count)|\(hasher.finalize())"
        if let cached = suggestionCache[article.id], cached.key == key { return cached }
        let directory = SourceDirectory(sources.map { SourceDirectory.Entry(name: $0.name, kind: $0.kind, aliases: $0.aliases) })
        let made = ArticleSuggestions(key: key, all: AttributionSuggester(directory: directory).suggestions(in: article.content))
        suggestionCache[article.id] = made
        return made
    }

    /// Which suggestions of an article are still open: not rejected, and no claim on the article
    /// covers their content. The article's claim spans are gathered once, so a command (or a Tab)
    /// asking about every suggestion reads the session's claims once, not once per suggestion.
    func openSuggestionTest(on article: Article) -> (AttributionSuggestion) -> Bool {
        let claimed = workspace.session.orderedClaims
            .filter { $0.anchor.article == article.id && !$0.anchor.isOrphaned }
            .map { $0.fragments.map(\.range) }
        let dismissed = article.dismissedSuggestions
        return { suggestion in
            let hull = suggestion.contentHull
            if dismissed.contains(where: { $0.start == hull.lowerBound && $0.end == hull.upperBound
                && $0.exact == article.content.slice(hull) }) {
                return false
            }
            return !claimed.contains { SpanOverlap.jaccard($0, suggestion.content) >= 0.5 }
        }
    }

    /// `g3  0.92  direct-quote  Gen. Reyes via The Daily Courier: "…"`, then the cue words.
    func suggestionLines(_ suggestion: AttributionSuggestion, index: Int, in article: Article) -> [StyledLine] {
        var line = StyledLine(ArticleSuggestions.id(index).padding(toLength: 5, withPad: " ", startingAt: 0), .id)
        line.append(SuggestionListWriter.decimal(suggestion.confidence) + "  ", .strong)
        line.append(suggestion.rule + "  ", .label)
        line.appendIsolated(([suggestion.claimant ?? "(no claimant)"] + suggestion.via).joined(separator: " via "), .strong)
        line.append(": ")
        let content = suggestion.content.map { article.content.slice($0) }.joined(separator: " … ")
        line.appendIsolated(quoted(oneLine(content), limit: 160), .span(.claim))
        var detail = StyledLine("     cue: ", .dim)
        detail.appendIsolated(suggestion.cue.map { $0.map { oneLine(article.content.slice($0)) }.joined(separator: " … ") } ?? "none", .dim)
        if let source = suggestion.source?.first {
            detail.append("  source: ", .dim)
            detail.appendIsolated(oneLine(article.content.slice(source)), .dim)
        }
        return [line, detail]
    }

    /// The suggestions a command names: ids, or `all` above a confidence.
    func namedSuggestions(_ words: [String], minimum: String?, in article: Article) throws(ShellError) -> [(Int, AttributionSuggestion)] {
        let list = suggestions(for: article).all
        if words == ["all"] {
            var floor = 0.0
            if let minimum {
                guard let value = Double(minimum), value >= 0, value <= 1 else {
                    throw ShellError("--min takes a confidence from 0 to 1, for example accept all --min 0.8; not \(minimum)")
                }
                floor = value
            }
            let isOpen = openSuggestionTest(on: article)
            let open = list.enumerated().filter { isOpen($0.element) && $0.element.confidence >= floor }
            guard !open.isEmpty else { throw ShellError("no open suggestion has a confidence of \(minimum ?? "0") or more; suggest lists them") }
            return open.map { ($0.offset, $0.element) }
        }
        if minimum != nil { throw ShellError("--min goes with all: accept all --min 0.8") }
        var chosen: [(Int, AttributionSuggestion)] = []
        let isOpen = openSuggestionTest(on: article)
        for word in words {
            guard let index = ArticleSuggestions.index(word), index < list.count else {
                throw ShellError("no suggestion \(word) on \(article.id); suggest lists them")
            }
            guard isOpen(list[index]) else {
                throw ShellError("\(word) is already accepted, claimed or rejected; suggest lists the open ones")
            }
            if !chosen.contains(where: { $0.0 == index }) { chosen.append((index, list[index])) }
        }
        return chosen
    }

    // MARK: - accept and reject

    /// `accept g1 g3` / `accept all --min 0.8`: claims with claimant and chain, and mentions of their sources, in one change.
    func acceptSuggestions(_ words: [String], minimum: String?) throws(ShellError) -> [StyledLine] {
        let article = try activeArticle()
        let chosen = try namedSuggestions(words, minimum: minimum, in: article)
        let session = workspace.session
        let taxonomy = session.taxonomy
        let kind = try label(taxonomy.defaultLabel(.claimKind), .claimKind)
        let verdict = try label(taxonomy.defaultLabel(.verdict), .verdict)
        var created: [Source] = []
        var notices: [StyledLine] = []
        var claims: [Claim] = []
        var mentions: [Mention] = []
        let claimIDs = session.nextIDs(.claim, count: chosen.count)
        var mentionSpans: [(Range<Int>, AnnotationID)] = []
        for ((_, suggestion), id) in zip(chosen, claimIDs) {
            guard let first = suggestion.content.first else { continue }
            let claimant = try suggestion.claimant.map { name throws(ShellError) in try suggestedSource(name, creating: &created, notices: &notices) }
            var via: [AnnotationID] = []
            for name in suggestion.via {
                let source = try suggestedSource(name, creating: &created, notices: &notices)
                if source != claimant && !via.contains(source) { via.append(source) }
            }
            let anchor = Anchor(article: article.id, range: first, in: article.content)
            // A cue in two parts ("reported … quoting", "quoted … as saying") keeps its first, the verb.
            let cue = suggestion.cue?.first.map { Anchor(article: article.id, range: $0, in: article.content) }
            var claim = Claim(id: id, anchor: anchor, claimant: claimant, via: via, kind: kind, verdict: verdict,
                              author: workspace.analyst, created: workspace.now, cue: cue)
            // A quote split by its cue becomes one claim in fragments, as `claim SEL+SEL` makes it.
            claim.fragments = suggestion.content.map { Anchor(article: article.id, range: $0, in: article.content) }
            claims.append(claim)
            if let claimant, let span = suggestion.source?.first, !Self.isPronoun(article.content.slice(span)) {
                mentionSpans.append((span, claimant))
            }
            for (span, name) in zip(suggestion.viaSpans, suggestion.via) {
                if let source = created.first(where: { Session.sameSourceName($0.name, name) })?.id ?? lookupID(name) {
                    mentionSpans.append((span, source))
                }
            }
        }
        var seen = Set<String>()
        let unique = mentionSpans.filter { span, source in
            let key = "\(span.lowerBound)-\(span.upperBound)-\(source)"
            guard !seen.contains(key) else { return false }
            seen.insert(key)
            let anchor = Anchor(article: article.id, range: span, in: article.content)
            return !session.mentions(onSpan: anchor).contains { $0.source == source }
        }
        for ((span, source), id) in zip(unique, session.nextIDs(.mention, count: unique.count)) {
            mentions.append(Mention(id: id, anchor: Anchor(article: article.id, range: span, in: article.content), source: source,
                                    author: workspace.analyst, created: workspace.now))
        }
        let edits = created.map { Change.Edit(before: nil, after: .source($0)) }
            + claims.map { Change.Edit(before: nil, after: .claim($0)) }
            + mentions.map { Change.Edit(before: nil, after: .mention($0)) }
        let names = chosen.map { ArticleSuggestions.id($0.0) }
        try commit("accept \(names.joined(separator: " "))", edits)
        var lines = notices
        for (claim, name) in zip(claims, names) {
            var line = StyledLine(claim.id.rawValue, .id) + StyledLine(" from \(name)  claim")
            if !claim.sourceChain.isEmpty {
                line.append(" ")
                line.append(chainLine(claim))
            }
            line.append(": ")
            line.appendIsolated(quoted(claim.spanText, limit: 160), .span(.claim))
            if let cue = claim.cue {
                line.append("  cue ")
                line.appendIsolated(quoted(cue.exact, limit: 60), .span(.cue))
            }
            lines.append(line)
        }
        if !mentions.isEmpty {
            lines.append(StyledLine("and \(Plural.count(mentions.count, "mention")) of their sources (\(mentions.map(\.id.rawValue).joined(separator: " ")))", .dim))
        }
        return lines
    }

    /// `reject g4`: marks suggestions "not a claim" on the article, so they are not offered again.
    func rejectSuggestions(_ words: [String]) throws(ShellError) -> [StyledLine] {
        let article = try activeArticle()
        if words == ["all"] { throw ShellError("reject names suggestions one by one (reject g2 g5); all is only for accept") }
        let chosen = try namedSuggestions(words, minimum: nil, in: article)
        var after = article
        for (_, suggestion) in chosen {
            let hull = suggestion.contentHull
            after.dismissedSuggestions.append(DismissedSuggestion(start: hull.lowerBound, end: hull.upperBound,
                                                                  exact: article.content.slice(hull)))
        }
        let names = chosen.map { ArticleSuggestions.id($0.0) }
        try commit("reject \(names.joined(separator: " "))", [Change.Edit(before: .article(article), after: .article(after))])
        let what = names.count == 1 ? names[0] : Plural.count(names.count, "suggestion")
        return [StyledLine(what, names.count == 1 ? .id : .plain) + StyledLine("  rejected: not a claim; it will not be suggested again (undo brings it back)")]
    }

    /// The source a suggested name stands for, creating it with a kind guessed from the name.
    func suggestedSource(_ name: String, creating created: inout [Source], notices: inout [StyledLine]) throws(ShellError) -> AnnotationID {
        if let made = created.first(where: { Session.sameSourceName($0.name, name) }) { return made.id }
        if let id = lookupID(name) { return id }
        let session = workspace.session
        let id = session.nextIDs(.source, count: created.count + 1).last ?? session.nextID(.source)
        let guess = SourceKindGuess.kind(of: name)
        let kind = session.taxonomy.canonical(guess, in: .sourceKind) ?? session.taxonomy.fallbackLabel(.sourceKind)
        created.append(Source(id: id, name: name, kind: kind, author: workspace.analyst, created: workspace.now))
        var notice = StyledLine("new source ", .notice) + StyledLine(id.rawValue, .id) + StyledLine(" ", .notice)
        notice.appendIsolated("\"\(name)\"", .notice)
        notice.append(" (\(kind), guessed from the name); change it with set \(id) kind K", .notice)
        notices.append(notice)
        return id
    }

    /// A source the registry already has under this name or alias.
    func lookupID(_ name: String) -> AnnotationID? {
        if case .found(let source) = workspace.session.lookupSource(name) { return source.id }
        return nil
    }

    static func isPronoun(_ text: String) -> Bool {
        ["he", "she", "it", "they", "we", "i", "you"].contains(text.lowercased())
    }
}
