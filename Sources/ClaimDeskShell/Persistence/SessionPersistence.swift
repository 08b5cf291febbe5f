import ClaimDeskCore
import Foundation

/// Where the session lives and how its work reaches the disk: the lock, the journal (whether it has
/// its header, why it broke, how many changes are kept in memory only), saving and opening.
///
/// It keeps the worked-on session's ``SessionPlace`` (location, read-only reason, snapshot
/// fingerprint); commands reach it through ``CommandContext``. Opening recovers through
/// ``SessionRecovery`` (Core) and adds what only a process that may write can do: take the lock, set a journal aside, rewrite it.
final class SessionPersistence {
    let store: SessionStore
    /// Where the worked-on session lives and whether it may be written.
    private(set) var place = SessionPlace()
    /// Whether the current journal has its header line.
    private(set) var journalStarted = false
    /// Why journalling stopped, if a write failed; cleared by a successful save.
    var journalBroken: String?
    /// Changes kept in memory only since journalling stopped; cleared by a successful save.
    var unjournalledChanges = 0
    /// The opened session's encoding for the first save to copy from (see ``adopt(_:into:)``):
    /// waiting for the opening's output to be shown, then under way on another thread; none once
    /// a save took its place, or for a session this process may not write.
    private var warmUp = WarmUp.none

    private enum WarmUp {
        case none
        /// Adopted, not started yet (``startWarmUp()``).
        case waiting(Session)
        case started(BackgroundWork<SessionEncodingCache>)
    }

    init(store: SessionStore) {
        self.store = store
    }

    /// A session read back from its files, ready to switch to.
    struct OpenedSession {
        var workspace: Workspace
        var place: SessionPlace
        var notices: [StyledLine]
        /// Whether the journal already starts with a header that names this snapshot.
        var journalHasHeader: Bool
        /// Whether the journal must be written anew (a torn or damaged tail was dropped, an old header).
        var rewriteJournal: Bool
    }

    /// Refuses a change to a read-only session, and to one whose lock another process took since
    /// it was opened (its lock file deleted): from then on the session is read-only here.
    func requireWritable(_ workspace: inout Workspace) throws(ShellError) {
        if place.readOnlyReason == nil, let location = place.location, let lost = store.confirmLock(location) {
            place.readOnlyReason = "lost its lock: \(lost)"
            throw ShellError("\(location.name): \(lost); nothing was changed and this shell is read-only from here; "
                             + "save NEWNAME keeps your work as a copy")
        }
        if let reason = place.readOnlyReason {
            throw ShellError("this session is read-only (\(reason)); save it under a new name to edit a copy")
        }
    }

    /// Appends changes to the session's journal in one write, flushed before the prompt returns.
    ///
    /// A session without a location gets an unsaved one on its first change (none for an empty
    /// list: held-back reading changes leave no file). When a write fails the changes stay in
    /// memory, the user is told, and journalling stops until a save writes a consistent snapshot.
    func journal(_ changes: [Change], of workspace: inout Workspace) -> [StyledLine] {
        guard !changes.isEmpty else { return [] }
        if let broken = journalBroken {
            unjournalledChanges += changes.count
            return [StyledLine("warning: not journalled (\(broken)); save to keep your work", .warning)]
        }
        do {
            if place.location == nil {
                let location = store.newUnsavedLocation()
                _ = try store.lock(location)
                place.location = location
            }
            guard let location = place.location else { return [] }
            // A new journal gets its header in the same write (and flush) as its first change.
            let header = journalStarted ? Data() : JournalCodec.encode(header(of: workspace))
            try store.appendJournal(changes.reduce(header) { $0 + JournalCodec.encode($1) }, at: location)
            journalStarted = true
        } catch {
            journalBroken = error.message
            unjournalledChanges += changes.count
            return [StyledLine(
                "warning: could not write the journal (\(error.message)); the change is kept in memory only; save to keep your work",
                .warning)]
        }
        return []
    }

    /// The journal's first line: who, when, and which snapshot the changes after it continue.
    func header(of workspace: Workspace) -> JournalCodec.Header {
        JournalCodec.Header(analyst: workspace.session.analyst, created: workspace.session.created,
                            snapshot: place.snapshotFingerprint)
    }

