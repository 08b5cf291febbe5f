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
    /// The snapshot's bytes; nil for a session that was never saved.
    public var snapshot: Data?
    /// The journal's complete lines, oldest first.
    public var journal: [Data]
    /// Set when the journal's last line was cut off (a torn write): it is ignored.
    public var tornTail: Bool

    public init(snapshot: Data?, journal: [Data], tornTail: Bool) {
        self.snapshot = snapshot
        self.journal = journal
        self.tornTail = tornTail
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
    func unlock(_ location: SessionLocation)
    /// Replaces the snapshot atomically and empties the journal.
    func writeSnapshot(_ data: Data, to location: SessionLocation) throws(HostError)
    /// Appends one line to the journal and flushes it to the disk before returning.
    func appendJournal(_ line: Data, at location: SessionLocation) throws(HostError)
    /// Removes a location's journal (after its changes were saved elsewhere).
    func discardJournal(at location: SessionLocation)
    /// Replaces the journal with these lines, atomically.
    func replaceJournal(_ lines: [Data], at location: SessionLocation) throws(HostError)
    /// Keeps a damaged journal aside, returning where it went.
    func quarantineJournal(at location: SessionLocation) -> String?
}
