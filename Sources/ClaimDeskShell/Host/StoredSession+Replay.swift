import ClaimDeskCore

extension StoredSession {
    /// The snapshot and journal read by the rules of ``SessionRecovery``, giving back the
    /// snapshot's memory as it is read where the store can: what `open` and every in-memory
    /// reading start from.
    func recovery(withJournal: Bool = true) throws(SessionDocumentError) -> SessionRecovery {
        try SessionRecovery(snapshot: snapshotBytes, journal: withJournal ? journal : [], tornTail: withJournal && tornTail,
                            releasing: snapshotRelease)
    }

    /// The session these files hold, with its journal's changes applied in memory by the rules
    /// opening follows (``SessionRecovery``: only onto the snapshot the journal continues, only while
    /// each change fits), writing nothing and taking no lock; with what was left out, as notices.
    ///
    /// `claimdesk export`, `diff`, `agree`, the corpus index and the team store read sessions this
    /// way; `open` recovers through the same ``SessionRecovery`` and also sets journals aside and
    /// takes the lock.
    public func replayedInMemory(at location: SessionLocation, withJournal: Bool = true) throws(ShellError) -> (session: Session, notices: [String]) {
        let recovery: SessionRecovery
        do {
            recovery = try self.recovery(withJournal: withJournal)
        } catch {
            throw ShellError("cannot read \(location.displayPath): \(error.message)")
        }
        guard var session = recovery.base else {
            throw ShellError("no session \(location.name) (\(location.displayPath)); sessions lists the saved ones")
        }
        if recovery.snapshot == nil { session.name = location.name }
        for change in recovery.changes { session.apply(change) }
        let journalName = journalPath ?? "the journal"
        let notices = recovery.findings.compactMap { finding -> String? in
            switch finding {
            case .journalContinuesAnotherSnapshot:
                "warning: \(journalName) continues another version of \(location.displayPath); its changes were left out"
            case .journalFromNewerVersion(let version):
                "warning: \(journalName) was written by a newer ClaimDesk (journal version \(version)); its changes were left out"
            case .journalWithoutHeader:
                "warning: \(journalName) is damaged at line 1; its changes were left out"
            case .journalStopped(.damaged(let line)):
                "warning: \(location.name)'s journal is damaged at line \(line); the changes before it are included"
            case .journalStopped(.mismatch(let line, _, let record)):
                "warning: \(location.name)'s journal expects \(record) otherwise at line \(line); the changes before it are included"
            case .journalStopped(.inconsistent(let line, _, let problem)):
                "warning: \(location.name)'s journal would leave the session inconsistent at line \(line) (\(problem)); "
                    + "the changes before it are included"
            case .recovered(let count):
                "included \(Plural.count(count, "journalled change")) not yet saved in \(location.displayPath)"
            case .tornTail:
                "warning: the journal's last line was cut off; it was left out"
            case .repaired, .olderVersion, .journalAlreadySaved, .overridden:
                nil
            }
        }
        return (session, notices)
    }
}
