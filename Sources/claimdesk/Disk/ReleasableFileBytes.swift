import ClaimDeskCore
import ClaimDeskShell
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A session file's bytes in memory of their own, whose pages a reading gives back as it goes
/// and which are read again from the same file when they are needed once more.
///
/// Opening a session of 100,000 annotations held the 51 MB file until the last record was read,
/// with the session beside it; giving back the bytes behind the reader keeps a few megabytes
/// of the file instead. The memory is an anonymous mapping filled by `read`, never a mapping of
/// the file (a file truncated by another program while mapped ends the process with a bus
/// error); released pages are dropped with `madvise(MADV_DONTNEED)` and come back as zeros, so
/// ``restore()`` reads them again through the descriptor kept open, which still names the file
/// that was read even after a save has put a new one in its place.
final class ReleasableFileBytes: ReadBytesRelease, @unchecked Sendable {
    private let base: UnsafeMutableRawPointer
    private let mappedLength: Int
    let count: Int
    private let fd: Int32
    private let lock = NSLock()
    /// Bytes from the start given back (a multiple of the page size); guarded by `lock`.
    private var released = 0
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// The bytes of the regular file `path` and their owner, or nil for an empty file or one the
    /// memory could not be had for (the caller reads it the usual way).
    static func read(_ path: String) throws(HostError) -> (Data, ReleasableFileBytes)? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw HostError("cannot read \(path): \(POSIXFile.describe(errno))") }
        var status = stat()
        guard fstat(fd, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size > 0 else {
            close(fd)
            return nil
        }
        let size = Int(status.st_size)
        let length = (size + pageSize - 1) / pageSize * pageSize
        guard let base = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), base != MAP_FAILED else {
            close(fd)
            return nil
        }
        var count = 0
        while count < size {
            let got = pread(fd, base + count, size - count, off_t(count))
            if got < 0 {
                if errno == EINTR { continue }
                let failure = errno
                munmap(base, length)
                close(fd)
                throw HostError("cannot read \(path): \(POSIXFile.describe(failure))")
            }
            if got == 0 { break }  // The file shrank while it was read: what was there.
            count += got
        }
        let owner = ReleasableFileBytes(base: base, mappedLength: length, count: count, fd: fd)
        // The data keeps its owner alive; the owner unmaps the memory when both are gone.
        let data = Data(bytesNoCopy: base, count: count, deallocator: .custom { _, _ in withExtendedLifetime(owner) {} })
        return (data, owner)
    }

    private init(base: UnsafeMutableRawPointer, mappedLength: Int, count: Int, fd: Int32) {
        self.base = base
        self.mappedLength = mappedLength
        self.count = count
        self.fd = fd
    }

    deinit {
        munmap(base, mappedLength)
        close(fd)
    }

    func release(upTo offset: Int) {
        lock.lock()
        defer { lock.unlock() }
        let end = min(offset, count) / Self.pageSize * Self.pageSize
        guard end > released else { return }
        if madvise(base + released, end - released, MADV_DONTNEED) == 0 { released = end }
    }

    func restore() {
        lock.lock()
        defer { lock.unlock() }
        var done = 0
        while done < released {
            let got = pread(fd, base + done, released - done, off_t(done))
            if got < 0, errno == EINTR { continue }
            // A file cut short since: the rest stays zeros, which no reader takes for a session.
            if got <= 0 { break }
            done += got
        }
        released = 0
    }
}
