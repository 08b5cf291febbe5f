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
        let local = try read(name, from: disk, side: "the sessions folder")
        let bytes = encode(local.session, name: name)
        let location = try attempt("push \(name)") { () throws(HostError) in try team.location(for: name) }
        try lease(location, in: team, side: "the team store")
        defer { team.unlock(location) }
        if team.exists(location), !force {
            let remote = try read(name, from: team, side: "the team store")
            let remoteBytes = encode(remote.session, name: name)
            if remoteBytes != bytes, SHA256Digest.hex(ofData: remoteBytes) != base(name) {
                throw Failure("\(name) in the team store has changed since it was last pulled or pushed from here; "
                              + "pull it first (pull --force replaces the local copy), or push --force to replace it")
            }
        }
        try attempt("push \(name)") { () throws(HostError) in try team.writeSnapshot(bytes, to: location) }
        remember(bytes, for: name)
        return Outcome(notices: local.notices,
                       summary: "Pushed \(name) to the team store at \(team.address.display) (\(local.session.contentsSummary))")
    }

    /// Copies the store's session (its journal's changes included) into the sessions folder.
    func pull(_ name: String, force: Bool) throws(Failure) -> Outcome {
        let remote = try read(name, from: team, side: "the team store")
        let bytes = encode(remote.session, name: name)
        let location = try attempt("pull \(name)") { () throws(HostError) in try disk.location(for: name) }
        try lease(location, in: disk, side: "the sessions folder")
        defer { disk.unlock(location) }
        if disk.exists(location), !force {
            let local = try read(name, from: disk, side: "the sessions folder")
            let localBytes = encode(local.session, name: name)
            if localBytes != bytes, SHA256Digest.hex(ofData: localBytes) != base(name) {
                throw Failure("\(PathText.appending(folder, name + ".json")) has changes that were never pushed; "
                              + "push it first, or pull --force to replace it with the team store's")
            }
        }
        try attempt("pull \(name)") { () throws(HostError) in try disk.writeSnapshot(bytes, to: location) }
        remember(bytes, for: name)
        return Outcome(notices: remote.notices,
                       summary: "Pulled \(name) from the team store into \(location.displayPath) (\(remote.session.contentsSummary))")
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
