import ClaimDeskCore

/// Tab completion as a pure function of the line, the cursor and the session.
///
/// It completes command names, flags, source names and aliases, ids, labels,
/// tags, session names and file paths, by what the command's spec says the
/// word under the cursor is.
public struct Completer {
    let session: Session
    /// Folder listing for path completion (names, folders ending in `/`).
    let listFolder: (String) -> [String]
    /// Saved session names for `open` and `save`.
    let sessionNames: () -> [String]
    /// The open suggestions of the active article (`g1`…), for `accept` and `reject`.
    let suggestionIDs: () -> [String]
    /// The hits of the last find on the active article (`f1`…), offered where a selection goes.
    let findHits: [String]

    public init(session: Session, listFolder: @escaping (String) -> [String], sessionNames: @escaping () -> [String],
                suggestionIDs: @escaping () -> [String] = { [] }, findHits: [String] = []) {
        self.session = session
        self.listFolder = listFolder
        self.sessionNames = sessionNames
        self.suggestionIDs = suggestionIDs
        self.findHits = findHits
    }

    public func complete(line: String, cursor: Int) -> Completion {
        let before = String(line.prefix(max(0, cursor)))
        let (tokens, openQuote) = Tokenizer.tokenizePartial(before)
        let atNewWord = openQuote == nil && (before.last.map(\.isWhitespace) ?? true)
        let previous = atNewWord ? tokens : Array(tokens.dropLast())
        let current = atNewWord ? nil : tokens.last
        let word = current?.value ?? ""
        let start = current?.range.lowerBound ?? before.count
        let quotedWord = current.map { $0.raw.hasPrefix("\"") || $0.raw.hasPrefix("'") } ?? false

        func result(_ options: [String], kind: ArgumentKind? = nil) -> Completion {
            // Source names match as lookup does, across case and Arabic-script spelling variants.
            let matching = kind == .source
                ? options.filter { Session.sourceName($0, startsWith: word) }
                : options.filter { $0.lowercased().hasPrefix(word.lowercased()) }
            var unique: [String] = []
            for option in matching where !unique.contains(option) { unique.append(option) }
            let rendered = unique.map { option -> String in
                let needsQuotes = option.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == ";" }) || quotedWord
                guard needsQuotes, kind != .path else { return option }
                return "\"" + option.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
            }
            return Completion(start: start, word: current?.raw ?? "", candidates: kind == .path ? rendered : rendered.sorted())
        }

        // The command name itself.
        if previous.isEmpty { return result(CommandCatalog.firstWords) }
        // The second word of two-word commands.
        if previous.count == 1 {
            let first = previous[0].value.lowercased()
            let seconds = CommandCatalog.all.filter { $0.words.count == 2 && $0.words[0] == first }.map { $0.words[1] }
            if !seconds.isEmpty { return result(seconds) }
        }
        guard let (spec, consumed) = CommandCatalog.match(previous) else { return result([]) }
        let arguments = Array(previous[consumed...])

        // A flag name.
        if word.hasPrefix("-") && !quotedWord {
            let used = Set(arguments.filter(\.isFlag).map(\.raw))
            return result(spec.flags.filter { $0.repeatable || !used.contains($0.name) }.map(\.name))
        }
        // A source name typed in several words without quotes (`--by The N`): the words so far are its prefix.
        if !quotedWord, let words = unquotedSourceWords(arguments, spec: spec), let first = words.first {
            let typed = (words.map(\.value) + [word]).joined(separator: " ")
            let names = session.orderedSources.flatMap(\.allNames).filter { Session.sourceName($0, startsWith: typed) }
            var unique: [String] = []
            for name in names where !unique.contains(name) { unique.append(name) }
            let rendered = unique.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
            return Completion(start: first.range.lowerBound, word: String(before.dropFirst(first.range.lowerBound)),
                              candidates: rendered.sorted())
        }
        // The value of a flag.
        if let last = arguments.last, last.isFlag, let flag = spec.flag(last.raw), flag.takesValue {
            return result(options(for: flag.kind, word: word), kind: flag.kind)
        }
        // A positional argument: count the positional words before the cursor.
        var position = 0
        var index = 0
        while index < arguments.count {
            if arguments[index].isFlag, let flag = spec.flag(arguments[index].raw), flag.takesValue {
                index += 2
                continue
            }
            if !arguments[index].isFlag { position += 1 }
            index += 1
        }
        guard !spec.arguments.isEmpty else { return result([]) }
        let argument = spec.arguments[min(position, spec.arguments.count - 1)]
        if position >= spec.arguments.count && spec.arguments.last?.rest != true { return result([]) }
        if spec.name == SetCommand.spec.name && position == 1 {
            return result(fields(for: arguments.first?.value ?? ""))
        }
        if spec.name == AcceptCommand.spec.name || spec.name == RejectCommand.spec.name {
            let suggestions = suggestionIDs() + (spec.name == AcceptCommand.spec.name && position == 0 ? ["all"] : [])
            return result(options(for: argument.kind, word: word) + suggestions, kind: argument.kind)
        }
        return result(options(for: argument.kind, word: word), kind: argument.kind)
    }

    /// The unquoted words already typed of a source value that takes several words: after a
    /// source flag (`--by The New`), or the source that ends a command (`mention s3 The New`).
    /// Nil when the word being typed starts the value.
    func unquotedSourceWords(_ arguments: [Token], spec: CommandSpec) -> [Token]? {
        var words: ArraySlice<Token>
        if let flagIndex = arguments.lastIndex(where: \.isFlag) {
            guard let flag = spec.flag(arguments[flagIndex].raw), flag.takesValue, flag.kind == .source else { return nil }
            words = arguments[(flagIndex + 1)...]
        } else {
            guard let last = spec.arguments.last, last.rest, last.kind == .source else { return nil }
            words = arguments.dropFirst(spec.arguments.count - 1)
        }
        guard !words.isEmpty, words.allSatisfy({ !$0.quoted }) else { return nil }
        return Array(words)
    }

    func options(for kind: ArgumentKind, word: String) -> [String] {
        switch kind {
        case .source:
            return session.orderedSources.flatMap(\.allNames)
        case .id(let kinds):
            var ids: [AnnotationID] = []
            for kind in kinds {
                switch kind {
                case .article: ids += session.articles.keys
                case .source: ids += session.sources.keys
                case .mention: ids += session.mentions.keys
                case .claim: ids += session.claims.keys
                case .proposition: ids += session.propositions.keys
                case .stance: ids += session.stances.keys
                case .relation: ids += session.relations.keys
                case .note: ids += allNotes().map(\.id)
                case .conflict: ids += session.conflicts.keys
                }
            }
            var words = ids.sorted().map(\.rawValue)
            if kinds == [.article] { words += session.articles.keys.compactMap(\.number).sorted().map(String.init) }
            return words
        case .label(let facet):
            return session.taxonomy.labels(facet)
        case .path:
            return paths(word)
        case .sessionName:
            return sessionNames()
        case .command:
            return CommandCatalog.all.map { $0.words[0] }
        case .tag:
            return allTags()
        case .choice(let words):
            return words
        case .selection:
            return (session.claims.keys.map(\.rawValue) + session.mentions.keys.map(\.rawValue)).sorted() + findHits
        case .text, .number:
            return []
        }
    }

    /// Fields `set` takes for the kind of the id typed before.
    func fields(for typed: String) -> [String] {
        if typed.lowercased() == "session" { return SessionSettings.names }
        switch AnnotationID(typed).kind {
        case .claim?: return ["span", "by", "via", "cue", "kind", "verdict", "check-worthy"]
        case .source?: return ["name", "kind", "aliases", "role"]
        case .mention?: return ["span", "source"]
        case .stance?: return ["holder", "label", "target"]
        case .proposition?: return ["text"]
        case .relation?: return ["type"]
        case .article?: return CommandContext.articleFields
        default: return []
        }
    }

    /// Paths that extend the typed one: the folder part kept, names from the listing.
    func paths(_ word: String) -> [String] {
        let folder: String
        if let slash = word.lastIndex(of: "/") {
            folder = String(word[...slash])
        } else {
            folder = ""
        }
        return listFolder(folder.isEmpty ? "." : folder)
            .filter { !$0.hasPrefix(".") || word.split(separator: "/").last?.hasPrefix(".") == true }
            .map { folder + $0 }
    }

    func allTags() -> [String] {
        var tags = Set<String>()
        for s in session.sources.values { tags.formUnion(s.tags) }
        for c in session.claims.values { tags.formUnion(c.tags) }
        for m in session.mentions.values { tags.formUnion(m.tags) }
        for p in session.propositions.values { tags.formUnion(p.tags) }
        for s in session.stances.values { tags.formUnion(s.tags) }
        for r in session.relations.values { tags.formUnion(r.tags) }
        return tags.sorted()
    }

    func allNotes() -> [Note] {
        var notes: [Note] = session.sources.values.flatMap(\.notes)
        notes += session.claims.values.flatMap(\.notes)
        notes += session.mentions.values.flatMap(\.notes)
        notes += session.propositions.values.flatMap(\.notes)
        notes += session.stances.values.flatMap(\.notes)
        notes += session.relations.values.flatMap(\.notes)
        return notes
    }
}

extension CommandContext {
    /// What Tab offers at `cursor` (in Characters) in `line`.
    public func complete(line: String, cursor: Int) -> Completion {
        let store = host.store
        let completer = Completer(
            session: workspace.session,
            listFolder: { [host] in host.directoryEntries($0) },
            sessionNames: { store.names() },
            // Worked out only when Tab is after accept or reject, not on every Tab.
            suggestionIDs: { [self] in
                guard let article = workspace.article else { return [] }
                let list = suggestions(for: article).all
                let isOpen = openSuggestionTest(on: article)
                return list.indices.filter { isOpen(list[$0]) }.map(ArticleSuggestions.id)
            },
            findHits: lastFind.flatMap { found in
                found.article == workspace.activeArticle ? found.ranges.indices.prefix(200).map(FindHits.name) : nil
            } ?? [])
        return completer.complete(line: line, cursor: cursor)
    }
}
