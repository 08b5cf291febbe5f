import ClaimDeskCore
import Foundation

extension CommandContext {
    /// `open --journal FILE [NAME]`: a read-only look at a journal, typically one kept aside because
    /// it did not belong to its session file any more.
    ///
    /// The journal's changes go onto the session it sits beside (`sessions/harbor.journal.unmatched-…`
    /// belongs beside `sessions/harbor.json`), or onto NAME, each record taking the journal's value
    /// even where the file has it otherwise, so the user sees what the journal held. Nothing is
    /// locked or written; `save NEWNAME` keeps the result as a session of its own.
    func openJournal(_ path: String, session target: String?) throws(ShellError) -> [StyledLine] {
        let data: Data
        do { data = try host.readFile(path) } catch { throw ShellError("cannot read the journal \(path): \(error.message)") }
        let (lines, torn) = SessionRecovery.journalLines(data)

        let store = host.store
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

        var view = Workspace(session: base, analyst: workspace.analyst, clock: workspace.clock)
        for change in plan.changes { view.replay(change) }
        view.readOnlyReason = "a look at the journal \(path)"
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
        switchTo(SessionPersistence.OpenedSession(workspace: view, notices: [], journalHasHeader: false, rewriteJournal: false), notices: &output)
        let s = workspace.session
        output.insert(StyledLine("Opened the journal \(path) over \(over): \(count(plan.changes.count, "change")), "
                                 + "\(s.contentsSummary) (read-only)"), at: 0)
        return output
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
