import ClaimDeskCore

/// The cheap facts about a session's files that tell whether they may have changed: equal
/// facts mean the file is as indexed and is not even opened.
///
/// Integers, compared as they are: a refresh of 10,000 sessions compares 10,000 of these, and
/// building and comparing them as text cost more than reading the folder did.
public struct FileSignature: Hashable, Sendable {
    /// The snapshot's size in bytes, modification time (nanoseconds since 1970) and inode.
    public var size: Int64
    public var modified: Int64
    public var inode: Int64
    /// The same for its journal; all zero when it has none (no file has inode 0).
    public var journalSize: Int64
    public var journalModified: Int64
    public var journalInode: Int64

    public init(size: Int64, modified: Int64 = 0, inode: Int64 = 0, journalSize: Int64 = 0, journalModified: Int64 = 0,
                journalInode: Int64 = 0) {
        self.size = size
        self.modified = modified
        self.inode = inode
        self.journalSize = journalSize
        self.journalModified = journalModified
        self.journalInode = journalInode
    }

    /// Whether a journal was seen beside the snapshot.
    public var hasJournal: Bool { journalInode != 0 || journalSize != 0 || journalModified != 0 }

    /// The values as the `files` table keeps them: the journal's three are NULL when there is none.
    var columns: [CorpusValue] {
        [.integer(size), .integer(modified), .integer(inode)]
            + (hasJournal ? [.integer(journalSize), .integer(journalModified), .integer(journalInode)] : [.null, .null, .null])
    }

    /// The `files` columns in that order.
    static let columnNames = ["size", "modified", "inode", "journal_size", "journal_modified", "journal_inode"]
}
