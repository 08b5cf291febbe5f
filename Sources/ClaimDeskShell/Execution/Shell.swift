import ClaimDeskCore
import Foundation

/// The command interpreter: a line in, output lines or an error out.
///
/// It owns the workspace and talks to the outside world only through its
/// ``ShellHost``. Commands that change the session produce one ``Change``
/// each, which is journalled before the command returns.
public final class Shell {
    public internal(set) var workspace: Workspace
    public let host: ShellHost
    /// Batch mode (no terminal): `load -` may read standard input.
    public let batch: Bool

    public init(host: ShellHost, analyst: String, batch: Bool,
                clock: @escaping @Sendable () -> Timestamp = { Timestamp.now() }) {
        self.host = host
        self.batch = batch
        let session = Session(analyst: analyst, created: clock())
        workspace = Workspace(session: session, analyst: analyst, clock: clock)
    }

    /// Runs one command (no `;`: split lines with ``Tokenizer/splitCommands(_:)`` first).
    public func execute(_ line: String) -> ShellResult {
        var tokens: [Token]
        do {
            tokens = try Tokenizer.tokenize(line)
        } catch {
            // A command that reads the rest of the line as typed takes a stray quote as text.
            let partial = Tokenizer.tokenizePartial(line).tokens
            guard CommandCatalog.match(partial)?.spec.readsWholeLine == true else {
                return ShellResult(error: ShellError(error.message + NestedQuotes.hint(partial)))
            }
            tokens = partial
        }
        guard let first = tokens.first else { return ShellResult() }
        if first.raw.hasPrefix("#") { return ShellResult() }
        guard let (spec, consumed) = CommandCatalog.match(tokens) else {
            return ShellResult(error: unknownCommand(tokens))
        }
        do {
            let arguments = try ArgumentReader.read(
                Array(tokens[consumed...]), line: line, commandEnd: tokens[consumed - 1].range.upperBound, spec: spec)
            if spec.name == .quit { return ShellResult(quit: true) }
            let lines = try run(spec.name, arguments)
            pendingNotices += host.store.takeNotices().map { StyledLine($0, $0.hasPrefix("warning:") ? .warning : .notice) }
            defer { pendingNotices = [] }
            return ShellResult(lines: lines + pendingNotices)
        } catch {
            return ShellResult(error: ShellError(error.message + NestedQuotes.hint(tokens)))
        }
    }

