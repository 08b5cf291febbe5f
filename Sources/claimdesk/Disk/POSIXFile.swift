import ClaimDeskCore
import ClaimDeskShell
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Thin wrappers over POSIX calls that report failures as ``HostError``s in plain words.
enum POSIXFile {
    /// The process's working folder, read once: neither the shell nor any command changes it.
    /// The session store's keys and the corpus's paths are made absolute from it (``absolute(_:)``).
    static let workingFolder: String = {
        var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
        let found = buffer.withUnsafeMutableBufferPointer { getcwd(UnsafeMutableRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), $0.count) != nil }
        if found { return String(decoding: buffer.prefix(while: { $0 != 0 }), as: UTF8.self) }
        // A folder removed under the process has no path: the one the shell started us in, as a
        // shell would say it; the root only when there is none.
        if let pwd = getenv("PWD").map({ String(cString: $0) }), pwd.hasPrefix("/") { return pwd }
        return "/"
    }()

    /// `path` made absolute from the working folder, free of `.`, `..` and repeated slashes, links
    /// not followed: the one spelling of a file the session store and the corpus know it by.
    static func absolute(_ path: String) -> String {
        PathText.absolute(path, in: workingFolder)
    }

    /// The message for an errno value, e.g. "No space left on device".
    static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    /// Writes every byte of `Data` or of an array as it is, without copying it first (an export
    /// hands over a piece of 64 KB at a time), retrying short writes and interruptions.
    static func writeAll(_ fd: Int32, _ bytes: some ContiguousBytes) throws(HostError) {
        var failure: HostError?
        bytes.withUnsafeBytes { raw in
            do throws(HostError) { try writeAll(fd, raw) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// The size of the open file `fd` if it is a regular file; nil for a pipe, a folder or a device.
    static func regularFileSize(_ fd: Int32) -> Int? {
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// Reads up to `count` bytes of `fd` into `base`, from `offset` (`pread`) or, when nil, from
    /// the file's position (`read`), retrying short reads and interruptions and stopping early at
    /// the end of the file: how many bytes were read, and the errno of a failure (0 when none).
    static func read(_ fd: Int32, into base: UnsafeMutableRawPointer, count: Int, at offset: Int? = nil) -> (count: Int, error: Int32) {
        var done = 0
        while done < count {
            let got = offset.map { pread(fd, base + done, count - done, off_t($0 + done)) } ?? Glibc.read(fd, base + done, count - done)
            if got < 0 {
                if errno == EINTR { continue }
                return (done, errno)
            }
            if got == 0 { break }
            done += got
        }
        return (done, 0)
    }

    /// Writes every byte of a buffer, retrying short writes and interruptions.
    static func writeAll(_ fd: Int32, _ raw: UnsafeRawBufferPointer) throws(HostError) {
        guard var pointer = raw.baseAddress else { return }
        var remaining = raw.count
        while remaining > 0 {
            let written = write(fd, pointer, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                throw HostError(describe(errno))
            }
            remaining -= written
            pointer = pointer.advanced(by: written)
        }
    }

    /// The name of a folder entry `readdir` returned.
    static func name(of entry: UnsafeMutablePointer<dirent>) -> String {
        withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
    }

    /// What `path`'s metadata says about it now (nil when there is no such file), settled when
    /// taken long enough after the file's last change (see ``SnapshotStamp``).
    static func stamp(_ path: String) -> SnapshotStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return SnapshotStamp(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                             modified: nanoseconds(info.st_mtim), changed: nanoseconds(info.st_ctim), takenAt: nanoseconds(now))
    }

    /// A file time in nanoseconds since 1970; in seconds for a time too far off to count so
    /// (past the year 2262), which no real file has.
    static func nanoseconds(_ t: timespec) -> Int64 {
        let seconds = Int64(t.tv_sec)
        let (nanoseconds, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? seconds : nanoseconds &+ Int64(t.tv_nsec)
    }

    /// Flushes a file's data to the disk.
    static func sync(_ fd: Int32) throws(HostError) {
        if fsync(fd) != 0 { throw HostError(describe(errno)) }
    }

    /// Flushes a folder's entries (after a rename) to the disk.
    static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    /// Whether a path names the file an open descriptor refers to (same device and inode).
    static func isSameFile(_ fd: Int32, _ path: String) -> Bool {
        var open = stat(), named = stat()
        guard fstat(fd, &open) == 0, lstat(path, &named) == 0 else { return false }
        return open.st_dev == named.st_dev && open.st_ino == named.st_ino
    }

    /// Replaces `path` with `data` atomically: a temporary file beside it, fsync, rename, fsync of the folder.
    ///
    /// The temporary file gets an unpredictable name and is created with `O_CREAT|O_EXCL|O_NOFOLLOW`,
    /// so a file or symbolic link planted under that name is never opened, let alone written through.
    ///
    /// - Parameter pause: called after the temporary file is written, before the rename (test hook).
    static func writeAtomically(_ data: Data, to path: String, pause: () -> Void = {}) throws(HostError) {
        try writeAtomically(to: path, pause: pause) { fd throws(HostError) in try writeAll(fd, data) }
    }

    /// Replaces `path` atomically, as above, with what `contents` writes to the temporary file's
    /// descriptor: a large export goes to the disk in pieces rather than whole.
    static func writeAtomically(to path: String, pause: () -> Void = {},
                                contents: (Int32) throws(HostError) -> Void) throws(HostError) {
        let folder = PathText.parent(path).isEmpty ? "." : PathText.parent(path)
        let name = PathText.lastComponent(path)
        let (fd, temporary) = try createTemporaryFile(in: folder, for: name)
        do {
            try contents(fd)
            try sync(fd)
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        close(fd)
        pause()
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw HostError(describe(code))
        }
        syncDirectory(folder)
    }

    /// The prefix of every temporary file `writeAtomically` makes for `name` (`.NAME.tmp-`), so
    /// that stale ones can be found.
    static func temporaryPrefix(for name: String) -> String {
        "." + name + ".tmp-"
    }

    /// Creates a new file `.NAME.tmp-RANDOM` in `folder`, never one that exists, never through a link.
    private static func createTemporaryFile(in folder: String, for name: String) throws(HostError) -> (Int32, String) {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<32 {
            let suffix = String(generator.next(), radix: 36)
            let temporary = PathText.appending(folder, temporaryPrefix(for: name) + suffix)
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if fd >= 0 { return (fd, temporary) }
            // Something is already there under this name (planted or not): draw another.
            if errno == EEXIST || errno == ELOOP || errno == EINTR { continue }
            throw HostError(describe(errno))
        }
        throw HostError("cannot create a temporary file in \(folder): every name drawn was taken")
    }
}
