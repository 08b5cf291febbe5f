import ClaimDeskCore
import Foundation

/// What a command runs in: the workspace (session, active article, clock), the host, where the
/// session is kept and its journal, and the helpers commands share (finding the active article,
/// resolving selections, committing a change).
///
/// ``Shell`` is the public face over one context; commands (``ShellCommand``) get it in
/// ``ShellCommand/run(in:)``.
public final class CommandContext {
    public internal(set) var workspace: Workspace
    public let host: ShellHost
    /// Batch mode (no terminal): `load -` may read standard input.
    public let batch: Bool
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
    /// Where the session lives, its lock and its journal.
    let persistence: SessionPersistence

    init(host: ShellHost, analyst: String, batch: Bool, clock: @escaping @Sendable () -> Timestamp) {
        self.host = host
        self.batch = batch
        persistence = SessionPersistence(store: host.store)
        let session = Session(analyst: analyst, created: clock())
        workspace = Workspace(session: session, analyst: analyst, clock: clock)
    }

    // MARK: - Running commands

    /// Runs a line that holds one command (the part of a line between `;`s).
    func execute(_ line: String) -> ShellResult {
        execute(Tokenizer.commands(line).first ?? Tokenizer.Command(text: line, tokens: [], openQuote: nil))
    }

    /// Runs one command of a line, as the tokenizer's single pass left it.
    func execute(_ command: Tokenizer.Command) -> ShellResult {
        let tokens = command.tokens
        guard let first = tokens.first else { return ShellResult() }
        if first.raw.hasPrefix("#") { return ShellResult() }
        let matched = CommandCatalog.matchCommand(tokens)
        if let open = command.openQuote, matched?.type.spec.readsWholeLine != true {
            // A command that reads the rest of the line as typed takes a stray quote as text.
            return ShellResult(error: ShellError(Tokenizer.Failure.unterminatedQuote(open).message + NestedQuotes.hint(tokens)))
        }
        guard let (type, consumed) = matched else {
            return ShellResult(error: unknownCommand(tokens))
        }
        let parsed: any ShellCommand
        do {
            let arguments = try ArgumentReader.read(
                Array(tokens[consumed...]), line: command.text, commandEnd: tokens[consumed - 1].range.upperBound, spec: type.spec)
            parsed = try type.init(arguments)
        } catch {
            return ShellResult(error: ShellError(error.message + NestedQuotes.hint(tokens)))
        }
        var result = perform(parsed)
        if let error = result.error { result.error = ShellError(error.message + NestedQuotes.hint(tokens)) }
        return result
    }

    /// Runs a command already decoded: its lines and the notices gathered meanwhile, or its error.
    func perform(_ command: any ShellCommand) -> ShellResult {
        if command is QuitCommand { return ShellResult(quit: true) }
        do {
            let lines = try command.run(in: self)
            pendingNotices += host.store.takeNotices().map { StyledLine($0, $0.hasPrefix("warning:") ? .warning : .notice) }
            defer { pendingNotices = [] }
            return ShellResult(lines: lines + pendingNotices)
        } catch {
            return ShellResult(error: error)
        }
    }

    private func unknownCommand(_ tokens: [Token]) -> ShellError {
        let word = tokens[0].value
        let families = ["source": SourceAddCommand.spec, "proposition": PropositionAddCommand.spec]
        if let family = families[word.lowercased()] {
            return ShellError("\(word) needs a subcommand: \(family.usage)")
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

    /// Refuses a change to a read-only session, or to one whose lock another process took.
    func requireWritable() throws(ShellError) {
        try persistence.requireWritable(&workspace)
    }

    /// Journals changes already applied; trouble is said after the command's output.
    func journal(_ changes: [Change]) {
        pendingNotices += persistence.journal(changes, of: &workspace)
    }

    /// Reads a session back from its files (see ``SessionPersistence/open(at:analyst:clock:)``).
    func openSession(at location: SessionLocation) throws(ShellError) -> SessionPersistence.OpenedSession {
        try persistence.open(at: location, analyst: workspace.analyst, clock: workspace.clock)
    }

    /// Makes an opened session the one worked on.
    func adopt(_ opened: SessionPersistence.OpenedSession) {
        pendingNotices += persistence.adopt(opened, into: &workspace)
    }


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