    /// Writes the session's snapshot to where it lives, or to NAME (taking that file's lock and
    /// leaving the old one's), and starts a fresh journal.
    func save(_ workspace: inout Workspace, to target: String?) throws(ShellError) -> [StyledLine] {
        let current = place.location
        let location: SessionLocation
        if let target {
            do { location = try store.location(for: target) } catch { throw ShellError("cannot save to \(target): \(error.message)") }
        } else if let current, !current.isUnsaved {
            location = current
        } else {
            throw ShellError("this session has no name yet; save it with save NAME (it lands in the sessions folder)")
        }
        let sameAsCurrent = location.key == current?.key
        // Also notices a lock taken by another process after its file was deleted.
        if sameAsCurrent { try requireWritable(&workspace) }
        var session = workspace.session
        session.name = location.name
        // Encoded on another core while the file on disk is checked (and a new name locked).
        let encoding = encode(session, cache: workspace.encodingCache)
        if sameAsCurrent { try checkUnchangedOnDisk(location, of: workspace) }
        // Only the lock holder may remove the journal of the session it came from (a read-only copy never does).
        let ownsCurrent = place.readOnlyReason == nil
        var lockNote: StyledLine? = nil
        if !sameAsCurrent {
            if store.exists(location) {
                throw ShellError("\(location.displayPath) exists already; choose another name, or open it to work on it")
            }
            let outcome: LockOutcome
            do { outcome = try store.lock(location) } catch { throw ShellError("cannot save to \(location.displayPath): \(error.message)") }
            switch outcome {
            case .acquired: break
            case .tookOver(let previous): lockNote = StyledLine("took over a stale lock left by \(previous)", .dim)
            case .heldBy(let holder): throw ShellError("\(location.displayPath) is being edited by \(holder); choose another name")
            }
        }
        let (bytes, cache) = encoding.value
        workspace.encodingCache = cache
        warmUp = .none
        // The fingerprint is hashed on another core while the bytes go to the disk.
        let fingerprint = BackgroundWork(urgent: true) { var copy = bytes; return SHA256Digest.hex(ofBytes: &copy) }
        do {
            try store.writeSnapshot(bytes: bytes, to: location)
        } catch {
            if !sameAsCurrent { store.unlock(location) }
            throw ShellError("could not save to \(location.displayPath): \(error.message); your work is still here and in the journal")
        }
        if !sameAsCurrent, let current, ownsCurrent {
            store.discardJournal(at: current)
            store.unlock(current)
        }
        workspace.setName(location.name)
        // Taken a moment after the write, this stamp is not settled: the next save reads the file to check it.
        place = SessionPlace(location: location, readOnlyReason: nil, snapshotFingerprint: fingerprint.value,
                             snapshotStamp: store.snapshotStamp(location))
        workspace.markSaved()
        journalStarted = false
        journalBroken = nil
        unjournalledChanges = 0
        let s = workspace.session
        var lines = [StyledLine("Saved \(location.displayPath) (\(s.contentsSummary))")]
        if let lockNote { lines.append(lockNote) }
        return lines
    }

    /// The session document, encoded on another thread from `cache` (or, when that is empty, from
    /// the session encoded at open, once that is done), with the cache that copies from it next.
    private func encode(_ session: Session, cache: SessionEncodingCache) -> BackgroundWork<([UInt8], SessionEncodingCache)> {
        var opened: BackgroundWork<SessionEncodingCache>?
        if case .started(let work) = warmUp, cache.isEmpty { opened = work }
        // Not started yet: this encoding does its work instead.
        if case .waiting = warmUp { warmUp = .none }
        return BackgroundWork(urgent: true) { [opened] in
            var cache = opened?.value ?? cache
            let bytes = SessionDocument.encodedBytes(session, cache: &cache)
            return (bytes, cache)
        }
    }

    /// Starts encoding the session adopted last, if it is still waiting: called once the opening's
    /// output is shown, so that neither the thread's start nor the encoding is paid before it (a
    /// save asked for before then encodes the session itself).
    func startWarmUp() {
        guard case .waiting(let session) = warmUp else { return }
        warmUp = .started(BackgroundWork {
            var cache = SessionEncodingCache()
            _ = SessionDocument.encodedBytes(session, cache: &cache)
            return cache
        })
    }

