import ClaimDeskCore
import ClaimDeskShell
import ClaimDeskTeamStore
import Foundation

/// `push` and `pull`: a whole session copied between the local sessions folder and the team store.
///
/// Each side is written the way it is written by `save`: under its lock or lease, as a new
/// snapshot with its journal trimmed. Neither overwrites work it has not seen: the last copy
/// pushed or pulled is remembered by its SHA-256 in `SESSIONS/.store/NAME.base`, and a side that
/// has changed since is replaced only with `--force`.
struct SessionTransfer {
    let disk: DiskSessionStore
    let team: TeamSessionStore
    let folder: String

    /// What a transfer says: notices about what was read (for standard error), then what it did.
    struct Outcome {
        var notices: [String]
        var summary: String
    }

    struct Failure: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    /// Sends the local session (its journal's changes included) to the store.
    func push(_ name: String, force: Bool) throws(Failure) -> Outcome {
        let (local, _) = try copy(name, "push", from: (disk, "the sessions folder"), to: (team, "the team store"), force: force,
                                  unseen: "\(name) in the team store has changed since it was last pulled or pushed from here; "
                                      + "pull it first (pull --force replaces the local copy), or push --force to replace it")
        return Outcome(notices: local.notices,
                       summary: "Pushed \(name) to the team store at \(team.address.display) (\(local.session.contentsSummary))")
    }

    /// Copies the store's session (its journal's changes included) into the sessions folder.
    func pull(_ name: String, force: Bool) throws(Failure) -> Outcome {
        let (remote, location) = try copy(name, "pull", from: (team, "the team store"), to: (disk, "the sessions folder"), force: force,
                                          unseen: "\(PathText.appending(folder, name + ".json")) has changes that were never pushed; "
                                              + "push it first, or pull --force to replace it with the team store's")
        return Outcome(notices: remote.notices,
                       summary: "Pulled \(name) from the team store into \(location.displayPath) (\(remote.session.contentsSummary))")
    }

    /// Writes the source side's session over the target side's, under the target's lock; a target
    /// changed since the last exchange is replaced only when forced (else `unseen` says why not).
    private func copy(_ name: String, _ verb: String, from source: (store: SessionStore, side: String),
                      to target: (store: SessionStore, side: String), force: Bool,
                      unseen: String) throws(Failure) -> (copied: (session: Session, notices: [String]), location: SessionLocation) {
        let copied = try read(name, from: source.store, side: source.side)
        let bytes = encode(copied.session, name: name)
        let location = try attempt("\(verb) \(name)") { () throws(HostError) in try target.store.location(for: name) }
        try lease(location, in: target.store, side: target.side)
        defer { target.store.unlock(location) }
        if target.store.exists(location), !force {
            let present = try read(name, from: target.store, side: target.side)
            let presentBytes = encode(present.session, name: name)
            if presentBytes != bytes, SHA256Digest.hex(ofData: presentBytes) != base(name) { throw Failure(unseen) }
        }
        try attempt("\(verb) \(name)") { () throws(HostError) in try target.store.writeSnapshot(bytes, to: location) }
        remember(bytes, for: name)
        return (copied, location)
    }

    private func read(_ name: String, from store: SessionStore, side: String) throws(Failure) -> (session: Session, notices: [String]) {
        let location = try attempt("read \(name) in \(side)") { () throws(HostError) in try store.location(for: name) }
        let stored = try attempt("read \(name) in \(side)") { () throws(HostError) in try store.read(location) }
        do { return try stored.replayedInMemory(at: location) } catch { throw Failure(error.message) }
    }

    private func lease(_ location: SessionLocation, in store: SessionStore, side: String) throws(Failure) {
        let outcome = try attempt("write \(location.name) in \(side)") { () throws(HostError) in try store.lock(location) }
        if case .heldBy(let holder) = outcome {
            throw Failure("\(location.name) in \(side) is being edited by \(holder); try again when it is closed")
        }
    }

    private func encode(_ session: Session, name: String) -> Data {
        var named = session
        named.name = name
        return SessionDocument.encode(named)
    }

    private func attempt<T>(_ what: String, _ body: () throws(HostError) -> T) throws(Failure) -> T {
        do { return try body() } catch { throw Failure("cannot \(what): \(error.message)") }
    }

    // MARK: - The last copy exchanged

    private func basePath(_ name: String) -> String { PathText.appending(PathText.appending(folder, ".store"), name + ".base") }

    private func base(_ name: String) -> String? {
        (try? String(contentsOfFile: basePath(name), encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func remember(_ bytes: Data, for name: String) {
        try? FileManager.default.createDirectory(atPath: PathText.appending(folder, ".store"), withIntermediateDirectories: true)
        try? POSIXFile.writeAtomically(Data((SHA256Digest.hex(ofData: bytes) + "\n").utf8), to: basePath(name))
    }
}
