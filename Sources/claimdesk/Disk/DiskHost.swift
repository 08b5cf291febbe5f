import ClaimDeskCore
import ClaimDeskShell
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The shell's window on the real disk and standard input.
final class DiskHost: ShellHost {
    let store: SessionStore
    /// Whether standard input is free for `load -` (not carrying commands, not a terminal).
    let standardInputIsFree: Bool
    /// The corpus index file (`--index`); nil for the default place (see ``CorpusDesk``).
    let corpusIndex: String?

    init(store: SessionStore, standardInputIsFree: Bool, corpusIndex: String? = nil) {
        self.store = store
        self.standardInputIsFree = standardInputIsFree
        self.corpusIndex = corpusIndex
    }

    func readFile(_ path: String) throws(HostError) -> Data {
        try Self.readFile(atPath: path)
    }

    /// A file's bytes, refusing folders and files over the article size limit.
    static func readFile(atPath path: String) throws(HostError) -> Data {
        // Plain POSIX calls: this runs at start-up, where Foundation's file attributes cost time.
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw HostError(errno == ENOENT || errno == ENOTDIR ? "no such file; check the path (Tab completes it)"
                            : "cannot read it: \(POSIXFile.describe(errno))")
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw HostError("it is a folder, not a file; name a file in it") }
        // A pipe would block until someone writes to it, and a device has no size to check.
        if (info.st_mode & S_IFMT) != S_IFREG {
            throw HostError("it is a device, a pipe or a socket, not a regular file; load - reads standard input")
        }
        let size = Int(info.st_size)
        if size > ArticleDecoder.sizeLimit { throw HostError(ArticleInputError.tooLarge(bytes: size).message) }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw HostError(errno == EACCES ? "permission denied; check the file's permissions" : "cannot read it: \(POSIXFile.describe(errno))")
        }
        defer { close(fd) }
        // Into memory that is not zeroed first (`Data(count:)` clears every page the read then overwrites).
        guard size > 0, let buffer = malloc(size) else { return Data() }
        let (count, failure) = POSIXFile.read(fd, into: buffer, count: size)
        if failure != 0 {
            free(buffer)
            throw HostError("cannot read it: \(POSIXFile.describe(failure))")
        }
        return Data(bytesNoCopy: buffer, count: count, deallocator: .free)
    }

    func readStandardInput() throws(HostError) -> Data {
        guard standardInputIsFree else {
            throw HostError("standard input carries the commands; pass the script with --script FILE or -c to load - from a pipe")
        }
        return FileHandle.standardInput.readDataToEndOfFile()
    }

    /// Files are replaced by renaming a new one over them; over a device, pipe or socket
    /// (`/dev/null`, a FIFO) that would replace the special file itself, so those are refused.
    func writeFile(_ data: Data, to path: String) throws(HostError) {
        try checkReplaceable(path)
        try POSIXFile.writeAtomically(data, to: path)
    }

    /// Replaces a file atomically with what `contents` writes to its descriptor, piece by piece.
    func writeFile(to path: String, contents: (Int32) throws(HostError) -> Void) throws(HostError) {
        try checkReplaceable(path)
        try POSIXFile.writeAtomically(to: path, contents: contents)
    }

    /// Refuses to replace a device, a pipe or a socket.
    private func checkReplaceable(_ path: String) throws(HostError) {
        var info = stat()
        if lstat(path, &info) == 0 {
            let type = info.st_mode & S_IFMT
            guard type == S_IFREG || type == S_IFLNK || type == S_IFDIR else {
                throw HostError("it is a device, a pipe or a socket, not a regular file")
            }
        }
    }

    func directoryEntries(_ path: String) -> [String] {
        let folder = path.isEmpty ? "." : path
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return names.map { name in
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: PathText.appending(folder, name), isDirectory: &isFolder)
            return exists && isFolder.boolValue ? name + "/" : name
        }.sorted()
    }
}

extension DiskHost {
    func fetch(_ url: String) throws(HostError) -> FetchedPage {
        try PageFetcher().fetch(url)
    }
}
