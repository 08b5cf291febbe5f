import ClaimDeskCore
import Foundation

extension CommandContext {
    // MARK: - Undo, redo

    // MARK: - Journal

    /// Appends changes to the session's journal in one write, flushed before the prompt returns.
    ///
    /// A session without a location gets an unsaved one on its first change (none for an empty
    /// list: held-back reading changes leave no file). When a write fails the changes stay in
    /// memory, the user is told, and journalling stops until a save writes a consistent snapshot.
    func journal(_ changes: [Change]) {
        guard !changes.isEmpty else { return }
        if let broken = journalBroken {
            unjournalledChanges += changes.count
            pendingNotices.append(StyledLine("warning: not journalled (\(broken)); save to keep your work", .warning))
            return
        }
        let store = host.store
        do {
            if workspace.location == nil {
                let location = store.newUnsavedLocation()
                _ = try store.lock(location)
                workspace.location = location
            }
            let location = workspace.location!
            // A new journal gets its header in the same write (and flush) as its first change.
            let header = journalStarted ? Data() : JournalCodec.encode(journalHeader)
            try store.appendJournal(changes.reduce(header) { $0 + JournalCodec.encode($1) }, at: location)
            journalStarted = true
        } catch {
            journalBroken = error.message
            unjournalledChanges += changes.count
            pendingNotices.append(StyledLine(
                "warning: could not write the journal (\(error.message)); the change is kept in memory only; save to keep your work",
                .warning))
        }
    }

    /// The journal's first line: who, when, and which snapshot the changes after it continue.
    var journalHeader: JournalCodec.Header {
        JournalCodec.Header(analyst: workspace.session.analyst, created: workspace.session.created,
                            snapshot: workspace.snapshotFingerprint)
    }

    // MARK: - Save

    /// Refuses to write over a session file that is no longer the one this shell read or wrote
    /// (another process saved it, a sync or `git pull` replaced it): that would erase its work.
    func checkUnchangedOnDisk(_ location: SessionLocation) throws(ShellError) {
        let onDisk: Data?
        do { onDisk = try host.store.currentSnapshot(location) } catch {
            throw ShellError("could not save to \(location.displayPath): \(error.message); your work is still here and in the journal")
        }
        // A file that is gone holds nothing to lose; one that appeared or changed does.
        guard let onDisk, SHA256Digest.hex(ofData: onDisk) != workspace.snapshotFingerprint else { return }
        throw ShellError("\(location.displayPath) was changed on the disk since this shell read it (another save, a sync or a copy); "
                         + "nothing was written; save NEWNAME keeps your work beside it")
    }

    // MARK: - Open

    func open(_ target: String) throws(ShellError) -> [StyledLine] {
        let store = host.store
        let location: SessionLocation
        do { location = try store.location(for: target) } catch { throw ShellError("cannot open \(target): \(error.message)") }
        if location.key == workspace.location?.key {
            throw ShellError("\(location.name) is already open")
        }
        let opened = try openSession(at: location)
        var lines = opened.notices
        switchTo(opened, notices: &lines)
        lines += reanchorEditedArticles()
        let s = workspace.session
        lines.insert(StyledLine("Opened \(location.displayPath): \(s.contentsSummary)"
                                + (workspace.readOnlyReason != nil ? " (read-only)" : "")), at: 0)
        return lines
    }

    /// Leaves the current session (releasing its lock) for an opened one.
    func switchTo(_ opened: OpenedSession, notices lines: inout [StyledLine]) {
        if let previous = workspace.location {
            if previous.isUnsaved && workspace.unsavedChanges > 0 {
                lines.insert(StyledLine("the untitled session's changes stay in its journal; sessions lists it as \(previous.name)", .dim), at: 0)
            }
            host.store.unlock(previous)
        }
        adopt(opened)
    }

    /// A session read back from its files, ready to switch to.
    struct OpenedSession {
        var workspace: Workspace
        var notices: [StyledLine]
        /// Whether the journal already starts with a header that names this snapshot.
        var journalHasHeader: Bool
        /// Whether the journal must be written anew (a torn or damaged tail was dropped, an old header).
        var rewriteJournal: Bool
    }

