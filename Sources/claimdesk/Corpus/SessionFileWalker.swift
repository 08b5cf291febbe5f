import ClaimDeskCore
import ClaimDeskCorpus
import ClaimDeskShell
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Finds session snapshots (`*.json`) under folders and compares their file facts with what the
/// index knows, so that a refresh reads only the files that may have changed.
///
/// Hidden files and folders (`.unsaved/`, the index itself) are passed over, and symbolic links to
/// folders are not followed, so a link cannot make the walk loop or leave the folder.
enum SessionFileWalker {
    /// A snapshot to read: new to the index, or with file facts other than those it recorded.
    struct Found {
        /// Its absolute path (its journal is beside it).
        var path: String
        /// Size, modification time and inode of the snapshot and of its journal.
        var signature: FileSignature
        /// What the index knows of it, nil for a file new to it.
        var known: CorpusIndex.FileFacts?
    }

    /// A walk's findings against the index's list of files.
    struct Comparison {
        /// Session files found.
        var found = 0
        /// Those to read.
        var changed: [Found] = []
        /// Those whose facts are as indexed.
        var unchanged = 0
        /// Those whose facts are as recorded when they were skipped, with the reason.
        var stillSkipped: [CorpusRefreshReport.Skip] = []
        /// Files of the index in a folder walked that the walk did not find.
        var gone: [String] = []
    }

    /// The index's files by folder and name, taken out folder by folder as the walk reaches them:
    /// what is left once every folder is walked lies in folders the walk did not reach.
    struct KnownFiles {
        var byFolder: [String: [String: CorpusIndex.FileFacts]]
        /// Folders walked already (folders given may overlap: `index desk desk/alice`).
        var walked: Set<String> = []
    }

    /// Walks `folder` (a missing one holds nothing), adding what it finds to `comparison`.
    static func compare(under folder: String, with known: inout KnownFiles, into comparison: inout Comparison) throws(HostError) {
        let root = POSIXFile.absolute(folder)
        var info = stat()
        guard stat(root, &info) == 0 else {
            if errno == ENOENT { return }
            throw HostError("cannot read the folder \(folder): \(POSIXFile.describe(errno))")
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw HostError("\(folder) is not a folder; name the folder that holds the sessions") }
        walk(root, known: &known, into: &comparison)
    }

    /// Below this many names a folder is looked at by one thread: a second one costs more to start than it saves.
    static let namesPerThread = 1024

    /// Plain `readdir` and `fstatat` relative to the open folder (the kernel does not walk the
    /// whole path again for each name), split between two threads in a large folder, and each
    /// file's facts compared as integers with the index's, found by file name; a path is made
    /// only for a file that changed. The entry's type skips files that are no sessions without a
    /// look, and a journal is looked at only when the folder lists one.
    private static func walk(_ folder: String, known: inout KnownFiles, into comparison: inout Comparison) {
        guard known.walked.insert(folder).inserted, let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        let descriptor = dirfd(directory)
        var entries: [FolderEntry] = []
        var journals = Set<String>()
        while let entry = readdir(directory) {
            let name = POSIXFile.name(of: entry)
            guard !name.hasPrefix(".") else { continue }
            if name.hasSuffix(".journal") { journals.insert(name) } else { entries.append(FolderEntry(name: name, type: entry.pointee.d_type)) }
        }
        let indexed = known.byFolder.removeValue(forKey: folder) ?? [:]
        let look = FolderLook(descriptor: descriptor, entries: entries, journals: journals, indexed: indexed)
        let threads = entries.count >= 2 * namesPerThread ? 2 : 1
        let findings = FolderFindings(parts: threads)
        DispatchQueue.concurrentPerform(iterations: threads) { part in
            let count = look.entries.count
            findings.set(part, look.findings(in: (count * part / threads)..<(count * (part + 1) / threads)))
        }
        let prefix = folder == "/" ? "/" : folder + "/"
        var matched = 0
        var subfolders: [String] = []
        for part in findings.all {
            comparison.found += part.sessions
            comparison.unchanged += part.unchanged
            matched += part.indexedNames.count
            comparison.changed += part.changed.map { Found(path: prefix + $0.name, signature: $0.signature, known: indexed[$0.name]) }
            comparison.stillSkipped += part.stillSkipped.map { CorpusRefreshReport.Skip(path: display(prefix + $0.name), reason: $0.reason) }
            subfolders += part.folders
        }
        if matched < indexed.count {
            // Some file the index knows here is no longer a session file here.
            var names = Set(indexed.keys)
            for part in findings.all { names.subtract(part.indexedNames) }
            comparison.gone += names.map { prefix + $0 }
        }
        for name in subfolders { walk(prefix + name, known: &known, into: &comparison) }
    }

