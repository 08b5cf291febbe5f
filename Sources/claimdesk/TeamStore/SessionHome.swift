import ClaimDeskCore
import ClaimDeskShell
import ClaimDeskTeamStore
import Foundation

/// Where sessions live for this run: the sessions folder on the disk, or a team store when one is
/// named with `--store` or `CLAIMDESK_STORE` (an empty value means none).
struct SessionHome {
    let store: SessionStore
    let folder: String
    private let disk: DiskSessionStore?
    private let team: TeamSessionStore?

    init(folder: String?, store url: String?, environment: ProcessEnvironment) throws(TeamStoreError) {
        self.folder = folder ?? environment["CLAIMDESK_SESSIONS"] ?? "sessions"
        if let url = url ?? environment["CLAIMDESK_STORE"], !url.isEmpty {
            let team = try Self.teamStore(url, folder: self.folder, environment: environment)
            self.team = team
            disk = nil
            store = team
        } else {
            let disk = DiskSessionStore(folder: self.folder)
            self.disk = disk
            team = nil
            store = disk
        }
    }

    /// The team store at a URL; changes wait in `FOLDER/.outbox/` while it is out of reach.
    static func teamStore(_ url: String, folder: String, environment: ProcessEnvironment) throws(TeamStoreError) -> TeamSessionStore {
        let address = try TeamStoreAddress(url)
        let retry = environment["CLAIMDESK_STORE_RETRY_MS"].flatMap(Double.init).map { max(0, $0) / 1000 } ?? 2
        let holder = LockHolder.thisProcess()
        return TeamSessionStore(address: address, localFolder: folder, holder: holder, retryInterval: retry, now: { ClaimDeskClock.now() })
    }

    /// Lets go of every lock and lease (at the end of a run).
    func close() {
        disk?.unlockAll()
        if let team {
            // Changes that waited for an absent server are safe on the disk; say where they are.
            for (path, count) in team.waitingChanges() {
                let line = "note: \(count) change\(count == 1 ? "" : "s") still wait\(count == 1 ? "s" : "") for the team store in \(path); "
                    + "they are sent the next time the session is opened from this folder"
                FileHandle.standardError.write(Data((TerminalSafeText.escape(line) + "\n").utf8))
            }
            team.close()
        }
    }
}
