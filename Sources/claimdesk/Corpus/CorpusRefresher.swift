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
        var known: SessionFileWalker.KnownFiles
        do { known = SessionFileWalker.KnownFiles(byFolder: try index.fileFactsByFolder()) } catch {
            throw HostError("cannot update the index \(index.path): \(error.message)")
        }
        // Walked and compared before the index is written: a refresh with nothing to do writes nothing.
        var walk = SessionFileWalker.Comparison()
        for folder in folders { try SessionFileWalker.compare(under: folder, with: &known, into: &walk) }
        report.found = walk.found
        report.unchanged = walk.unchanged
        report.skipped = walk.stillSkipped
        // Files of the index in folders the walk did not reach: under a folder walked now they are
        // gone; outside, an entry stays while its file exists. A team store's sessions are
        // refreshed from the store.
        let roots = folders.map { POSIXFile.absolute($0) + "/" }
        var gone = walk.gone
        for (folder, files) in known.byFolder {
            for name in files.keys {
                let path = PathText.appending(folder, name)
                guard !path.hasPrefix(Self.storePrefix) else { continue }
                if roots.contains(where: { path.hasPrefix($0) }) || !POSIXFile.exists(path) { gone.append(path) }
            }
        }
        guard !walk.changed.isEmpty || !gone.isEmpty else {
            report.skipped.sort { $0.path < $1.path }
            return report
        }
        try updatingIndex { () throws(SQLiteError) in
            try index.batch { () throws(SQLiteError) in
                for file in walk.changed { try update(file, report: &report) }
                for path in gone {
                    try index.remove(path)
                    report.removed += 1
                }
            }
        }
        report.skipped.sort { $0.path < $1.path }
        return report
    }

    private func update(_ file: SessionFileWalker.Found, report: inout CorpusRefreshReport) throws(SQLiteError) {
        let store = DiskSessionStore(folder: PathText.parent(file.path))
        try update(key: file.path, signature: file.signature, known: file.known, report: &report) { () throws(HostError) in
            let location = try store.location(for: file.path)
            return (try store.read(location), location)
        }
    }

    /// Reads one session, and re-indexes it under `key` when its content changed.
    private func update(key: String, signature: FileSignature, known: CorpusIndex.FileFacts?, report: inout CorpusRefreshReport,
                        read: () throws(HostError) -> (StoredSession, SessionLocation)) throws(SQLiteError) {
        let shown = SessionFileWalker.display(key)
        let stored: StoredSession
        let location: SessionLocation
        do {
            (stored, location) = try read()
        } catch {
            report.skipped.append(.init(path: shown, reason: error.message))
            try index.skip(key, signature: signature, contentHash: "", reason: error.message)
            return
        }
        let hash = Self.contentHash(stored)
        if let known, try index.contentHash(of: key) == hash {
            try index.touch(key, signature: signature)
            if let reason = known.skipped { report.skipped.append(.init(path: shown, reason: reason)) } else { report.unchanged += 1 }
            return
        }
        do {
            let (session, notices) = try stored.replayedInMemory(at: location)
            try index.put(session, path: key, name: location.name, signature: signature, contentHash: hash, notices: notices)
            report.reindexed += 1
            report.notices += notices.map { notice in
                let text = notice.replacingOccurrences(of: key, with: shown)
                return text.contains(shown) ? text : "\(shown): \(text)"
            }
        } catch let error as SQLiteError {
            throw error
        } catch {
            let reason = Self.withoutPath((error as? ShellError)?.message ?? "\(error)", key)
            report.skipped.append(.init(path: shown, reason: reason))
            try index.skip(key, signature: signature, contentHash: hash, reason: reason)
        }
    }

    /// What the index calls a session of a team store: `store:NAME`.
    static let storePrefix = "store:"

    /// Brings the index up to date with every session of a team store, so `query` answers for
    /// the whole team. A session whose size, time and count of waiting changes are as indexed is
    /// not read; the others are read (snapshot and journal rows), replayed in memory as a file
    /// is, and indexed as `store:NAME`. Sessions gone from the store leave the index.
    func refresh(store: SessionStore) throws(HostError) -> CorpusRefreshReport {
        var report = CorpusRefreshReport()
        report.indexPath = index.path
        let listings = try store.list()
        try updatingIndex { () throws(SQLiteError) in
            let known = try index.fileFacts()
            try index.batch { () throws(SQLiteError) in
                var seen = Set<String>()
                for listing in listings {
                    let key = Self.storePrefix + listing.location.name
                    guard seen.insert(key).inserted else { continue }
                    report.found += 1
                    // A stored session's facts: its snapshot's size and saved time, and the count of
                    // journal rows waiting in place of a journal's size.
                    let signature = FileSignature(size: Int64(listing.bytes), modified: Int64(exactly: ((listing.modified?.timeIntervalSince1970 ?? 0) * 1e6).rounded()) ?? 0,
                                                  journalSize: Int64(listing.pendingChanges))
                    let entry = known[key]
                    if let entry, entry.signature == signature {
                        if let reason = entry.skipped { report.skipped.append(.init(path: key, reason: reason)) } else { report.unchanged += 1 }
                        continue
                    }
                    try update(key: key, signature: signature, known: entry, report: &report) { () throws(HostError) in
                        (try store.read(listing.location), listing.location)
                    }
                }
                for (path, _) in known where path.hasPrefix(Self.storePrefix) && !seen.contains(path) {
                    try index.remove(path)
                    report.removed += 1
                }
            }
        }
        report.skipped.sort { $0.path < $1.path }
        return report
    }

    /// Runs one refresh's reads and writes of the index; a failure there is one error that names the index.
    private func updatingIndex(_ body: () throws(SQLiteError) -> Void) throws(HostError) {
        do { try body() } catch { throw HostError("cannot update the index \(index.path): \(error.message)") }
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
