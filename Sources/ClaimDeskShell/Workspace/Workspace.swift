import ClaimDeskCore

/// The session being worked on, with its undo and redo history and what is active.
///
/// Every change goes through ``commit(_:edits:)`` so that undo, redo and the
/// journal see the same values. Undo and redo have no limit within a run.
public struct Workspace: Sendable {
    public private(set) var session: Session
    public var activeArticle: AnnotationID?
    public private(set) var undoStack: [Change] = []
    public private(set) var redoStack: [Change] = []
    /// Changes since the session was opened or last saved.
    public private(set) var unsavedChanges = 0
    /// Changes that only brought text in to read (a loaded article) while there is no work to keep:
    /// not counted as unsaved and not journalled until the analyst's first real change, so that
    /// looking at an article leaves nothing behind.
    public private(set) var heldBackChanges: [Change] = []
    /// The document this workspace last saved, so the next save writes only the records that changed.
    public var encodingCache = SessionEncodingCache()
    public let analyst: String
    let clock: @Sendable () -> Timestamp

    public init(session: Session, analyst: String, clock: @escaping @Sendable () -> Timestamp) {
        self.session = session
        self.analyst = analyst
        self.clock = clock
        activeArticle = session.orderedArticles.last?.id
    }

    public var now: Timestamp { clock() }

    /// The active article, if any.
    public var article: Article? { activeArticle.flatMap { session.articles[$0] } }

    /// Applies a new change, forgets what could be redone, and returns what the journal must now take.
    ///
    /// A `reading` change (loading an article) made while there is no unsaved work is held back
    /// and the answer is empty; the first change that is work returns the held-back ones before it.
    @discardableResult
    public mutating func commit(_ summary: String, edits: [Change.Edit], reading: Bool = false) -> [Change] {
        let change = Change(summary: summary, author: analyst, time: clock(), edits: edits)
        session.apply(change)
        undoStack.append(change)
        redoStack.removeAll()
        return record(change, reading: reading)
    }

    /// Reverses the last change; returns the change that did it and what the journal must take
    /// (nothing while only reading changes are held back), or nil when there is nothing to undo.
    public mutating func undo() -> (undone: Change, journal: [Change])? {
        guard let last = undoStack.popLast() else { return nil }
        let inverse = last.inverted(summary: "undo " + last.summary, author: analyst, time: clock())
        session.apply(inverse)
        redoStack.append(last)
        fixActiveArticle()
        return (last, record(inverse, reading: !heldBackChanges.isEmpty))
    }

    /// Repeats the last undone change; returns it and what the journal must take, or nil when
    /// there is nothing to redo.
    public mutating func redo() -> (redone: Change, journal: [Change])? {
        guard let last = redoStack.popLast() else { return nil }
        let again = Change(summary: last.summary, author: analyst, time: clock(), edits: last.edits)
        session.apply(again)
        undoStack.append(last)
        fixActiveArticle()
        return (last, record(again, reading: !heldBackChanges.isEmpty))
    }

    /// Counts an applied change as work (releasing what was held back) or holds it back as reading.
    private mutating func record(_ change: Change, reading: Bool) -> [Change] {
        if reading && unsavedChanges == 0 {
            heldBackChanges.append(change)
            return []
        }
        let released = heldBackChanges + [change]
        heldBackChanges = []
        unsavedChanges += released.count
        return released
    }

    /// Applies a change read back from a journal: it is counted as unsaved and can be undone.
    public mutating func replay(_ change: Change) {
        session.apply(change)
        undoStack.append(change)
        unsavedChanges += 1
    }

    /// Records that everything up to now is in the snapshot.
    public mutating func markSaved() {
        unsavedChanges = 0
        heldBackChanges = []
    }

    /// Renames the session (the name written in its document).
    public mutating func setName(_ name: String) {
        session.name = name
    }

    /// Keeps the active article pointing at an article that exists.
    public mutating func fixActiveArticle() {
        // Looked up in the table: the dictionary of every article is made on first use.
        if let active = activeArticle, active.kind == .article, session.containsRecord(active) { return }
        activeArticle = session.orderedArticles.last?.id
    }
}
