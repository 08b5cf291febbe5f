/// Where the worked-on session lives and whether this process may write there: the part of a
/// session's state that belongs to its files, not to its content, so it is kept by
/// ``SessionPersistence`` rather than by ``Workspace``.
struct SessionPlace {
    /// Where the session is saved and journalled; nil until it is given one.
    var location: SessionLocation?
    /// Why the session may not be changed (another process holds it, a look at a journal), if so.
    var readOnlyReason: String?
    /// The SHA-256 of the session file as this process last read or wrote it (nil: no file): the
    /// journal's header names it, and `save` refuses to overwrite a file that no longer matches.
    var snapshotFingerprint: String?
    /// The session file's stamp as this process read it, when it vouches for the file (see
    /// ``SnapshotStamp``): a save then needs not read the file again to see that it is unchanged.
    var snapshotStamp: SnapshotStamp? = nil
}
