import ClaimDeskCore
import ClaimDeskShell
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Finds session snapshots (`*.json`) under folders, and the facts that tell whether they changed.
///
/// Hidden files and folders (`.unsaved/`, the index itself) are passed over, and symbolic links to
/// folders are not followed, so a link cannot make the walk loop or leave the folder.
enum SessionFileWalker {
    /// A snapshot found, by absolute path, with its journal beside it.
    struct Found {
        var path: String
        var journalPath: String
        /// Size, modification time and inode of the snapshot and of its journal (or `-`).
        var signature: String
    }

    /// The snapshots under `folder`, in no set order; a missing folder holds none.
    static func sessions(under folder: String) throws(HostError) -> [Found] {
        let root = absolute(folder)
        var info = stat()
        guard stat(root, &info) == 0 else {
            if errno == ENOENT { return [] }
            throw HostError("cannot read the folder \(folder): \(POSIXFile.describe(errno))")
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw HostError("\(folder) is not a folder; name the folder that holds the sessions") }
        var found: [Found] = []
        walk(root, into: &found)
        return found
    }

    /// Plain `readdir` and `lstat`: a refresh of 10,000 sessions walks 10,000 names, and
    /// Foundation's directory listing cost a third of a refresh that found nothing to do. A
    /// journal is looked at only when the folder lists one, so a session without one costs no
    /// failing `stat`.
    private static func walk(_ folder: String, into found: inout [Found]) {
        guard let directory = opendir(folder) else { return }
        var names: [String] = []
        var journals = Set<String>()
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            if name.hasSuffix(".journal") { journals.insert(name) } else { names.append(name) }
        }
        closedir(directory)
        for name in names {
            let path = folder == "/" ? "/" + name : folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                walk(path, into: &found)
            case S_IFREG where name.hasSuffix(".json"), S_IFLNK where name.hasSuffix(".json"):
                let journalName = String(name.dropLast(5)) + ".journal"
                let journal = String(path.dropLast(5)) + ".journal"
                let snapshot = (info.st_mode & S_IFMT) == S_IFLNK ? signature(path) : signature(of: info)
                found.append(Found(path: path, journalPath: journal,
                                   signature: snapshot + " " + (journals.contains(journalName) ? signature(journal) : "-")))
            default:
                continue
            }
        }
    }

    /// `size:seconds.nanoseconds:inode` of a file (following a link), or `-` when there is none.
    static func signature(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return "-" }
        return signature(of: info)
    }

    private static func signature(of info: stat) -> String {
        String(info.st_size) + ":" + String(info.st_mtim.tv_sec) + "." + String(info.st_mtim.tv_nsec) + ":" + String(info.st_ino)
    }

    /// An absolute path as the user would write it from the working folder (relative under it).
    static func display(_ path: String) -> String {
        let here = FileManager.default.currentDirectoryPath
        let prefix = here.hasSuffix("/") ? here : here + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// The path made absolute and free of `.` and `..`, without resolving links.
    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
