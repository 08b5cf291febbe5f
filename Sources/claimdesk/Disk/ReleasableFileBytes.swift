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
    private let memory: AnonymousMemory
    private let fd: Int32
    private let lock = NSLock()
    /// Bytes from the start given back (a multiple of a page, or of a huge page: ``AnonymousMemory/releasable``); guarded by `lock`.
    private var released = 0

    /// The bytes of the session file `path`, with their owner when their memory can be given
    /// back; nil when there is no such file. One `open` and one `fstat` answer every question
    /// asked of the file before it is read: a folder, something other than a regular file, or a
    /// file over `byteLimit` bytes is refused in words.
    static func read(_ path: String, byteLimit: Int) throws(HostError) -> (Data, ReleasableFileBytes?)? {
        // Non-blocking: opening a FIFO for reading would otherwise wait for a writer.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw HostError("cannot read \(path): \(POSIXFile.describe(errno))")
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let failure = errno
            close(fd)
            throw HostError("cannot read \(path): \(POSIXFile.describe(failure))")
        }
        let kind = info.st_mode & S_IFMT, size = Int(info.st_size)
        var problem: String?
        if kind == S_IFDIR {
            problem = "\(path) is a folder, not a session file"
        } else if kind != S_IFREG {
            problem = "\(path) is a device, a pipe or a socket, not a session file"
        } else if size > byteLimit {
            problem = "\(path) is \(ByteSize.describe(size)), over the 1 GB limit (\(ByteSize.grouped(byteLimit)) bytes) for a session file"
        }
        if let problem {
            close(fd)
            throw HostError(problem)
        }
        guard size > 0 else {
            close(fd)
            return (Data(), nil)
        }
        guard let memory = AnonymousMemory(count: size) else {
            // No memory to give back page by page: the bytes are read as any file's are.
            defer { close(fd) }
            var failure: Int32 = 0
            let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
                (count, failure) = POSIXFile.read(fd, into: buffer.baseAddress!, count: size, at: 0)
            }
            if failure != 0 { throw HostError("cannot read \(path): \(POSIXFile.describe(failure))") }
            return (Data(bytes), nil)
        }
        // A file that shrank while it was read gives the bytes that were there.
        let (count, failure) = POSIXFile.read(fd, into: memory.base, count: size, at: 0)
        if failure != 0 {
            memory.unmap()
            close(fd)
            throw HostError("cannot read \(path): \(POSIXFile.describe(failure))")
        }
        let owner = ReleasableFileBytes(memory: memory, fd: fd)
        // The data keeps its owner alive; the owner unmaps the memory when both are gone.
        let data = Data(bytesNoCopy: memory.base, count: count, deallocator: .custom { _, _ in withExtendedLifetime(owner) {} })
        return (data, owner)
    }

    private init(memory: AnonymousMemory, fd: Int32) {
        self.memory = memory
        self.fd = fd
    }

    deinit {
        memory.unmap()
        close(fd)
    }

    func release(upTo offset: Int) {
        lock.lock()
        defer { lock.unlock() }
        let end = memory.releasable.end(upTo: offset)
        guard end > released else { return }
        if madvise(memory.base + released, end - released, MADV_DONTNEED) == 0 { released = end }
    }

    func restore() {
        lock.lock()
        defer { lock.unlock() }
        guard released > 0 else { return }
        // A file cut short since leaves the rest zeros, which no reader takes for a session.
        _ = POSIXFile.read(fd, into: memory.base, count: min(released, memory.length), at: 0)
        released = 0
    }
}
