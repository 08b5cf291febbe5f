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

    /// The active article's open suggestions, as indices into all of its suggestions, within a
    /// selection when one is given: what `suggest` lists and `suggest walk` walks.
    func openSuggestions(within selection: String?) throws(ShellError) -> (article: Article, all: [AttributionSuggestion], open: [Int]) {
        let article = try activeArticle()
        let within = try selection.map { value throws(ShellError) in try resolve(value, in: article) }
        let all = suggestions(for: article).all
        let isOpen = openSuggestionTest(on: article)
        let open = all.indices.filter { index in
            isOpen(all[index]) && (within.map { all[index].contentHull.overlaps($0) } ?? true)
        }
        return (article, all, open)
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