    private func run(_ name: CommandName, _ a: ParsedArguments) throws(ShellError) -> [StyledLine] {
        switch name {
        case .help: return try help(a.text(0))
        case .quit: return []
        case .load: return try load(a.required(0))
        case .articles: return articles()
        case .use: return try use(a.required(0))
        case .show: return try show(a.raw(0))
        case .find: return try find(a.restOfLine)
        case .sourceAdd: return try addSource(a)
        case .sources: return sourcesList()
        case .mention: return try mention(a)
        case .claim: return try claim(a)
        case .propositionAdd: return try addProposition(a.required(0))
        case .stance: return try stance(a)
        case .link: return try link(a)
        case .tag: return try tag(a.required(0), a.words(1), adding: true)
        case .untag: return try tag(a.required(0), a.words(1), adding: false)
        case .note: return try note(a.required(0), a.required(1))
        case .set: return try set(a.required(0), field: a.required(1), value: a.required(2), rawValue: a.requiredRaw(2))
        case .rm: return try remove(a.required(0))
        case .list: return try list(a)
        case .undo: return try undo()
        case .redo: return try redo()
        case .save: return try save(a.text(0))
        case .open:
            if let journal = a.value("--journal") { return try openJournal(journal, session: a.text(0)) }
            if let words = a.value("--find") { return try openFound(words) }
            guard let target = a.text(0) else { throw ShellError("open needs a session: open NAME|PATH, or open --journal FILE") }
            return try open(target)
        case .sessions: return try sessionsList()
        case .corpusIndex: return try corpusIndex()
        case .corpusQuery: return try corpusQuery(a)
        case .corpusSources: return try corpusSources(a)
        case .status: return status()
        case .taxonomy: return taxonomyShow()
        case .taxonomyLoad: return try taxonomyLoad(a.required(0))
        case .rebase: return try rebase(article: a.text(0), file: a.required(1))
        case .reattach: return try reattach(a.required(0), a.requiredRaw(1))
        case .export: return try export(a.required(0), to: a.text(1), options: ExportOptions(includeUnaccepted: a.has("--all")))
        case .importAnnotations: return try importAnnotations(a.required(0), from: a.required(1), map: a.value("--map"))
        case .review: return try review(a)
        case .suggest: return try suggest(a.raw(0))
        case .suggestWalk: return try suggestWalk(a.raw(0))
        case .sourcesExport: return try exportSources(to: a.required(0))
        case .sourcesImport: return try importSources(from: a.required(0))
        case .accept:
            if ArticleSuggestions.names(a.words(0)) { return try acceptSuggestions(a.words(0), minimum: a.value("--min")) }
            if a.value("--min") != nil { throw ShellError("--min goes with suggestions: accept all --min 0.8") }
            try Self.refuseMixedIDs(a.words(0), verb: "accept")
            return try decide(a.words(0), status: .accepted, comment: a.value("--comment"))
        case .reject:
            if ArticleSuggestions.names(a.words(0)) { return try rejectSuggestions(a.words(0)) }
            try Self.refuseMixedIDs(a.words(0), verb: "reject")
            guard let reason = a.value("--reason"), !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ShellError("say why with --reason TEXT, for example reject c4 --reason not a claim")
            }
            return try decide(a.words(0), status: .rejected, comment: reason)
        case .reopen: return try decide(a.words(0), status: .open, comment: a.value("--comment"))
        case .diff: return try diff(a.required(0))
        case .curate: return try curate()
        case .resolve: return try resolve(a.required(0), a.required(1))
        }
    }

    /// Suggestion ids and annotation ids in one accept or reject: two different acts.
    static func refuseMixedIDs(_ words: [String], verb: String) throws(ShellError) {
        guard let suggestion = words.first(where: { ArticleSuggestions.index($0) != nil }),
              let other = words.first(where: { ArticleSuggestions.index($0) == nil }) else { return }
        throw ShellError("suggestion ids (\(suggestion)) and annotation ids (\(other)) do not mix; \(verb) them in two commands")
    }

    private func unknownCommand(_ tokens: [Token]) -> ShellError {
        let word = tokens[0].value
        let groups = ["source": "source add", "proposition": "proposition add"]
        if let full = groups[word.lowercased()] {
            return ShellError("\(word) needs a subcommand: \(CommandCatalog.spec(CommandName(rawValue: full)!).usage)")
        }
        let names = CommandCatalog.all.map(\.name.rawValue) + CommandCatalog.aliases.keys
        if let close = Suggestion.closest(to: word, in: names) {
            return ShellError("unknown command \(word); did you mean \(close)? (help lists every command)")
        }
        return ShellError("unknown command \(word); help lists every command")
    }

    // MARK: - Changing the session

    /// Applies a change and journals it; refuses when the session is read-only.
    ///
    /// A `reading` change (a loaded article) waits for the first real change before it is
    /// journalled: see ``Workspace/heldBackChanges``.
    func commit(_ summary: String, _ edits: [Change.Edit], reading: Bool = false) throws(ShellError) {
        try requireWritable()
        if let id = Session.malformedID(in: edits) {
            let kind = AnnotationKind.allCases.first { $0.prefix == id.prefix }?.plural ?? "annotations"
            throw ShellError("this session has used up its ids for \(kind) (\(id) is past \(AnnotationID.maximumNumber)); copy the work into a new session")
        }
        journal(workspace.commit(summary, edits: edits, reading: reading))
    }

    /// Refuses a change to a read-only session, and to one whose lock another process took since
    /// it was opened (its lock file deleted): from then on the session is read-only here.
    func requireWritable() throws(ShellError) {
        if workspace.readOnlyReason == nil, let location = workspace.location, let lost = host.store.confirmLock(location) {
            workspace.readOnlyReason = "lost its lock: \(lost)"
            throw ShellError("\(location.name): \(lost); nothing was changed and this shell is read-only from here; "
                             + "save NEWNAME keeps your work as a copy")
        }
        if let reason = workspace.readOnlyReason {
            throw ShellError("this session is read-only (\(reason)); save it under a new name to edit a copy")
        }
    }

    /// The columns the answer will be shown in (a terminal's width, set by the executable before
    /// each command), or nil when output is not wrapped (batch mode, a pipe). `list` fits its
    /// quotes to it.
    public var outputWidth: Int?
    /// Lines to show after the next command's output (journal trouble, recovery notices).
    var pendingNotices: [StyledLine] = []
    /// The hits of the last `find` (`f1`, `f2` …), selections until the next `find`; not saved.
    var lastFind: FindHits?
    /// Suggestions per article, kept while the article's text and the source registry are unchanged.
    var suggestionCache: [AnnotationID: ArticleSuggestions] = [:]
    /// The review pass in progress, if any: the loop reads single keys while it is set.
    public internal(set) var reviewWalk: ReviewWalk?
    /// Whether the current journal has its header line.
    var journalStarted = false
    /// Why journalling stopped, if a write failed; cleared by a successful save.
    public internal(set) var journalBroken: String?
    /// Changes kept in memory only since journalling stopped; cleared by a successful save.
    public internal(set) var unjournalledChanges = 0

    // MARK: - Helpers for commands

    /// The record under an id the command has already found; an error rather than a trap if it is gone.
    func stored(_ id: AnnotationID) throws(ShellError) -> Record {
        guard let record = workspace.session.record(id) else { throw ShellError("no annotation \(id) in this session; list shows the ids") }
        return record
    }

    /// The active article, or an error that says how to get one.
    func activeArticle() throws(ShellError) -> Article {
        guard let article = workspace.article else {
            if workspace.session.articles.isEmpty {
                throw ShellError("no article loaded; load one with load PATH")
            }
            throw ShellError("no active article; pick one with use N (articles lists them)")
        }
        return article
    }

    /// The code-point range a selection names in the active article.
    func resolve(_ raw: String, in article: Article) throws(ShellError) -> Range<Int> {
        do {
            return try selectionResolver(article).resolve(raw)
        } catch {
            throw ShellError(error.message)
        }
    }

    /// Resolves selections on an article, an annotation id standing for its (first) span.
    private func selectionResolver(_ article: Article) -> SelectionResolver {
        let session = workspace.session
        return SelectionResolver(article: article.id, text: article.content, findHits: lastFind, textDigest: article.sha256) { id in
            guard let record = session.record(id) else { return nil }
            switch record {
            case .claim(let c): return .some(c.anchor)
            case .mention(let m): return .some(m.anchor)
            case .stance(let s): return .some(s.evidence.first)
            default: return .some(nil)
            }
        }
    }

    /// An anchor over a selection of the active article: one span, for what cannot be in fragments
    /// (a cue, a piece of stance evidence).
    func anchor(_ raw: String, for what: String = "this") throws(ShellError) -> Anchor {
        let article = try activeArticle()
        guard SelectionParser.fragmentParts(raw).count == 1 else {
            throw ShellError("\(raw) names several fragments; \(what) takes one span (drop the +)")
        }
        let range = try resolve(raw, in: article)
        return Anchor(article: article.id, range: range, in: article.content)
    }

    /// The fragments of a selection of the active article, in text order: `s4:"One group"+s4:"Baghdad"`
    /// gives two, a plain selection one; a claim's or mention's id stands for all of its fragments.
    func fragments(_ raw: String) throws(ShellError) -> [Anchor] {
        let article = try activeArticle()
        let session = workspace.session
        let ranges: [Range<Int>]
        do {
            ranges = try selectionResolver(article).resolveFragments(raw) { id in
                (session.claims[id]?.fragments ?? session.mentions[id]?.fragments)?.map(\.range)
            }
        } catch {
            throw ShellError(error.message)
        }
        return ranges.map { Anchor(article: article.id, range: $0, in: article.content) }
    }
}