    /// Refuses to write over a session file that is no longer the one this shell read or wrote
    /// (another process saved it, a sync or `git pull` replaced it): that would erase its work.
    func checkUnchangedOnDisk(_ location: SessionLocation, of workspace: Workspace) throws(ShellError) {
        // A settled stamp that still matches says so without reading the file.
        if let stamp = place.snapshotStamp, stamp.vouches(for: store.snapshotStamp(location)) { return }
        let onDisk: Data?
        do { onDisk = try store.currentSnapshot(location) } catch {
            throw ShellError("could not save to \(location.displayPath): \(error.message); your work is still here and in the journal")
        }
        // A file that is gone holds nothing to lose; one that appeared or changed does.
        guard let onDisk, SHA256Digest.hex(ofData: onDisk) != place.snapshotFingerprint else { return }
        throw ShellError("\(location.displayPath) was changed on the disk since this shell read it (another save, a sync or a copy); "
                         + "nothing was written; save NEWNAME keeps your work beside it")
    }

    /// Reads, locks and replays a session.
    ///
    /// The journal is replayed only onto the snapshot it names, and only as far as each change
    /// finds the records it replaces; a journal that belongs elsewhere is set aside untouched.
    /// Nothing beside the session is moved, emptied or rewritten unless this process holds its lock.
    func open(at location: SessionLocation, analyst: String, clock: @escaping @Sendable () -> Timestamp) throws(ShellError) -> OpenedSession {
        let stored: StoredSession
        // Stamped before and after the read: a settled stamp unchanged across it vouches for the bytes read.
        let stampBefore = store.snapshotStamp(location)
        do { stored = try store.read(location) } catch { throw ShellError("cannot open \(location.name): \(error.message)") }
        let stamp = stampBefore?.vouches(for: store.snapshotStamp(location)) == true ? stampBefore : nil
        let recovery: SessionRecovery
        do {
            recovery = try stored.recovery()
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
        var workspace = Workspace(session: base, analyst: analyst, clock: clock)
        var openedPlace = SessionPlace(location: location, readOnlyReason: nil, snapshotFingerprint: fingerprint,
                                       snapshotStamp: stored.hasSnapshot ? stamp : nil)
        do {
            switch try store.lock(location) {
            case .acquired: break
            case .tookOver(let previous): notices.append(StyledLine("took over a stale lock left by \(previous)", .dim))
            case .heldBy(let holder):
                openedPlace.readOnlyReason = "being edited by \(holder)"
                notices.append(StyledLine("\(location.displayPath) is being edited by \(holder); opened read-only", .warning))
            }
        } catch {
            // Nothing can be written beside the session (a read-only folder): say so now, not at the first change.
            openedPlace.readOnlyReason = "cannot write beside it: \(error.message)"
            notices.append(StyledLine("\(location.displayPath) opened read-only: cannot write beside it (\(error.message)); save NAME.json elsewhere to edit a copy", .warning))
        }
        let writable = openedPlace.readOnlyReason == nil

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
                openedPlace.readOnlyReason = "its journal could not be set aside"
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
            if writable { openedPlace.readOnlyReason = "its journal is from a newer ClaimDesk" }
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
        return OpenedSession(workspace: workspace, place: openedPlace, notices: notices, journalHasHeader: hasHeader,
                             rewriteJournal: rewrite && openedPlace.readOnlyReason == nil)
    }

    /// Switches to an opened session and makes its journal whole again if recovery dropped a tail.
    ///
    /// The session is then encoded on another thread (``startWarmUp()``), so that the first save
    /// copies every record not changed since instead of writing them all (at 100,000 annotations,
    /// most of a save's time); a save that comes before it is done waits for it.
    func adopt(_ opened: OpenedSession, into workspace: inout Workspace) -> [StyledLine] {
        workspace = opened.workspace
        place = opened.place
        warmUp = opened.place.readOnlyReason == nil ? .waiting(workspace.session) : .none
        journalBroken = nil
        unjournalledChanges = 0
        journalStarted = opened.journalHasHeader
        guard opened.rewriteJournal, let location = place.location else { return [] }
        let lines = [JournalCodec.encode(header(of: workspace))] + workspace.undoStack.map(JournalCodec.encode)
        do {
            try store.replaceJournal(lines, at: location)
            journalStarted = true
        } catch {
            journalBroken = error.message
            return [StyledLine("warning: could not rewrite the journal (\(error.message)); save to keep your work", .warning)]
        }
        return []
    }

    /// Lets go of the session's lock: when another session is opened, and before the process ends.
    func release() {
        if let location = place.location { store.unlock(location) }
    }
}