    /// Reads, locks and replays a session.
    ///
    /// The journal is replayed only onto the snapshot it names, and only as far as each change
    /// finds the records it replaces; a journal that belongs elsewhere is set aside untouched.
    /// Nothing beside the session is moved, emptied or rewritten unless this process holds its lock.
    func openSession(at location: SessionLocation) throws(ShellError) -> OpenedSession {
        let store = host.store
        let stored: StoredSession
        do { stored = try store.read(location) } catch { throw ShellError("cannot open \(location.name): \(error.message)") }
        let recovery: SessionRecovery
        do {
            recovery = try SessionRecovery(snapshot: stored.snapshot, journal: stored.journal, tornTail: stored.tornTail)
        } catch {
            throw ShellError("cannot open \(location.displayPath): \(error.message); the file was left untouched")
        }
        var openingNotices: [StyledLine] = []
        for finding in recovery.findings {
            switch finding {
            case .repaired(let repair):
                openingNotices.append(StyledLine("repaired \(repair)", .warning))
            case .olderVersion(let version):
                openingNotices.append(StyledLine("\(location.displayPath) is a version \(version) session; it opened unchanged"
                    + " and will be saved as version \(SessionDocument.currentVersion) (articles can now carry URL, byline and dates)", .notice))
            default:
                break
            }
        }
        let fingerprint = recovery.fingerprint
        let plan = recovery.replay
        let journalPath = stored.journalPath ?? "its journal"
        guard let base = recovery.base else {
            if plan.outcome == .otherSnapshot {
                throw ShellError("cannot open \(location.name): \(location.displayPath) is gone, and \(journalPath) continues it; "
                                 + "it was left untouched; open --journal \(journalPath) shows its changes")
            }
            throw ShellError("no session \(location.name) (\(location.displayPath)); sessions lists the saved ones")
        }

        var notices: [StyledLine] = openingNotices
        var workspace = Workspace(session: base, analyst: self.workspace.analyst, clock: self.workspace.clock)
        workspace.location = location
        workspace.snapshotFingerprint = fingerprint
        do {
            switch try store.lock(location) {
            case .acquired: break
            case .tookOver(let previous): notices.append(StyledLine("took over a stale lock left by \(previous)", .dim))
            case .heldBy(let holder):
                workspace.readOnlyReason = "being edited by \(holder)"
                notices.append(StyledLine("\(location.displayPath) is being edited by \(holder); opened read-only", .warning))
            }
        } catch {
            // Nothing can be written beside the session (a read-only folder): say so now, not at the first change.
            workspace.readOnlyReason = "cannot write beside it: \(error.message)"
            notices.append(StyledLine("\(location.displayPath) opened read-only: cannot write beside it (\(error.message)); save NAME.json elsewhere to edit a copy", .warning))
        }
        let writable = workspace.readOnlyReason == nil

        for change in plan.changes { workspace.replay(change) }
        if !plan.changes.isEmpty {
            notices.append(StyledLine("recovered \(count(plan.changes.count, "change")) from the journal; save to keep them in the session file", .notice))
        }
        if stored.tornTail && (plan.outcome == .continues || plan.outcome == .empty) {
            notices.append(StyledLine("warning: the journal's last line was cut off (an interrupted write); it was dropped", .warning))
        }
        /// Sets the journal aside when this process may; says where it is and how to look at it.
        func aside(_ reason: String) -> String {
            guard writable else { return "it was left where it is; open --journal \(journalPath) shows it" }
            guard let path = store.setJournalAside(at: location, reason: reason) else {
                // Never write over a journal that could not be moved out of the way.
                workspace.readOnlyReason = "its journal could not be set aside"
                return "it could not be set aside, so it was left where it is and the session opened read-only; "
                    + "open --journal \(journalPath) shows it"
            }
            return "it was kept as \(path); open --journal \(path) shows it"
        }
        var hasHeader = false
        var rewrite = stored.tornTail
        switch plan.outcome {
        case .empty:
            // A header alone that names another snapshot must not head this one's changes.
            hasHeader = plan.header.map { $0.namesItsSnapshot && $0.snapshot == fingerprint } ?? false
            rewrite = rewrite || (plan.header != nil && !hasHeader)
        case .continues:
            hasHeader = plan.header?.namesItsSnapshot == true
            // A version 1 header is rewritten to name the snapshot.
            rewrite = rewrite || !hasHeader
        case .alreadySaved:
            if writable { notices.append(StyledLine("the journal's changes are all in \(location.displayPath) already; it was emptied", .dim)) }
            rewrite = true
        case .otherSnapshot:
            let kept = aside("unmatched")
            notices.append(StyledLine("warning: \(journalPath) continues another version of \(location.displayPath) (the file was replaced "
                                      + "since it was written: a save elsewhere, a sync, a copy?); none of its changes were applied; "
                                      + kept, .warning))
            rewrite = false
        case .noHeader:
            let kept = aside("damaged")
            notices.append(StyledLine("warning: the journal is damaged at line 1 (no header); nothing was recovered; \(kept)", .warning))
            rewrite = false
        case .newerVersion(let version):
            if writable { workspace.readOnlyReason = "its journal is from a newer ClaimDesk" }
            notices.append(StyledLine("warning: \(journalPath) was written by a newer ClaimDesk (journal version \(version)); nothing in it "
                                      + "was applied and it was left untouched\(writable ? "; opened read-only" : ""); "
                                      + "upgrade ClaimDesk to recover its changes", .warning))
            rewrite = false
        }
        switch plan.stop {
        case .damaged(let line)?:
            let kept = aside("damaged")
            notices.append(StyledLine("warning: the journal is damaged at line \(line); changes before it were recovered, \(kept)", .warning))
            rewrite = true
        case .mismatch(let line, let summary, let record)?:
            let kept = aside("unmatched")
            notices.append(StyledLine("warning: the journal's change at line \(line) (\(summary)) expects \(record) as it was before that "
                                      + "change, but \(location.displayPath) has it otherwise; replay stopped there, changes before it "
                                      + "were recovered; " + kept, .warning))
            rewrite = true
        case .inconsistent(let line, let summary, let problem)?:
            let kept = aside("unmatched")
            notices.append(StyledLine("warning: the journal's change at line \(line) (\(summary)) would leave the session inconsistent "
                                      + "(\(problem)); replay stopped there, changes before it were recovered; " + kept, .warning))
            rewrite = true
        case nil:
            break
        }
        workspace.fixActiveArticle()
        return OpenedSession(workspace: workspace, notices: notices, journalHasHeader: hasHeader,
                             rewriteJournal: rewrite && workspace.readOnlyReason == nil)
    }

