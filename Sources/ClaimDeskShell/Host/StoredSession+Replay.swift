import ClaimDeskCore

extension StoredSession {
    /// The session these files hold, with its journal's changes applied in memory by the rules
    /// opening follows (``JournalReplay``: only onto the snapshot the journal continues, only while
    /// each change fits), writing nothing and taking no lock; with what was left out, as notices.
    ///
    /// `claimdesk export`, `diff` and `agree` read sessions this way; `open` replays through
    /// ``Shell/openSession(at:)`` because it also sets journals aside and takes the lock.
    public func replayedInMemory(at location: SessionLocation, withJournal: Bool = true) throws(ShellError) -> (session: Session, notices: [String]) {
        var decoded: Session? = nil
        if let snapshot {
            do { decoded = try SessionDocument.decode(snapshot) } catch {
                throw ShellError("cannot read \(location.displayPath): \(error.message)")
            }
        }
        let plan = JournalReplay(lines: withJournal ? journal : [], snapshot: decoded,
                                 fingerprint: snapshot.map(SHA256Digest.hex(ofData:)))
        guard var session = decoded ?? (plan.outcome == .continues || plan.outcome == .empty ? plan.base : nil) else {
            throw ShellError("no session \(location.name) (\(location.displayPath)); sessions lists the saved ones")
        }
        if decoded == nil { session.name = location.name }
        for change in plan.changes { session.apply(change) }
        var notices: [String] = []
        let journalName = journalPath ?? "the journal"
        switch plan.outcome {
        case .otherSnapshot:
            notices.append("warning: \(journalName) continues another version of \(location.displayPath); its changes were left out")
        case .newerVersion(let version):
            notices.append("warning: \(journalName) was written by a newer ClaimDesk (journal version \(version)); its changes were left out")
        case .noHeader:
            notices.append("warning: \(journalName) is damaged at line 1; its changes were left out")
        case .empty, .continues, .alreadySaved:
            break
        }
        switch plan.stop {
        case .damaged(let line)?:
            notices.append("warning: \(location.name)'s journal is damaged at line \(line); the changes before it are included")
        case .mismatch(let line, _, let record)?:
            notices.append("warning: \(location.name)'s journal expects \(record) otherwise at line \(line); the changes before it are included")
        case .inconsistent(let line, _, let problem)?:
            notices.append("warning: \(location.name)'s journal would leave the session inconsistent at line \(line) (\(problem)); "
                           + "the changes before it are included")
        case nil:
            break
        }
        if !plan.changes.isEmpty {
            notices.append("included \(Plural.count(plan.changes.count, "journalled change")) not yet saved in \(location.displayPath)")
        }
        if withJournal && tornTail { notices.append("warning: the journal's last line was cut off; it was left out") }
        return (session, notices)
    }
}
