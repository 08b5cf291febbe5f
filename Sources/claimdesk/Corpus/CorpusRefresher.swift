import ClaimDeskCore
import ClaimDeskCorpus
import ClaimDeskShell
import Foundation

/// Brings the index up to date with the session files under some folders.
///
/// A file whose size, time and inode are as indexed is not read. One that differs is read and
/// hashed (snapshot and journal); only when its content differs is it replayed (snapshot plus
/// journal, in memory, as `claimdesk export` reads it) and its rows replaced. Files gone from the
/// folders leave the index; a file that is not a readable session is skipped with its reason.
struct CorpusRefresher {
    let index: CorpusIndex

    func refresh(folders: [String]) throws(HostError) -> CorpusRefreshReport {
        var report = CorpusRefreshReport()
        report.indexPath = index.path
        var found: [SessionFileWalker.Found] = []
        for folder in folders { found += try SessionFileWalker.sessions(under: folder) }
        let roots = folders.map { SessionFileWalker.absolute($0) + "/" }
        do {
            let known = try index.files()
            try index.batch { () throws(SQLiteError) in
                var seen = Set<String>()
                for file in found where seen.insert(file.path).inserted {
                    report.found += 1
                    let entry = known[file.path]
                    if let entry, entry.signature == file.signature {
                        if let reason = entry.skipped { report.skipped.append(.init(path: SessionFileWalker.display(file.path), reason: reason)) } else { report.unchanged += 1 }
                        continue
                    }
                    try update(file, known: entry, report: &report)
                }
                for (path, _) in known where !seen.contains(path) {
                    // Outside the folders walked now, an entry stays while its file exists.
                    guard roots.contains(where: { path.hasPrefix($0) }) || !SessionFileWalker.exists(path) else { continue }
                    try index.remove(path)
                    report.removed += 1
                }
            }
        } catch {
            throw HostError("cannot update the index \(index.path): \(error.message)")
        }
        report.skipped.sort { $0.path < $1.path }
        return report
    }

    private func update(_ file: SessionFileWalker.Found, known: CorpusIndex.FileEntry?, report: inout CorpusRefreshReport) throws(SQLiteError) {
        let store = DiskSessionStore(folder: PathText.parent(file.path))
        let stored: StoredSession
        let location: SessionLocation
        do {
            location = try store.location(for: file.path)
            stored = try store.read(location)
        } catch {
            report.skipped.append(.init(path: SessionFileWalker.display(file.path), reason: error.message))
            try index.skip(file.path, signature: file.signature, contentHash: "", reason: error.message)
            return
        }
        let hash = Self.contentHash(stored)
        if let known, known.contentHash == hash {
            try index.touch(file.path, signature: file.signature)
            if let reason = known.skipped { report.skipped.append(.init(path: SessionFileWalker.display(file.path), reason: reason)) } else { report.unchanged += 1 }
            return
        }
        do {
            let (session, notices) = try stored.replayedInMemory(at: location)
            try index.put(session, path: file.path, name: location.name, signature: file.signature, contentHash: hash, notices: notices)
            report.reindexed += 1
            let shown = SessionFileWalker.display(file.path)
            report.notices += notices.map { notice in
                let text = notice.replacingOccurrences(of: file.path, with: shown)
                return text.contains(shown) ? text : "\(shown): \(text)"
            }
        } catch let error as SQLiteError {
            throw error
        } catch {
            let reason = (error as? ShellError)?.message ?? "\(error)"
            report.skipped.append(.init(path: SessionFileWalker.display(file.path), reason: Self.withoutPath(reason, file.path)))
            try index.skip(file.path, signature: file.signature, contentHash: hash, reason: Self.withoutPath(reason, file.path))
        }
    }

    /// SHA-256 of the snapshot's bytes and of the journal's lines.
    static func contentHash(_ stored: StoredSession) -> String {
        var journal = Data()
        for line in stored.journal { journal.append(line); journal.append(0x0A) }
        return SHA256Digest.hex(ofData: stored.snapshot ?? Data()) + ":" + SHA256Digest.hex(ofData: journal)
    }

    /// `cannot read PATH: reason` as `reason`, since the report names the path already.
    static func withoutPath(_ message: String, _ path: String) -> String {
        let prefix = "cannot read \(path): "
        return message.hasPrefix(prefix) ? String(message.dropFirst(prefix.count)) : message
    }
}
