import ClaimDeskCore
#if canImport(Glibc)
import Glibc
#endif

/// The corpus index: an SQLite file of every session's records, refreshed file by file.
///
/// It is never the only copy of anything: every row comes from a session file, and a file whose
/// schema is not this version's is emptied and rebuilt. The caller walks folders and reads files;
/// this type only keeps what it is given.
public final class CorpusIndex {
    let database: SQLiteDatabase
    public let path: String
    /// Changes to the tables of counts not yet written (they are written as a batch ends).
    private var tallies = CorpusTallies()
    /// How many ``batch(_:)`` calls are running: writes inside one are its transaction's.
    private var batchDepth = 0

    /// What the index knows of one session file, to tell whether it changed.
    public struct FileEntry: Equatable, Sendable {
        /// Cheap facts about the files (sizes, modification times, inodes): equal means unchanged, unread.
        public var signature: FileSignature
        /// The SHA-256 of the snapshot and journal bytes: equal means the same content.
        public var contentHash: String
        /// Why it was left out, for a file that could not be read as a session.
        public var skipped: String?
    }

    /// Opens the index at `path`, creating it (and its schema) unless `readOnly`.
    public init(path: String, readOnly: Bool = false) throws(SQLiteError) {
        self.path = path
        database = try SQLiteDatabase(path: path, readOnly: readOnly, create: !readOnly)
        if readOnly {
            guard (try? schemaVersion()) == CorpusSchema.version else {
                throw SQLiteError("\(path) is not a ClaimDesk index of this version; run claimdesk index to rebuild it")
            }
            return
        }
        // A rollback journal, not write-ahead logging: each refresh is one process whose close
        // would checkpoint the log (syncing as often as a rollback journal does), and a full
        // build would write every page twice, once to the log (docs/decisions.md).
        try database.execute("PRAGMA journal_mode = DELETE; PRAGMA synchronous = NORMAL")
        if (try? schemaVersion()) != CorpusSchema.version { try rebuildSchema() }
    }

    private func schemaVersion() throws(SQLiteError) -> Int? {
        let rows = try database.rows("SELECT value FROM meta WHERE key = 'schema'")
        guard case .text(let value)? = rows.first?.first else { return nil }
        return Int(value)
    }

