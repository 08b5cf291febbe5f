import ClaimDeskCore
import ClaimDeskShell
#if canImport(Glibc)
import Glibc
#endif

/// An advisory lock on a session, held with `flock` on `NAME.lock` for as long as the process runs.
///
/// The kernel drops a `flock` when its process dies, so a lock file whose lock can be taken is
/// stale whatever it says. The file records who holds it, so a second process can name the first.
/// A lock lives on the file's inode, not its name: a holder removes the file when it lets go, a
/// taker checks that the name still leads to the inode it locked, and ``isStillHeld`` tells
/// whether someone deleted the file meanwhile (which would let a second writer in).
final class SessionLock {
    let path: String
    private(set) var descriptor: Int32 = -1

    init(path: String) { self.path = path }

    deinit { release() }

    /// Takes the lock, or reports who holds it.
    func acquire() throws(HostError) -> LockOutcome {
        // A holder that lets go removes the file: if it did so between our open and our flock, the
        // inode we locked has no name any more, and we try again on the new file.
        for _ in 0..<16 {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
            guard fd >= 0 else { throw HostError("cannot create the lock \(path): \(POSIXFile.describe(errno))") }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                let holder = Self.describeHolder(Self.read(fd))
                close(fd)
                return .heldBy(holder)
            }
            guard POSIXFile.isSameFile(fd, path) else {
                close(fd)
                continue
            }
            let previous = Self.read(fd)
            let me = LockHolder.thisProcess() + "\n"
            _ = ftruncate(fd, 0)
            // Not flushed: the holder's name is for people; the kernel's flock is what protects.
            _ = pwrite(fd, me, me.utf8.count, 0)
            descriptor = fd
            let holder = Spaces.trimmedLine(previous)
            return holder.isEmpty ? .acquired : .tookOver(previousHolder: holder + ", which is no longer running")
        }
        throw HostError("cannot take the lock \(path): it keeps being replaced")
    }

    /// Whether the lock file we hold still has its name (nobody deleted or replaced it).
    var isStillHeld: Bool {
        descriptor >= 0 && POSIXFile.isSameFile(descriptor, path)
    }

    /// Whether another process holds the lock now (without taking it), and who.
    static func holder(at path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        if flock(fd, LOCK_SH | LOCK_NB) == 0 {
            flock(fd, LOCK_UN)
            return nil
        }
        return describeHolder(read(fd))
    }

    /// Removes the lock file (only while its name still leads to our inode: after a deletion it
    /// may be another process's lock) and drops the lock.
    func release() {
        guard descriptor >= 0 else { return }
        if POSIXFile.isSameFile(descriptor, path) { unlink(path) }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    /// Drops the lock without touching the file, whose name may belong to another process now.
    func abandon() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    private static func read(_ fd: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 512)
        let n = pread(fd, &buffer, buffer.count, 0)
        return n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self) : ""
    }

    /// The holder a lock file names, trimmed without Foundation (``Spaces``: `trimmingCharacters(in:)`
    /// cost about 20 µs of every opening, its character set made on first use).
    private static func describeHolder(_ text: String) -> String {
        let line = Spaces.trimmedLine(text)
        return line.isEmpty ? "another claimdesk process" : line
    }
}