    /// A name read from a folder and its type as the folder lists it.
    struct FolderEntry: Sendable {
        var name: String
        var type: UInt8
    }

    /// What one thread found among some names of a folder.
    struct Findings: Sendable {
        var sessions = 0
        var unchanged = 0
        var changed: [(name: String, signature: FileSignature)] = []
        var stillSkipped: [(name: String, reason: String)] = []
        var folders: [String] = []
        /// The session files here that the index knows (changed or not), to find what is gone.
        var indexedNames: [String] = []
    }

    /// One folder being looked at: its open descriptor, its names and the index's files in it.
    struct FolderLook: Sendable {
        let descriptor: Int32
        let entries: [FolderEntry]
        let journals: Set<String>
        let indexed: [String: CorpusIndex.FileFacts]

        func findings(in range: Range<Int>) -> Findings {
            var findings = Findings()
            for entry in entries[range] {
                let name = entry.name
                let session = name.hasSuffix(".json")
                // Known to be a plain file or link that is no session: nothing to look at.
                if !session, entry.type == UInt8(DT_REG) || entry.type == UInt8(DT_LNK) { continue }
                var info = stat()
                guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    findings.folders.append(name)
                case S_IFREG where session, S_IFLNK where session:
                    // A link to nothing is still listed, to be skipped with its reason when read.
                    var facts = (info.st_mode & S_IFMT) == S_IFLNK
                        ? SessionFileWalker.signature(name, in: descriptor) ?? FileSignature(size: -1) : SessionFileWalker.signature(of: info)
                    // Most folders have no journals: the name is not even made then.
                    if !journals.isEmpty {
                        let journal = String(name.dropLast(5)) + ".journal"
                        if journals.contains(journal), let journalFacts = SessionFileWalker.signature(journal, in: descriptor) {
                            (facts.journalSize, facts.journalModified, facts.journalInode) = (journalFacts.size, journalFacts.modified, journalFacts.inode)
                        }
                    }
                    findings.sessions += 1
                    guard let entry = indexed[name] else {
                        findings.changed.append((name, facts))
                        continue
                    }
                    findings.indexedNames.append(name)
                    if entry.signature != facts {
                        findings.changed.append((name, facts))
                    } else if let reason = entry.skipped {
                        findings.stillSkipped.append((name, reason))
                    } else {
                        findings.unchanged += 1
                    }
                default:
                    continue
                }
            }
            return findings
        }
    }

    /// The findings of a folder's parts, each set by the thread that looked at it.
    final class FolderFindings: @unchecked Sendable {
        private let lock = NSLock()
        private var parts: [Findings]

        init(parts: Int) {
            self.parts = Array(repeating: Findings(), count: parts)
        }

        func set(_ part: Int, _ findings: Findings) {
            lock.lock()
            defer { lock.unlock() }
            parts[part] = findings
        }

        var all: [Findings] {
            lock.lock()
            defer { lock.unlock() }
            return parts
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
        FileSignature(size: Int64(info.st_size), modified: POSIXFile.nanoseconds(info.st_mtim), inode: Int64(bitPattern: UInt64(info.st_ino)))
    }

    /// An absolute path as the user would write it from the working folder (relative under it).
    static func display(_ path: String) -> String {
        let here = POSIXFile.workingFolder
        let prefix = here.hasSuffix("/") ? here : here + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
