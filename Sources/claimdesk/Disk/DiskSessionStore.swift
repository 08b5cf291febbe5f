import ClaimDeskCore
import ClaimDeskShell
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Sessions on the local disk: `NAME.json` snapshots with `NAME.journal` and `NAME.lock` beside them.
///
/// Names are sanitised and always land in the sessions folder; a path the user
/// typed (ending in `.json` or containing `/`) is used as given. Nothing read
/// from a session's content ever becomes part of a path.
///
/// Whatever lies beside a session (its journal, its lock file, temporary files) is written,
/// emptied, moved or removed only while this process holds the session's lock: a process that
/// opened a session read-only never touches another's journal.
final class DiskSessionStore: SessionStore {
    let folder: String
    /// Largest session file we read (a multi-GB file is refused before it is read).
    static let sizeLimit = 1 << 30
    private var locks: [String: SessionLock] = [:]
    private var journals: [String: Int32] = [:]
    /// Test hook: milliseconds to sleep inside `save`, between writing the temporary file and the rename.
    let pauseInSave: UInt32?

    init(folder: String) {
        self.folder = folder
        pauseInSave = ProcessEnvironment()["CLAIMDESK_TEST_PAUSE_IN_SAVE_MS"].flatMap(UInt32.init)
    }

    deinit {
        for fd in journals.values { close(fd) }
    }

    var unsavedFolder: String { PathText.appending(folder, ".unsaved") }

    // MARK: - Locations

    func location(for nameOrPath: String) throws(HostError) -> SessionLocation {
        let trimmed = Spaces.trimmed(nameOrPath)
        guard !trimmed.isEmpty else { throw HostError("the name is empty") }
        if trimmed.hasSuffix(".json") || trimmed.contains("/") {
            let path = trimmed.hasSuffix(".json") ? trimmed : trimmed + ".json"
            let name = PathText.deletingExtension(PathText.lastComponent(path))
            guard !name.isEmpty, !name.hasPrefix(".") else { throw HostError("\(path) is not a usable session file name") }
            return named(name, snapshot: path)
        }
        try Self.checkName(trimmed)
        let snapshot = PathText.appending(folder, trimmed + ".json")
        let unsavedJournal = PathText.appending(unsavedFolder, trimmed + ".journal")
        if !POSIXFile.exists(snapshot), POSIXFile.exists(unsavedJournal) {
            return unsaved(trimmed)
        }
        return named(trimmed, snapshot: snapshot)
    }

