import ClaimDeskCore
import ClaimDeskShell
import Foundation

/// An in-memory world for the shell: files, standard input and a session store, no disk.
final class MemoryHost: ShellHost {
    var files: [String: Data] = [:]
    var folders: Set<String> = []
    var standardInput: Data? = nil
    /// Writes under this prefix fail, as an unwritable folder would.
    var failFolders: String? = nil
    let memoryStore = MemorySessionStore()
    var store: SessionStore { memoryStore }
    /// What the shell asked of the corpus index, in order.
    var corpusRequests: [CorpusRequest] = []
    /// The index's answers; unset, the host has no index.
    var corpusAnswers: ((CorpusRequest) throws(HostError) -> CorpusAnswer)? = nil

    func corpus(_ request: CorpusRequest) throws(HostError) -> CorpusAnswer {
        corpusRequests.append(request)
        guard let corpusAnswers else { throw HostError("no index here") }
        return try corpusAnswers(request)
    }

    func readFile(_ path: String) throws(HostError) -> Data {
        if folders.contains(path) { throw HostError("it is a folder, not a file; name a file in it") }
        guard let data = files[path] else { throw HostError("no such file; check the path (Tab completes it)") }
        return data
    }

    func readStandardInput() throws(HostError) -> Data {
        guard let standardInput else { throw HostError("standard input carries the commands") }
        return standardInput
    }

    func writeFile(_ data: Data, to path: String) throws(HostError) {
        if let failFolders, path.hasPrefix(failFolders) { throw HostError("Permission denied") }
        files[path] = data
    }

    func directoryEntries(_ path: String) -> [String] {
        let prefix = path == "." ? "" : path
        var names = Set<String>()
        for file in files.keys where file.hasPrefix(prefix) {
            let rest = file.dropFirst(prefix.count)
            if let slash = rest.firstIndex(of: "/") {
                names.insert(String(rest[..<slash]) + "/")
            } else {
                names.insert(String(rest))
            }
        }
        return names.sorted()
    }
}

/// Sessions kept in dictionaries; locks can be pre-set to simulate another process.
final class MemorySessionStore: SessionStore {
    var snapshots: [String: Data] = [:]
    var journals: [String: [Data]] = [:]
    var tornJournals: Set<String> = []
    /// Lock holders by key; "other" entries simulate another running process.
    var lockHolders: [String: String] = [:]
    var failWrites: String? = nil
    var unsavedCount = 0
    /// Snapshot stamps by key, as a disk would give them (none: the store keeps no stamps).
    var stamps: [String: SnapshotStamp] = [:]
    /// How many times a save read a snapshot back to check it.
    var snapshotChecks = 0

    func snapshotStamp(_ location: SessionLocation) -> SnapshotStamp? {
        stamps[location.key]
    }

    func location(for nameOrPath: String) throws(HostError) -> SessionLocation {
        guard !nameOrPath.contains("..") else { throw HostError("not a usable name") }
        let name = nameOrPath.hasSuffix(".json") ? String(nameOrPath.dropLast(5)) : nameOrPath
        if journals["unsaved/" + name] != nil && snapshots["sessions/\(name).json"] == nil {
            return SessionLocation(name: name, displayPath: "sessions/.unsaved/\(name).journal", isUnsaved: true, key: "unsaved/" + name)
        }
        return SessionLocation(name: name, displayPath: "sessions/\(name).json", isUnsaved: false, key: "sessions/\(name).json")
    }

    func newUnsavedLocation() -> SessionLocation {
        unsavedCount += 1
        let name = "untitled-\(unsavedCount)"
        return SessionLocation(name: name, displayPath: "sessions/.unsaved/\(name).journal", isUnsaved: true, key: "unsaved/" + name)
    }

    func abandonedUnsaved() -> [SessionLocation] {
        journals.keys.filter { $0.hasPrefix("unsaved/") && lockHolders[$0] == nil && !(journals[$0] ?? []).isEmpty }.sorted().reversed()
            .map { key in
                let name = String(key.dropFirst("unsaved/".count))
                return SessionLocation(name: name, displayPath: "sessions/.unsaved/\(name).journal", isUnsaved: true, key: key)
            }
    }

    func list() throws(HostError) -> [SessionListing] {
        snapshots.keys.sorted().map { key in
            let name = String(key.dropFirst("sessions/".count).dropLast(".json".count))
            return SessionListing(location: SessionLocation(name: name, displayPath: key, isUnsaved: false, key: key),
                                  modified: nil, bytes: snapshots[key]!.count, pendingChanges: max(0, (journals[key]?.count ?? 0) - 1),
                                  heldBy: lockHolders[key])
        }
    }

    func names() -> [String] {
        snapshots.keys.map { String($0.dropFirst("sessions/".count).dropLast(".json".count)) }.sorted()
    }

    func exists(_ location: SessionLocation) -> Bool {
        snapshots[location.key] != nil || (location.isUnsaved && journals[location.key] != nil)
    }

    func read(_ location: SessionLocation) throws(HostError) -> StoredSession {
        let journal = journals[location.key] ?? []
        guard snapshots[location.key] != nil || !journal.isEmpty else { throw HostError("no session file \(location.displayPath)") }
        return StoredSession(snapshot: snapshots[location.key], journal: journal, tornTail: tornJournals.contains(location.key),
                             journalPath: journalPath(location))
    }

    func lock(_ location: SessionLocation) throws(HostError) -> LockOutcome {
        if let holder = lockHolders[location.key], holder != "me" { return .heldBy(holder) }
        lockHolders[location.key] = "me"
        return .acquired
    }

    func unlock(_ location: SessionLocation) {
        if lockHolders[location.key] == "me" { lockHolders[location.key] = nil }
    }

    /// Who took a lock this shell held (a deleted lock file re-created by another process).
    func confirmLock(_ location: SessionLocation) -> String? {
        guard let holder = lockHolders[location.key], holder != "me" else { return nil }
        return "its lock file was deleted, and \(holder) holds the session now"
    }

    /// Where the journal of a location would be on a disk (`sessions/harbor.journal`).
    func journalPath(_ location: SessionLocation) -> String {
        (location.key.hasSuffix(".json") ? String(location.key.dropLast(5)) : location.key) + ".journal"
    }

    func currentSnapshot(_ location: SessionLocation) throws(HostError) -> Data? {
        snapshotChecks += 1
        return snapshots[location.key]
    }

    func writeSnapshot(_ data: Data, to location: SessionLocation) throws(HostError) {
        if let failWrites { throw HostError(failWrites) }
        snapshots[location.key] = data
        journals[location.key] = []
        tornJournals.remove(location.key)
    }

    func appendJournal(_ line: Data, at location: SessionLocation) throws(HostError) {
        if let failWrites { throw HostError(failWrites) }
        // One write may carry several lines (a new journal's header and first change).
        for part in line.split(separator: 0x0A, omittingEmptySubsequences: true) {
            journals[location.key, default: []].append(Data(part))
        }
    }

    func replaceJournal(_ lines: [Data], at location: SessionLocation) throws(HostError) {
        journals[location.key] = lines.map { $0.last == 0x0A ? $0.dropLast() : $0 }
        tornJournals.remove(location.key)
    }

    func discardJournal(at location: SessionLocation) {
        journals[location.key] = nil
    }

    /// Journals set aside, by the path reported.
    var journalsAside: [String: [Data]] = [:]

    func setJournalAside(at location: SessionLocation, reason: String) -> String? {
        let aside = journalPath(location) + "." + reason
        journalsAside[aside] = journals.removeValue(forKey: location.key)
        return aside
    }
}