    /// Switches to an opened session and makes its journal whole again if recovery dropped a tail.
    func adopt(_ opened: OpenedSession) {
        workspace = opened.workspace
        journalBroken = nil
        unjournalledChanges = 0
        journalStarted = opened.journalHasHeader
        guard opened.rewriteJournal, let location = workspace.location else { return }
        let lines = [JournalCodec.encode(journalHeader)] + workspace.undoStack.map(JournalCodec.encode)
        do {
            try host.store.replaceJournal(lines, at: location)
            journalStarted = true
        } catch {
            journalBroken = error.message
            pendingNotices.append(StyledLine("warning: could not rewrite the journal (\(error.message)); save to keep your work", .warning))
        }
    }

    /// Opens the newest abandoned unsaved session, if any, when the shell starts without arguments.
    public func recoverAbandonedSession() -> [StyledLine] {
        guard let newest = host.store.abandonedUnsaved().first,
              let opened = try? openSession(at: newest) else { return [] }
        adopt(opened)
        return [StyledLine("Reopened the unsaved session \(newest.name) left by an earlier run", .notice)] + opened.notices
            + reanchorEditedArticles()
    }

    // MARK: - Listing and status

    static func size(_ bytes: Int) -> String {
        bytes < 1024 ? "\(bytes) B" : bytes < 1_048_576 ? "\(bytes / 1024) KB" : String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }

    // MARK: - Taxonomy

    func taxonomyShow() -> [StyledLine] {
        let taxonomy = workspace.session.taxonomy
        var lines: [StyledLine] = []
        for facet in Taxonomy.Facet.allCases {
            let name = (facet.rawValue + "s").padding(toLength: 16, withPad: " ", startingAt: 0)
            lines.append(StyledLine(name, .strong) + StyledLine(taxonomy.labels(facet).joined(separator: ", "), .label))
        }
        lines.append(StyledLine(taxonomy == .standard ? "(the default taxonomy)" : "(this session's own taxonomy)", .dim))
        return lines
    }

    /// An annotation whose label a new taxonomy would not have.
    func firstLabelOutside(_ taxonomy: Taxonomy) -> (AnnotationID, Taxonomy.Facet, String)? {
        let s = workspace.session
        func missing(_ label: String, _ facet: Taxonomy.Facet) -> Bool { taxonomy.canonical(label, in: facet) == nil }
        for source in s.orderedSources where missing(source.kind, .sourceKind) { return (source.id, .sourceKind, source.kind) }
        for claim in s.claims.values.sorted(by: { $0.id < $1.id }) {
            if missing(claim.kind, .claimKind) { return (claim.id, .claimKind, claim.kind) }
            if missing(claim.verdict, .verdict) { return (claim.id, .verdict, claim.verdict) }
        }
        for stance in s.stances.values.sorted(by: { $0.id < $1.id }) where missing(stance.label, .stanceLabel) {
            return (stance.id, .stanceLabel, stance.label)
        }
        for relation in s.relations.values.sorted(by: { $0.id < $1.id }) where missing(relation.type, .relationType) {
            return (relation.id, .relationType, relation.type)
        }
        return nil
    }
}