    /// Session names become file names: letters, digits, `-`, `_`, `.`; not starting with `.`.
    static func checkName(_ name: String) throws(HostError) {
        let allowed = name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0) }
        guard allowed, !name.hasPrefix("."), name.count <= 120 else {
            throw HostError("a session name may use letters, digits, - _ and . (not first); give a path ending in .json to save elsewhere")
        }
    }

    private func named(_ name: String, snapshot: String) -> SessionLocation {
        SessionLocation(name: name, displayPath: snapshot, isUnsaved: false, key: key(snapshot))
    }

    private func unsaved(_ name: String) -> SessionLocation {
        let journal = PathText.appending(unsavedFolder, name + ".journal")
        return SessionLocation(name: name, displayPath: journal, isUnsaved: true, key: key(journal))
    }

    /// The one spelling of a file by which this store knows a session it holds: the path made
    /// absolute from the working folder, dots and repeated slashes worked out.
    private func key(_ path: String) -> String {
        POSIXFile.absolute(path)
    }

    func newUnsavedLocation() -> SessionLocation {
        let stamp = ClaimDeskClock.now().description.replacingOccurrences(of: ":", with: "").replacingOccurrences(of: "-", with: "")
        return unsaved("untitled-\(stamp.dropLast())-\(getpid())")
    }

    private func paths(_ location: SessionLocation) -> (snapshot: String?, journal: String, lock: String) {
        if location.isUnsaved {
            let base = PathText.deletingExtension(location.displayPath)
            return (nil, location.displayPath, base + ".lock")
        }
        let base = PathText.deletingExtension(location.displayPath)
        return (location.displayPath, base + ".journal", base + ".lock")
    }

    // MARK: - Listing

    func abandonedUnsaved() -> [SessionLocation] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: unsavedFolder)) ?? []
        var found: [(SessionLocation, Date)] = []
        for file in names where file.hasSuffix(".journal") {
            let location = unsaved(PathText.deletingExtension(file))
            let p = paths(location)
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: p.journal),
                  (attributes[.size] as? Int ?? 0) > 0,
                  SessionLock.holder(at: p.lock) == nil, locks[location.key] == nil else { continue }
            found.append((location, attributes[.modificationDate] as? Date ?? .distantPast))
        }
        return found.sorted { $0.1 > $1.1 }.map(\.0)
    }

    func list() throws(HostError) -> [SessionListing] {
        let manager = FileManager.default
        var listings: [SessionListing] = []
        if manager.fileExists(atPath: folder) {
            let files: [String]
            do { files = try manager.contentsOfDirectory(atPath: folder) } catch {
                throw HostError("cannot read the folder \(folder): \(error.localizedDescription)")
            }
            for file in files.sorted() where file.hasSuffix(".json") && !file.hasPrefix(".") {
                let location = named(PathText.deletingExtension(file), snapshot: PathText.appending(folder, file))
                listings.append(listing(location))
            }
        }
        let unsavedFiles = (try? manager.contentsOfDirectory(atPath: unsavedFolder)) ?? []
        for file in unsavedFiles.sorted() where file.hasSuffix(".journal") {
            let location = unsaved(PathText.deletingExtension(file))
            let entry = listing(location)
            if entry.pendingChanges > 0 || locks[location.key] != nil { listings.append(entry) }
        }
        return listings
    }

    func names() -> [String] {
        let saved = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.map { PathText.deletingExtension($0) }
        let unsaved = ((try? FileManager.default.contentsOfDirectory(atPath: unsavedFolder)) ?? [])
            .filter { $0.hasSuffix(".journal") }.map { PathText.deletingExtension($0) }
        return (saved + unsaved).sorted()
    }

    private func listing(_ location: SessionLocation) -> SessionListing {
        let p = paths(location)
        let attributes = p.snapshot.flatMap { try? FileManager.default.attributesOfItem(atPath: $0) }
            ?? (try? FileManager.default.attributesOfItem(atPath: p.journal))
        let journalLines = (try? Data(contentsOf: URL(fileURLWithPath: p.journal)))?.filter { $0 == 0x0A }.count ?? 0
        return SessionListing(location: location,
                              modified: attributes?[.modificationDate] as? Date,
                              bytes: p.snapshot == nil ? 0 : attributes?[.size] as? Int ?? 0,
                              pendingChanges: max(0, journalLines - 1),
                              heldBy: locks[location.key] != nil ? "this shell" : SessionLock.holder(at: p.lock))
    }

    func exists(_ location: SessionLocation) -> Bool {
        let p = paths(location)
        return POSIXFile.exists(p.snapshot ?? p.journal)
    }

    // MARK: - Reading

    func read(_ location: SessionLocation) throws(HostError) -> StoredSession {
        let p = paths(location)
        var snapshot: Data? = nil
        var release: ReleasableFileBytes? = nil
        if let path = p.snapshot, let (bytes, owner) = try ReleasableFileBytes.read(path, byteLimit: Self.sizeLimit) {
            (snapshot, release) = (bytes, owner)
        }
        var lines: [Data] = []
        var torn = false
        if let journal = Self.readNoFollow(p.journal), !journal.isEmpty {
            var start = journal.startIndex
            while let newline = journal[start...].firstIndex(of: 0x0A) {
                if newline > start { lines.append(journal[start..<newline]) }
                start = newline + 1
            }
            if start < journal.endIndex { torn = true }
        }
        if snapshot == nil && lines.isEmpty {
            throw HostError(p.snapshot.map { "no session file \($0); sessions lists the saved ones" } ?? "no session \(location.name)")
        }
        return StoredSession(snapshot: snapshot, journal: lines, tornTail: torn, journalPath: p.journal, snapshotRelease: release)
    }

    func currentSnapshot(_ location: SessionLocation) throws(HostError) -> Data? {
        guard let path = paths(location).snapshot, POSIXFile.exists(path) else { return nil }
        do { return try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw HostError("cannot read \(path) to check it: \(error.localizedDescription)")
        }
    }

    /// A file's bytes, not through a symbolic link (a journal is never a link); nil when unreadable.
    private static func readNoFollow(_ path: String) -> Data? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        return FileHandle(fileDescriptor: fd, closeOnDealloc: false).readDataToEndOfFile()
    }

    // MARK: - Locks

    func lock(_ location: SessionLocation) throws(HostError) -> LockOutcome {
        if locks[location.key] != nil { return .acquired }
        try makeFolder(for: location)
        let lock = SessionLock(path: paths(location).lock)
        let outcome = try lock.acquire()
        if case .heldBy = outcome { return outcome }
        locks[location.key] = lock
        removeStaleTemporaryFiles(location)
        return outcome
    }

    /// Temporary snapshots left by a save that was killed before its rename. Only the lock holder
    /// writes a session, so once we hold it any such file is stale.
    private func removeStaleTemporaryFiles(_ location: SessionLocation) {
        guard let snapshot = paths(location).snapshot else { return }
        let folder = PathText.parent(snapshot)
        let stem = POSIXFile.temporaryPrefix(for: PathText.lastComponent(snapshot))
        guard let directory = opendir(folder.isEmpty ? "." : folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let file = POSIXFile.name(of: entry)
            if file.hasPrefix(stem) { unlink(PathText.appending(folder, file)) }
        }
    }

    func unlock(_ location: SessionLocation) {
        if let fd = journals.removeValue(forKey: location.key) { close(fd) }
        locks.removeValue(forKey: location.key)?.release()
    }

    /// Releases every lock this store holds (at exit, so no lock file is left behind).
    func unlockAll() {
        for fd in journals.values { close(fd) }
        journals.removeAll()
        for lock in locks.values { lock.release() }
        locks.removeAll()
    }

    func confirmLock(_ location: SessionLocation) -> String? {
        guard let held = locks[location.key], !held.isStillHeld else { return nil }
        // Someone deleted (or replaced) the lock file: another process may have had the session
        // since, so it is not ours any more, whoever holds it now. Its files are left alone.
        forget(location, abandoning: held)
        let path = paths(location).lock
        return SessionLock.holder(at: path).map { "its lock file \(path) was deleted, and \($0) holds the session now" }
            ?? "its lock file \(path) was deleted, so another process may have written the session meanwhile"
    }

    /// Stops treating a location as ours, touching none of its files.
    private func forget(_ location: SessionLocation, abandoning lock: SessionLock) {
        lock.abandon()
        locks[location.key] = nil
        if let fd = journals.removeValue(forKey: location.key) { close(fd) }
    }

    /// Whether this process holds the location's lock, its file still in place: the condition for
    /// touching its files (the shell checks it before each change too, with ``confirmLock(_:)``).
    private func holds(_ location: SessionLocation) -> Bool {
        locks[location.key]?.isStillHeld == true
    }

    private func requireLock(_ location: SessionLocation, to what: String) throws(HostError) {
        guard holds(location) else { throw HostError("cannot \(what): this process does not hold the session's lock") }
    }

    private func makeFolder(for location: SessionLocation) throws(HostError) {
        let folder = PathText.parent(location.isUnsaved ? location.displayPath : paths(location).snapshot!)
        guard !folder.isEmpty, !POSIXFile.exists(folder) else { return }
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw HostError("cannot create the folder \(folder): \(error.localizedDescription)")
        }
    }

    // MARK: - Writing

    func writeSnapshot(_ data: Data, to location: SessionLocation) throws(HostError) {
        try writeSnapshot(to: location) { fd throws(HostError) in try POSIXFile.writeAll(fd, data) }
    }

    func writeSnapshot(bytes: [UInt8], to location: SessionLocation) throws(HostError) {
        try writeSnapshot(to: location) { fd throws(HostError) in try POSIXFile.writeAll(fd, bytes) }
    }

    /// Replaces the snapshot with what `contents` writes (temporary file, fsync, rename) and empties the journal.
    private func writeSnapshot(to location: SessionLocation, contents: (Int32) throws(HostError) -> Void) throws(HostError) {
        guard let path = paths(location).snapshot else { throw HostError("an unsaved session has no file; give it a name") }
        try requireLock(location, to: "write \(path)")
        try makeFolder(for: location)
        let pause = pauseInSave
        try POSIXFile.writeAtomically(to: path, pause: { if let pause { usleep(pause * 1000) } }, contents: contents)
        try truncateJournal(location)
    }

    func snapshotStamp(_ location: SessionLocation) -> SnapshotStamp? {
        paths(location).snapshot.flatMap(POSIXFile.stamp)
    }

    private func truncateJournal(_ location: SessionLocation) throws(HostError) {
        try requireLock(location, to: "trim the journal")
        let path = paths(location).journal
        if let fd = journals[location.key] {
            if ftruncate(fd, 0) != 0 { throw HostError("cannot trim the journal \(path): \(POSIXFile.describe(errno))") }
            try POSIXFile.sync(fd)
        } else {
            let fd = open(path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW)
            guard fd >= 0 else {
                if errno == ENOENT { return }
                // A symbolic link planted where our journal goes is no journal: remove the link, never its target.
                if errno == ELOOP, unlink(path) == 0 { return }
                throw HostError("cannot trim the journal \(path): \(POSIXFile.describe(errno))")
            }
            defer { close(fd) }
            if ftruncate(fd, 0) != 0 { throw HostError("cannot trim the journal \(path): \(POSIXFile.describe(errno))") }
            try POSIXFile.sync(fd)
        }
    }

    func appendJournal(_ line: Data, at location: SessionLocation) throws(HostError) {
        try requireLock(location, to: "write the journal")
        let fd = try journalDescriptor(location)
        var before = stat()
        let size = fstat(fd, &before) == 0 ? before.st_size : -1
        do {
            try POSIXFile.writeAll(fd, line)
        } catch {
            // Take back the part that was written (a full disk), so the journal ends with a whole line.
            if size >= 0 { _ = ftruncate(fd, size) }
            throw error
        }
        if fdatasync(fd) != 0 { throw HostError(POSIXFile.describe(errno)) }
    }

    private func journalDescriptor(_ location: SessionLocation) throws(HostError) -> Int32 {
        if let fd = journals[location.key] { return fd }
        try makeFolder(for: location)
        let path = paths(location).journal
        let existed = POSIXFile.exists(path)
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw HostError("cannot open the journal \(path): \(POSIXFile.describe(errno))") }
        // A new journal's name must reach the disk too, or a power cut could lose the file itself.
        if !existed { POSIXFile.syncDirectory(PathText.parent(path)) }
        journals[location.key] = fd
        return fd
    }

    func replaceJournal(_ lines: [Data], at location: SessionLocation) throws(HostError) {
        try requireLock(location, to: "rewrite the journal")
        if let fd = journals.removeValue(forKey: location.key) { close(fd) }
        try POSIXFile.writeAtomically(lines.reduce(Data(), +), to: paths(location).journal)
    }

    func discardJournal(at location: SessionLocation) {
        guard holds(location) else { return }
        if let fd = journals.removeValue(forKey: location.key) { close(fd) }
        unlink(paths(location).journal)
    }

    func setJournalAside(at location: SessionLocation, reason: String) -> String? {
        guard holds(location) else { return nil }
        if let fd = journals.removeValue(forKey: location.key) { close(fd) }
        let path = paths(location).journal
        let stem = path + "." + reason + "-" + String(ClaimDeskClock.now().secondsSince1970)
        // Never over an earlier one kept aside in the same second.
        for attempt in 0..<100 {
            let aside = attempt == 0 ? stem : stem + "-\(attempt)"
            var existing = stat()
            if lstat(aside, &existing) == 0 { continue }
            return rename(path, aside) == 0 ? aside : nil
        }
        return nil
    }
}
