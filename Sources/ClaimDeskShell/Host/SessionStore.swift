import ClaimDeskCore
import Foundation

/// Where a session's files live: its snapshot, its journal and its lock.
public struct SessionLocation: Equatable, Sendable {
    /// The name shown in the prompt and in `sessions`.
    public var name: String
    /// The snapshot file as the user would write it (`sessions/harbor.json`).
    public var displayPath: String
    /// Whether this is a session never saved under a name (it journals under `sessions/.unsaved/`).
    public var isUnsaved: Bool
    /// The store's own key for this location.
    public var key: String

    public init(name: String, displayPath: String, isUnsaved: Bool, key: String) {
        self.name = name
        self.displayPath = displayPath
        self.isUnsaved = isUnsaved
        self.key = key
    }
}

/// A saved session as `sessions` lists it.
public struct SessionListing: Equatable, Sendable {
    public var location: SessionLocation
    public var modified: Date?
    public var bytes: Int
    /// Changes in its journal not yet in the snapshot.
    public var pendingChanges: Int
    /// Who holds it open, if anyone.
    public var heldBy: String?

    public init(location: SessionLocation, modified: Date?, bytes: Int, pendingChanges: Int, heldBy: String?) {
        self.location = location
        self.modified = modified
        self.bytes = bytes
        self.pendingChanges = pendingChanges
        self.heldBy = heldBy
    }
}

/// What reading a session's files found.
public struct StoredSession: Sendable {
    /// The snapshot's bytes; nil for a session that was never saved. Any released by a reading
    /// (``snapshotRelease``) are put back first.
    public var snapshot: Data? {
        snapshotRelease?.restore()
        return snapshotBytes
    }
    /// The snapshot's bytes as they are, for the one reading that may release them.
    let snapshotBytes: Data?
    /// Gives back the memory of the snapshot's bytes as opening reads them (see
    /// ``ReadBytesRelease``); nil where the store cannot.
    public let snapshotRelease: (any ReadBytesRelease)?
    /// Whether there is a snapshot, without putting back bytes a reading released.
    public var hasSnapshot: Bool { snapshotBytes != nil }
    /// The journal's complete lines, oldest first.
    public var journal: [Data]
    /// Set when the journal's last line was cut off (a torn write): it is ignored.
    public var tornTail: Bool
    /// Where the journal is, to tell the user (`sessions/harbor.journal`).
    public var journalPath: String?

    public init(snapshot: Data?, journal: [Data], tornTail: Bool, journalPath: String? = nil,
                snapshotRelease: (any ReadBytesRelease)? = nil) {
        snapshotBytes = snapshot
        self.snapshotRelease = snapshot == nil ? nil : snapshotRelease
        self.journal = journal
        self.tornTail = tornTail
        self.journalPath = journalPath
    }
}

/// The outcome of asking for a session's lock.
public enum LockOutcome: Equatable, Sendable {
    case acquired
    /// A lock left by a process that is no longer running was taken over.
    case tookOver(previousHolder: String)
    /// Another running process holds it: open read-only.
    case heldBy(String)
}

/// Session files on some medium: snapshots written atomically, journals appended and flushed, locks.
public protocol SessionStore: AnyObject {
    /// The location for a name (under the sessions folder) or a path (ends in `.json` or has a `/`).
    func location(for nameOrPath: String) throws(HostError) -> SessionLocation
    /// A new place for a session that has no name yet.
    func newUnsavedLocation() -> SessionLocation
    /// Unsaved sessions whose journal has changes and whose process is gone, newest first.
    func abandonedUnsaved() -> [SessionLocation]
    func list() throws(HostError) -> [SessionListing]
    /// The names `open` accepts, read from the folder alone (for completion, on every Tab).
    func names() -> [String]
    func exists(_ location: SessionLocation) -> Bool
    func read(_ location: SessionLocation) throws(HostError) -> StoredSession
    func lock(_ location: SessionLocation) throws(HostError) -> LockOutcome
    /// Releases a lock this process holds, removing its file; does nothing to anyone else's.
    func unlock(_ location: SessionLocation)
    /// Checks, before a change or a save, that this process still holds the location's lock.
    /// Returns nil while it does; once the lock's file was deleted (letting another process in),
    /// the lock is given up without touching any file, and the answer says what happened.
    func confirmLock(_ location: SessionLocation) -> String?
    /// The snapshot's bytes as they are now (nil when there is none), to tell whether it was
    /// replaced since it was read.
    func currentSnapshot(_ location: SessionLocation) throws(HostError) -> Data?
    /// Replaces the snapshot atomically and empties the journal (only under this process's lock).
    func writeSnapshot(_ data: Data, to location: SessionLocation) throws(HostError)
    /// The same as ``writeSnapshot(_:to:)`` for bytes as the encoder made them, so that a large
    /// session is not copied into `Data` first.
    func writeSnapshot(bytes: [UInt8], to location: SessionLocation) throws(HostError)
    /// The snapshot file's ``SnapshotStamp`` now; nil when there is no file, or for a store that
    /// keeps none (then a save always reads the file to check it).
    func snapshotStamp(_ location: SessionLocation) -> SnapshotStamp?
    /// Appends one line to the journal and flushes it to the disk before returning (only under
    /// this process's lock).
    func appendJournal(_ line: Data, at location: SessionLocation) throws(HostError)
    /// Removes a location's journal after its changes were saved elsewhere; does nothing unless
    /// this process holds the location's lock.
    func discardJournal(at location: SessionLocation)
    /// Replaces the journal with these lines, atomically (only under this process's lock).
    func replaceJournal(_ lines: [Data], at location: SessionLocation) throws(HostError)
    /// Keeps a journal aside, untouched, under a name that says why (`damaged`, `unmatched`),
    /// returning where it went; nil, and nothing moved, unless this process holds the lock.
    func setJournalAside(at location: SessionLocation, reason: String) -> String?
    /// Lines to show after the command that caused them (a shared store that went out of reach
    /// and came back); reading them empties the list.
    func takeNotices() -> [String]
}

extension SessionStore {
    /// A store on the local disk has nothing to say between commands.
    public func takeNotices() -> [String] { [] }

    public func writeSnapshot(bytes: [UInt8], to location: SessionLocation) throws(HostError) {
        try writeSnapshot(Data(bytes), to: location)
    }

    public func snapshotStamp(_ location: SessionLocation) -> SnapshotStamp? { nil }
}
