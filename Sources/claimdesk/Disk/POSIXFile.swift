import ClaimDeskCore
import ClaimDeskShell
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Thin wrappers over POSIX calls that report failures as ``HostError``s in plain words.
enum POSIXFile {
    /// The message for an errno value, e.g. "No space left on device".
    static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    /// Writes every byte, retrying short writes and interruptions.
    static func writeAll(_ fd: Int32, _ data: Data) throws(HostError) {
        var failure: Int32 = 0
        data.withUnsafeBytes { raw in
            guard var pointer = raw.baseAddress else { return }
            var remaining = raw.count
            while remaining > 0 {
                let written = write(fd, pointer, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                remaining -= written
                pointer = pointer.advanced(by: written)
            }
        }
        if failure != 0 { throw HostError(describe(failure)) }
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

    /// Replaces `path` with `data` atomically: a temporary file beside it, fsync, rename, fsync of the folder.
    ///
    /// - Parameter pause: called after the temporary file is written, before the rename (test hook).
    static func writeAtomically(_ data: Data, to path: String, pause: () -> Void = {}) throws(HostError) {
        let folder = PathText.parent(path).isEmpty ? "." : PathText.parent(path)
        let name = PathText.lastComponent(path)
        let temporary = PathText.appending(folder, ".\(name).tmp-\(getpid())")
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw HostError(describe(errno)) }
        do {
            try writeAll(fd, data)
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
}

