import ClaimDeskCore
import ClaimDeskCorpus
import ClaimDeskShell
import Foundation

/// The corpus index on this machine: where it is, which folders feed it, and the answers to the
/// requests of `claimdesk index`/`query`/`sources` and of the shell's `corpus` commands.
struct CorpusDesk {
    /// The index file.
    let indexPath: String
    /// The folders refreshed when none are named: the sessions folder.
    let defaultFolders: [String]

    /// The file name of the index inside the sessions folder.
    static let defaultFileName = ".claimdesk-index.sqlite"

    /// `--index PATH`, else `$CLAIMDESK_INDEX`, else `.claimdesk-index.sqlite` in the sessions folder
    /// (`--sessions`, else `$CLAIMDESK_SESSIONS`, else `./sessions`).
    init(indexOption: String?, sessionsOption: String?) {
        let environment = ProcessInfo.processInfo.environment
        let sessions = sessionsOption ?? environment["CLAIMDESK_SESSIONS"] ?? "sessions"
        indexPath = indexOption ?? environment["CLAIMDESK_INDEX"] ?? PathText.appending(sessions, Self.defaultFileName)
        defaultFolders = [sessions]
    }

    /// Builds or refreshes the index from `folders` (default: the sessions folder).
    func refresh(folders: [String] = []) throws(HostError) -> CorpusRefreshReport {
        try CorpusRefresher(index: try writableIndex()).refresh(folders: folders.isEmpty ? defaultFolders : folders)
    }

    /// Builds or refreshes the index from every session of a team store.
    func refresh(store: SessionStore) throws(HostError) -> CorpusRefreshReport {
        try CorpusRefresher(index: try writableIndex()).refresh(store: store)
    }

    /// The index opened for writing, its folder made if needed.
    private func writableIndex() throws(HostError) -> CorpusIndex {
        let parent = PathText.parent(indexPath)
        if !parent.isEmpty, parent != ".", !POSIXFile.exists(parent) {
            do { try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true) } catch {
                throw HostError("cannot make the folder \(parent) for the index: \(error.localizedDescription)")
            }
        }
        let index: CorpusIndex
        do { index = try CorpusIndex(path: indexPath) } catch {
            throw HostError("cannot open the index \(indexPath): \(error.message)")
        }
        return index
    }

    /// The index opened read-only, or why not.
    func reader() throws(HostError) -> CorpusIndex {
        guard POSIXFile.exists(indexPath) else {
            throw HostError("no index at \(indexPath) yet; build it with claimdesk index (corpus index in the shell)")
        }
        do { return try CorpusIndex(path: indexPath, readOnly: true) } catch {
            throw HostError("cannot read the index \(indexPath): \(error.message)")
        }
    }

    /// Answers one request.
    func answer(_ request: CorpusRequest) throws(HostError) -> CorpusAnswer {
        if case .refresh = request { return .refreshed(try refresh()) }
        let index = try reader()
        do {
            switch request {
            case .refresh: return .refreshed(try refresh())
            case .query(let query): return .table(try index.query(query))
            case .sql(let text): return .table(try index.sql(text))
            case .sourcesAcross(let query): return .table(try index.sourcesAcross(query))
            case .find(let words):
                // Paths as the user would type them, for `open` and for the list of candidates.
                return .matches(try index.find(words).map { match in
                    var shown = match
                    shown.path = SessionFileWalker.display(match.path)
                    return shown
                })
            }
        } catch let error as HostError {
            throw error
        } catch {
            throw HostError((error as? SQLiteError)?.message ?? "\(error)")
        }
    }
}
