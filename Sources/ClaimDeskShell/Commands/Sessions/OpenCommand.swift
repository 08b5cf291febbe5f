import ClaimDeskCore
import Foundation

/// `open NAME|PATH | open --journal FILE | open --find WORDS`: a saved session, a journal kept
/// aside (read-only), or the session the corpus index finds.
struct OpenCommand: ShellCommand {
    static let name = Positional("NAME", .sessionName, optional: true)
    static let journal = ValueFlag("--journal", value: "FILE", .path, "a journal file to look at (read-only)")
    static let find = ValueFlag("--find", value: "WORDS", .text, "open the session whose text holds these words (corpus index)")

    static let spec = CommandSpec(
        "open", group: CommandGroup.sessions,
        summary: "Open a saved session by name or path, or look at a journal kept aside",
        usage: "open NAME|PATH | open --journal FILE | open --find WORDS", example: "open harbor-talks",
        details: [
            "open --journal FILE opens, read-only, the session the journal sits beside with the journal's changes on it,",
            "each record as the journal left it; save NEWNAME keeps that as a session of its own.",
            "open --find WORDS searches the corpus index (corpus index builds it): one matching session opens,",
            "several are listed best first.",
        ],
        arguments: [name], flags: [journal, find])

    var target: String?
    var journal: String?
    var findWords: String?

    init(_ arguments: ParsedArguments) {
        target = arguments.text(Self.name)
        journal = arguments[Self.journal]
        findWords = arguments[Self.find]
    }

    /// Opens a session by name or path.
    init(session: String) {
        target = session
    }

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        if let journal { return try openJournal(journal, in: context) }
        if let findWords { return try openFound(findWords, in: context) }
        guard let target else { throw ShellError("open needs a session: open NAME|PATH, or open --journal FILE") }
        return try context.open(target)
    }

    /// `open --journal FILE [NAME]`: a read-only look at a journal, typically one kept aside because
    /// it did not belong to its session file any more.
    ///
    /// The journal's changes go onto the session it sits beside (`sessions/harbor.journal.unmatched-…`
    /// belongs beside `sessions/harbor.json`), or onto NAME, each record taking the journal's value
    /// even where the file has it otherwise, so the user sees what the journal held. Nothing is
    /// locked or written; `save NEWNAME` keeps the result as a session of its own.
    private func openJournal(_ journal: String, in context: CommandContext) throws(ShellError) -> [StyledLine] {
        let path = journal
        let data: Data
        do { data = try context.host.readFile(path) } catch { throw ShellError("cannot read the journal \(path): \(error.message)") }
        let (lines, torn) = SessionRecovery.journalLines(data)

        let store = context.host.store
        let name = target ?? Self.sessionBeside(journal: path)
        var location: SessionLocation? = nil
        var snapshotData: Data? = nil
        if let name {
            do {
                let found = try store.location(for: name)
                snapshotData = try store.currentSnapshot(found)
                location = found
            } catch {
                if target != nil { throw ShellError("cannot open \(name): \(error.message)") }
            }
        }
        let recovery: SessionRecovery
        do {
            recovery = try SessionRecovery(snapshot: location == nil ? nil : snapshotData, journal: lines, tornTail: torn, lenient: true)
        } catch {
            throw ShellError("cannot open \(location?.displayPath ?? path): \(error.message); the file was left untouched")
        }
        let snapshot = recovery.snapshot
        let plan = recovery.replay
        switch plan.outcome {
        case .newerVersion(let version):
            throw ShellError("\(path) was written by a newer ClaimDesk (journal version \(version)); upgrade ClaimDesk to look at it")
        case .noHeader:
            throw ShellError("\(path) is not a ClaimDesk journal (its first line is not a journal header)")
        default:
            break
        }
        guard let base = plan.base else { throw ShellError("\(path) is empty: there is nothing to look at") }

        var view = Workspace(session: base, analyst: context.workspace.analyst, clock: context.workspace.clock)
        for change in plan.changes { view.replay(change) }
        view.fixActiveArticle()
        let over = snapshot != nil ? location?.displayPath ?? "an empty session" : "an empty session"
        var notices: [StyledLine] = []
        if !plan.overridden.isEmpty {
            let shown = plan.overridden.prefix(8).joined(separator: ", ") + (plan.overridden.count > 8 ? ", …" : "")
            notices.append(StyledLine("the journal's version is shown where \(over) has these otherwise: \(shown)", .warning))
        }
        if case .damaged(let line)? = plan.stop {
            notices.append(StyledLine("warning: the journal is damaged at line \(line); the changes before it are shown", .warning))
        }
        if torn { notices.append(StyledLine("warning: the journal's last line was cut off; it was left out", .warning)) }
        notices.append(StyledLine("read-only: save NEWNAME keeps this as a session of its own", .dim))

        var output = notices
        context.switchTo(SessionPersistence.OpenedSession(
            workspace: view, place: SessionPlace(readOnlyReason: "a look at the journal \(path)"),
            notices: [], journalHasHeader: false, rewriteJournal: false), notices: &output)
        let s = context.workspace.session
        output.insert(StyledLine("Opened the journal \(path) over \(over): \(count(plan.changes.count, "change")), "
                                 + "\(s.contentsSummary) (read-only)"), at: 0)
        return output
    }

    /// `open --find WORDS`: the one session that matches opens; several are listed, best first.
    private func openFound(_ words: String, in context: CommandContext) throws(ShellError) -> [StyledLine] {
        guard case .matches(let matches) = try context.askCorpus(.find(words)) else { return [] }
        guard let best = matches.first else {
            throw ShellError("no indexed session holds \(words); corpus index refreshes the index")
        }
        if matches.count == 1 { return try context.open(best.path) }
        let width = matches.map(\.session.count).max() ?? 0
        let titleWidth = matches.map(\.title.count).max() ?? 0
        return [StyledLine("\(matches.count) sessions hold \(words), best first; open one by name:")]
            + matches.map { match in
                var line = StyledLine("  " + match.session.padding(toLength: width + 2, withPad: " ", startingAt: 0), .strong)
                line.append(match.title.padding(toLength: titleWidth, withPad: " ", startingAt: 0), .plain)
                line.append("  \(Plural.count(match.hits, "match", "matches"))  \(match.path)", .dim)
                return line
            }
    }

    /// The session a journal file sits beside: `F/NAME.journal…` belongs to `F/NAME.json`.
    static func sessionBeside(journal path: String) -> String? {
        let file = PathText.lastComponent(path)
        guard let range = file.range(of: ".journal"), range.lowerBound > file.startIndex else { return nil }
        let folder = PathText.parent(path)
        let json = String(file[..<range.lowerBound]) + ".json"
        return folder.isEmpty ? "./" + json : PathText.appending(folder, json)
    }
}
