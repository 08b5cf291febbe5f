#if canImport(Glibc)
import Glibc
#endif

/// Path checks for the shell's start, with plain system calls: the first use of `FileManager`
/// costs more than the `stat` or `mkdir` it makes.
extension POSIXFile {
    /// Whether something exists at `path` (following symbolic links, as `FileManager.fileExists` does).
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// Creates `path` and any missing folders above it (like `mkdir -p`); true when it is a folder at the end.
    @discardableResult
    static func makeFolders(_ path: String) -> Bool {
        var info = stat()
        if stat(path, &info) == 0 { return (info.st_mode & S_IFMT) == S_IFDIR }
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += part
            if mkdir(prefix, 0o777) != 0 && errno != EEXIST { return false }
            prefix += "/"
        }
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
