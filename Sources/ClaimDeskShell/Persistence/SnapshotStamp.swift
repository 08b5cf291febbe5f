/// What a session file's metadata says about it (device, inode, size, modification and change
/// times), to tell without reading it that it is still the file this shell read.
///
/// A save first makes sure the file was not replaced or rewritten since it was read; reading
/// and hashing 51 MB for that cost more than the rest of a save after one change. The change
/// time cannot be set by any program, so a file whose stamp is unchanged was not written since.
///
/// Only a settled stamp vouches for the file: one taken well after the file's last change. File
/// times come from a clock that ticks coarsely (milliseconds; seconds on some filesystems), so a
/// file rewritten in place within the tick of the stamp could keep every field of it; once the
/// clock has moved past that tick, no write can. An unsettled stamp (a file written a moment
/// ago, such as by this shell's own save) vouches for nothing: the file is read and its SHA-256
/// compared instead, as without stamps.
public struct SnapshotStamp: Equatable, Sendable {
    public var device: UInt64
    public var inode: UInt64
    public var size: Int64
    /// Modification and change times, in nanoseconds since 1970.
    public var modified: Int64
    public var changed: Int64
    /// Whether the stamp was taken long enough after `changed` to vouch for the file.
    public var settled: Bool

    public init(device: UInt64, inode: UInt64, size: Int64, modified: Int64, changed: Int64, settled: Bool) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modified = modified
        self.changed = changed
        self.settled = settled
    }

    /// A stamp taken at `now` (nanoseconds since 1970), settled when that is long enough after
    /// the file's last change (``settlingTime(forChangeTime:)``).
    public init(device: UInt64, inode: UInt64, size: Int64, modified: Int64, changed: Int64, takenAt now: Int64) {
        self.init(device: device, inode: inode, size: size, modified: modified, changed: changed,
                  settled: now &- changed >= Self.settlingTime(forChangeTime: changed))
    }

    /// Whether a file stamped `current` now is, beyond doubt, the file this stamp was taken of,
    /// unchanged.
    public func vouches(for current: SnapshotStamp?) -> Bool {
        guard settled, let current else { return false }
        return device == current.device && inode == current.inode && size == current.size
            && modified == current.modified && changed == current.changed
    }

    /// How long after a file's last change a stamp must be taken to be settled, in nanoseconds:
    /// a tenth of a second where the file's times carry sub-millisecond digits (a filesystem with
    /// fine times, whose clock ticks in milliseconds), else two seconds (times in whole seconds,
    /// or two-second ones on FAT).
    public static func settlingTime(forChangeTime changed: Int64) -> Int64 {
        changed % 1_000_000 != 0 ? 100_000_000 : 2_000_000_000
    }
}
