import ClaimDeskCore
import ClaimDeskCorpus
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
    /// A snapshot found, by absolute path (its journal is beside it).
    struct Found {
        var path: String
        /// Size, modification time and inode of the snapshot and of its journal.
        var signature: FileSignature
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

    /// Plain `readdir` and `fstatat`: a refresh of 10,000 sessions walks 10,000 names, and
    /// Foundation's directory listing cost a third of a refresh that found nothing to do. Names
    /// are looked up relative to the open folder (the kernel does not walk the whole path again
    /// for each), the entry's type skips files that are no sessions without a look, and a journal
    /// is looked at only when the folder lists one.
    private static func walk(_ folder: String, into found: inout [Found]) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        let descriptor = dirfd(directory)
        var entries: [(name: String, type: UInt8)] = []
        var journals = Set<String>()
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            if name.hasSuffix(".journal") { journals.insert(name) } else { entries.append((name, entry.pointee.d_type)) }
        }
        for (name, type) in entries {
            let session = name.hasSuffix(".json")
            // Known to be a plain file or link that is no session: nothing to look at.
            if !session, type == UInt8(DT_REG) || type == UInt8(DT_LNK) { continue }
            let path = folder == "/" ? "/" + name : folder + "/" + name
            var info = stat()
            guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                walk(path, into: &found)
            case S_IFREG where session, S_IFLNK where session:
                // A link to nothing is still listed, to be skipped with its reason when read.
                var facts = (info.st_mode & S_IFMT) == S_IFLNK ? signature(name, in: descriptor) ?? FileSignature(size: -1) : signature(of: info)
                if !journals.isEmpty, journals.contains(String(name.dropLast(5)) + ".journal"),
                   let journal = signature(String(name.dropLast(5)) + ".journal", in: descriptor) {
                    facts.journalSize = journal.size
                    facts.journalModified = journal.modified
                    facts.journalInode = journal.inode
                }
                found.append(Found(path: path, signature: facts))
            default:
                continue
            }
        }
    }

    /// The signature of a file in an open folder, following a link, or nil when there is none.
    private static func signature(_ name: String, in folder: Int32) -> FileSignature? {
        var info = stat()
        guard fstatat(folder, name, &info, 0) == 0 else { return nil }
        return signature(of: info)
    }

    /// Size, modification time (nanoseconds) and inode of a file, as integers.
    private static func signature(of info: stat) -> FileSignature {
        let seconds = Int64(info.st_mtim.tv_sec)
        let (nanoseconds, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return FileSignature(size: Int64(info.st_size), modified: overflow ? seconds : nanoseconds &+ Int64(info.st_mtim.tv_nsec),
                             inode: Int64(bitPattern: UInt64(info.st_ino)))
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
