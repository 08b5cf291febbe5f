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
    /// Where the session is saved and journalled; nil until it is given one.
    public var location: SessionLocation?
    /// Why the session may not be changed (another process holds it), if so.
    public var readOnlyReason: String?
    /// The SHA-256 of the session file as this workspace last read or wrote it (nil: no file):
    /// the journal's header names it, and `save` refuses to overwrite a file that no longer matches.
    public var snapshotFingerprint: String?
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

    /// Applies a new change, forgets what could be redone, and returns the change for the journal.
    @discardableResult
    public mutating func commit(_ summary: String, edits: [Change.Edit]) -> Change {
        let change = Change(summary: summary, author: analyst, time: clock(), edits: edits)
        session.apply(change)
        undoStack.append(change)
        redoStack.removeAll()
        unsavedChanges += 1
        return change
    }

    /// Reverses the last change; returns the change that did it, or nil when there is nothing to undo.
    public mutating func undo() -> (undone: Change, applied: Change)? {
        guard let last = undoStack.popLast() else { return nil }
        let inverse = last.inverted(summary: "undo " + last.summary, author: analyst, time: clock())
        session.apply(inverse)
        redoStack.append(last)
        unsavedChanges += 1
        fixActiveArticle()
        return (last, inverse)
    }

    /// Repeats the last undone change; returns the change applied, or nil when there is nothing to redo.
    public mutating func redo() -> (redone: Change, applied: Change)? {
        guard let last = redoStack.popLast() else { return nil }
        let again = Change(summary: last.summary, author: analyst, time: clock(), edits: last.edits)
        session.apply(again)
        undoStack.append(last)
        unsavedChanges += 1
        fixActiveArticle()
        return (last, again)
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
    }

    /// Renames the session (the name written in its document).
    public mutating func setName(_ name: String) {
        session.name = name
    }

    /// Keeps the active article pointing at an article that exists.
    public mutating func fixActiveArticle() {
        if let active = activeArticle, session.articles[active] != nil { return }
        activeArticle = session.orderedArticles.last?.id
    }
}