    /// Drops whatever is in the file and makes this version's tables and views.
    private func rebuildSchema() throws(SQLiteError) {
        let existing = try database.rows("SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_%'")
        try database.transaction { () throws(SQLiteError) in
            for row in existing {
                guard case .text(let type) = row[0], case .text(let name) = row[1] else { continue }
                try database.execute("DROP \(type == "view" ? "VIEW" : "TABLE") IF EXISTS \"\(name.replacingOccurrences(of: "\"", with: "\"\""))\"")
            }
            try database.execute(CorpusSchema.create)
            try database.execute(CorpusSchema.views)
            try database.run("INSERT INTO meta(key, value) VALUES ('schema', ?)", [.text(String(CorpusSchema.version))])
        }
    }

    // MARK: - Files

    /// Every file the index knows, by path.
    public func files() throws(SQLiteError) -> [String: FileEntry] {
        let statement = try database.cached("SELECT path, \(Self.signatureColumns), content_hash, skipped FROM files")
        var entries: [String: FileEntry] = [:]
        while try statement.step() {
            guard let path = statement.text(0), let hash = statement.text(7) else { continue }
            entries[path] = FileEntry(signature: Self.signature(statement), contentHash: hash, skipped: statement.text(8))
        }
        return entries
    }

    /// What a refresh compares for every file: its file facts and, for a skipped one, why.
    public struct FileFacts: Equatable, Sendable {
        public var signature: FileSignature
        public var skipped: String?
    }

    /// Every file the index knows, by path, without the content hashes: what a refresh of a team
    /// store's sessions compares against (a folder's refresh reads ``fileFactsByFolder()``). It
    /// reads the narrow index `files_facts`, integers and no text but the path, and asks for a
    /// hash (``contentHash(of:)``) only for a file that changed.
    public func fileFacts() throws(SQLiteError) -> [String: FileFacts] {
        var facts: [String: FileFacts] = [:]
        if case .integer(let count)? = try database.rows("SELECT count(*) FROM files").first?.first {
            facts.reserveCapacity(Int(clamping: count))
        }
        let statement = try database.cached("SELECT path, \(Self.signatureColumns), skipped FROM files INDEXED BY files_facts")
        while try statement.step() {
            guard let path = statement.text(0) else { continue }
            facts[path] = FileFacts(signature: Self.signature(statement), skipped: statement.text(7))
        }
        return facts
    }

    /// The same facts grouped by folder, then by file name (the path split at its last `/`), so
    /// that a walk of a folder compares each name it reads with the index's without making the
    /// file's path: a refresh that finds nothing to do makes no path at all. A key with no `/`
    /// (a team store's `store:NAME`) is under the folder "", a file at the root under `/`.
    public func fileFactsByFolder() throws(SQLiteError) -> [String: [String: FileFacts]] {
        // First each file with its folder's number, then each folder's dictionary made at its
        // size: growing 10,000 entries one at a time cost more than reading them.
        var folderNumbers: [String: Int] = [:]
        var folderSizes: [Int] = []
        var files: [(folder: Int, name: String, facts: FileFacts)] = []
        if case .integer(let count)? = try database.rows("SELECT count(*) FROM files").first?.first {
            files.reserveCapacity(Int(clamping: count))
        }
        var folder = -1
        var folderBytes: [UInt8] = []
        let statement = try database.cached("SELECT path, \(Self.signatureColumns), skipped FROM files INDEXED BY files_facts")
        while try statement.step() {
            let facts = FileFacts(signature: Self.signature(statement), skipped: statement.text(7))
            statement.withBytes(0) { path in
                let slash = path.lastIndex(of: UInt8(ascii: "/"))
                // The folder as the walk names it: `/` for a file at the root, not "".
                let parent = slash.map { UnsafeBufferPointer(rebasing: path[..<max($0, 1)]) } ?? UnsafeBufferPointer(start: path.baseAddress, count: 0)
                let name = slash.map { UnsafeBufferPointer(rebasing: path[($0 + 1)...]) } ?? path
                // Rows come in path order, so a folder's files mostly come together: its name is
                // made once per run of them.
                let sameFolder = folder >= 0 && parent.count == folderBytes.count
                    && folderBytes.withUnsafeBytes { saved in
                        guard let before = saved.baseAddress, let now = parent.baseAddress else { return parent.isEmpty }
                        return memcmp(before, now, parent.count) == 0
                    }
                if !sameFolder {
                    let text = String(decoding: parent, as: UTF8.self)
                    if let number = folderNumbers[text] {
                        folder = number
                    } else {
                        folder = folderSizes.count
                        folderNumbers[text] = folder
                        folderSizes.append(0)
                    }
                    folderBytes = Array(parent)
                }
                folderSizes[folder] += 1
                files.append((folder, String(decoding: name, as: UTF8.self), facts))
            }
        }
        var byNumber = folderSizes.map { size in
            var names: [String: FileFacts] = [:]
            names.reserveCapacity(size)
            return names
        }
        for file in files { byNumber[file.folder][file.name] = file.facts }
        return Dictionary(uniqueKeysWithValues: folderNumbers.map { ($0.key, byNumber[$0.value]) })
    }

    private static let signatureColumns = FileSignature.columnNames.joined(separator: ", ")

    /// The signature in columns 1 to 6 of the current row.
    private static func signature(_ statement: SQLiteStatement) -> FileSignature {
        FileSignature(size: statement.integer(1), modified: statement.integer(2), inode: statement.integer(3),
                      journalSize: statement.integer(4), journalModified: statement.integer(5), journalInode: statement.integer(6))
    }

    /// The content hash recorded for a file, or nil when the index does not know it.
    public func contentHash(of path: String) throws(SQLiteError) -> String? {
        guard case .text(let hash)? = try database.rows("SELECT content_hash FROM files WHERE path = ?", [.text(path)]).first?.first else { return nil }
        return hash
    }

    /// Runs a refresh's writes in one transaction (one sync to the disk, and all or nothing); the
    /// tables of counts (``CorpusTally``) are brought up to date once, as it ends.
    public func batch<T>(_ body: () throws(SQLiteError) -> T) throws(SQLiteError) -> T {
        if batchDepth > 0 { return try body() }
        batchDepth += 1
        defer { batchDepth -= 1 }
        do {
            return try database.transaction { () throws(SQLiteError) -> T in
                let result = try body()
                try tallies.write(to: database)
                return result
            }
        } catch {
            tallies.discard()
            throw error
        }
    }

    /// Records that a file's content is as indexed, under new file facts (touched, not changed).
    public func touch(_ path: String, signature: FileSignature) throws(SQLiteError) {
        try database.run("UPDATE files SET \(FileSignature.columnNames.map { "\($0) = ?" }.joined(separator: ", ")) WHERE path = ?",
                         signature.columns + [.text(path)])
    }

    /// Replaces whatever the index holds for a file with this session's rows.
    public func put(_ session: Session, path: String, name: String, signature: FileSignature, contentHash: String,
                    notices: [String] = []) throws(SQLiteError) {
        try batch { () throws(SQLiteError) in
            try replace(session, path: path, name: name, signature: signature, contentHash: contentHash, notices: notices)
        }
    }

    private func replace(_ session: Session, path: String, name: String, signature: FileSignature, contentHash: String,
                         notices: [String]) throws(SQLiteError) {
        let number = try sessionNumber(for: path)
        let rows = SessionRows(session, firstSearchRow: number << CorpusSchema.searchRowShift)
        if let kind = rows.overflowingKind {
            throw SQLiteError("the session has over \(1 << CorpusSchema.searchKindShift) texts of kind \(kind) to search, more than the index takes")
        }
        try deleteRows(of: number)
        try database.run("""
            INSERT OR REPLACE INTO sessions(id, path, name, title, analyst, created, modified, annotations, notices)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.integer(number), .text(path), .text(name), rows.title.map(CorpusValue.text) ?? .null, .text(session.analyst),
                  .text(session.created.description), .text(session.modified.description), .integer(Int64(rows.annotationCount)),
                  notices.isEmpty ? .null : .text(notices.joined(separator: "\n"))])
        for table in CorpusSchema.sessionTables {
            let columns = ["session"] + (CorpusSchema.columns[table] ?? [])
            let sql = "INSERT OR REPLACE INTO \(table)(\(columns.map { "\"\($0)\"" }.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
            for row in rows.rows(table) { try database.run(sql, [.integer(number)] + row) }
        }
        for item in rows.search {
            try database.run("INSERT INTO search(rowid, text, session, annotation, kind) VALUES (?, ?, ?, ?, ?)",
                             [.integer(item.row), .text(item.text), .integer(number), .text(item.annotation), .text(item.kind)])
            try database.run("INSERT INTO texts(id, annotation, kind) VALUES (?, ?, ?)", [.integer(item.row), .text(item.annotation), .text(item.kind)])
        }
        try database.run("INSERT OR REPLACE INTO files(path, \(Self.signatureColumns), content_hash, session, skipped) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)",
                         [.text(path)] + signature.columns + [.text(contentHash), .integer(number)])
        try tallies.count(session: number, sign: 1, in: database)
    }

    /// Records a file that could not be read as a session, removing what it held before.
    public func skip(_ path: String, signature: FileSignature, contentHash: String, reason: String) throws(SQLiteError) {
        try batch { () throws(SQLiteError) in
            try removeSession(at: path)
            try database.run("INSERT OR REPLACE INTO files(path, \(Self.signatureColumns), content_hash, session, skipped) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)",
                             [.text(path)] + signature.columns + [.text(contentHash), .text(reason)])
        }
    }

    /// Forgets a file and its session's rows (the file is gone).
    public func remove(_ path: String) throws(SQLiteError) {
        try batch { () throws(SQLiteError) in
            try removeSession(at: path)
            try database.run("DELETE FROM files WHERE path = ?", [.text(path)])
        }
    }

    private func removeSession(at path: String) throws(SQLiteError) {
        guard case .integer(let number)? = try database.rows("SELECT id FROM sessions WHERE path = ?", [.text(path)]).first?.first else { return }
        try deleteRows(of: number)
        try database.run("DELETE FROM sessions WHERE id = ?", [.integer(number)])
    }

    /// The number a file's session has in the index: its old one, else the next free one.
    private func sessionNumber(for path: String) throws(SQLiteError) -> Int64 {
        if case .integer(let number)? = try database.rows("SELECT id FROM sessions WHERE path = ?", [.text(path)]).first?.first {
            return number
        }
        if case .integer(let highest)? = try database.rows("SELECT max(id) FROM sessions").first?.first { return highest + 1 }
        return 1
    }

    /// Deletes a session's rows, taking what they counted out of the tallies first.
    private func deleteRows(of number: Int64) throws(SQLiteError) {
        try tallies.count(session: number, sign: -1, in: database)
        for table in CorpusSchema.sessionTables {
            try database.run("DELETE FROM \(table) WHERE session = ?", [.integer(number)])
        }
        let first = number << CorpusSchema.searchRowShift
        try database.run("DELETE FROM search WHERE rowid >= ? AND rowid < ?", [.integer(first), .integer(first + (1 << CorpusSchema.searchRowShift))])
        try database.run("DELETE FROM texts WHERE id >= ? AND id < ?", [.integer(first), .integer(first + (1 << CorpusSchema.searchRowShift))])
    }
}
