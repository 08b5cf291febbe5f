import Foundation

/// How much of a journal may be replayed onto a session file, and why replay stopped.
///
/// A journal continues one snapshot, named in its header by the SHA-256 of the file's bytes.
/// Replayed onto any other (a colleague's save pulled in, another session's journal copied
/// beside it) it would silently undo what that snapshot holds, so such a journal is not replayed
/// at all. Within a journal that does belong, every change must find each record it replaces as
/// the change recorded it (`before`); where one does not, replay stops there.
public struct JournalReplay: Sendable {
    public enum Outcome: Equatable, Sendable {
        /// Nothing in the journal (no lines, or only its header).
        case empty
        /// The journal continues this snapshot: ``changes`` go onto it, up to ``stop`` if set.
        case continues
        /// The journal names another snapshot, but every record it changed already reads the same
        /// in this one (a save that ended before it emptied the journal): nothing to recover.
        case alreadySaved
        /// The journal names another snapshot (or none, where there is one): nothing may be applied.
        case otherSnapshot
        /// The journal was written by a newer ClaimDesk (its version): nothing may be applied.
        case newerVersion(Int)
        /// The first line is not a journal header: nothing may be applied.
        case noHeader
    }

    /// Where replay stopped early; the changes before it are in ``changes``.
    public enum Stop: Equatable, Sendable {
        /// The line (1-based, the header is line 1) could not be read.
        case damaged(line: Int)
        /// The change on this line expected `record` to read otherwise than it does.
        case mismatch(line: Int, summary: String, record: String)
        /// The change on this line would leave a session that opening refuses (a reference to a
        /// record that is not there, a span outside its text…): a journal edited by hand.
        case inconsistent(line: Int, summary: String, problem: String)

        public var line: Int {
            switch self {
            case .damaged(let line), .mismatch(let line, _, _), .inconsistent(let line, _, _): line
            }
        }
    }

    public private(set) var outcome: Outcome
    public private(set) var header: JournalCodec.Header?
    /// The session the changes go onto: the snapshot, or for a session never saved one rebuilt
    /// from the header. Nil when there is neither.
    public private(set) var base: Session?
    /// The changes to replay, in order (changes already in the snapshot are left out).
    public private(set) var changes: [Change] = []
    public private(set) var stop: Stop?
    /// In a lenient replay, the records whose value the journal replaced without finding them as
    /// it expected (the session file has them otherwise), in order, each once.
    public private(set) var overridden: [String] = []

    /// Plans the replay of a journal's complete lines onto a snapshot.
    ///
    /// - Parameters:
    ///   - snapshot: the session file as read, nil when there is none.
    ///   - fingerprint: the SHA-256 of the session file's bytes, nil when there is none.
    ///   - lenient: replay the changes of a journal that names another snapshot too, every record
    ///     taking the journal's value (to look at a journal kept aside, never to edit).
    public init(lines: [Data], snapshot: Session?, fingerprint: String?, lenient: Bool = false) {
        base = snapshot
        guard let first = lines.first else {
            outcome = .empty
            return
        }
        guard case .header(let header)? = try? JournalCodec.decode(first) else {
            outcome = JournalCodec.newerVersion(of: first).map(Outcome.newerVersion) ?? .noHeader
            return
        }
        self.header = header
        if base == nil { base = Session(analyst: header.analyst, created: header.created) }
        let body = lines.dropFirst()
        guard !body.isEmpty else {
            outcome = .empty
            return
        }
        // A version 1 journal did not name its snapshot: the checks of each change's `before` are all there is.
        let belongs = !header.namesItsSnapshot || header.snapshot == fingerprint
        if !belongs && !lenient {
            outcome = snapshot != nil && Self.isContained(body, in: snapshot!) ? .alreadySaved : .otherSnapshot
            return
        }
        outcome = .continues
        guard var session = base else { return }
        var changeLines: [Int] = []
        defer { if !lenient, let base { keepConsistentChanges(from: base, lines: changeLines) } }
        for (offset, line) in body.enumerated() {
            let number = offset + 2
            guard case .change(let change)? = try? JournalCodec.decode(line) else {
                stop = .damaged(line: number)
                return
            }
            if lenient {
                for key in Self.mismatches(change, in: session) where !overridden.contains(Self.describe(key)) {
                    overridden.append(Self.describe(key))
                }
            } else {
                if Self.isApplied(change, in: session) { continue }
                if let key = Self.mismatches(change, in: session).first {
                    stop = .mismatch(line: number, summary: change.summary, record: Self.describe(key))
                    return
                }
            }
            session.apply(change)
            changes.append(change)
            changeLines.append(number)
        }
    }

    /// Keeps only the changes after which the session still passes the checks opening makes
    /// (``SessionIntegrity``), so a journal edited by hand cannot bring in what a session file
    /// could not. The whole replay is checked once; only when that fails is each step checked, to
    /// find the first change at fault.
    private mutating func keepConsistentChanges(from base: Session, lines: [Int]) {
        guard !changes.isEmpty else { return }
        var whole = base
        for change in changes { whole.apply(change) }
        if (try? SessionIntegrity.check(&whole)) != nil { return }
        var session = base
        for (index, change) in changes.enumerated() {
            session.apply(change)
            var probe = session
            do {
                _ = try SessionIntegrity.check(&probe)
            } catch {
                changes = Array(changes[..<index])
                stop = .inconsistent(line: lines[index], summary: change.summary, problem: error.message)
                return
            }
        }
    }

    /// Whether every record the change leaves behind already reads that way (nothing to replay).
    static func isApplied(_ change: Change, in session: Session) -> Bool {
        change.edits.allSatisfy { session.current($0.key) == $0.after }
    }

    /// The records whose current value is not the one the change replaced, in the change's order.
    static func mismatches(_ change: Change, in session: Session) -> [RecordKey] {
        var pending: [RecordKey: Record?] = [:]
        var found: [RecordKey] = []
        for edit in change.edits {
            let current = pending[edit.key] ?? session.current(edit.key)
            if current != edit.before { found.append(edit.key) }
            pending[edit.key] = .some(edit.after)
        }
        return found
    }

    /// Whether the journal's end state of every record it touches is what the session holds.
    static func isContained(_ body: ArraySlice<Data>, in session: Session) -> Bool {
        var final: [RecordKey: Record?] = [:]
        for line in body {
            guard case .change(let change)? = try? JournalCodec.decode(line) else { return false }
            for edit in change.edits { final[edit.key] = .some(edit.after) }
        }
        return final.allSatisfy { session.current($0.key) == $0.value }
    }

    static func describe(_ key: RecordKey) -> String {
        switch key {
        case .id(let id): id.description
        case .taxonomy: "the taxonomy"
        case .settings: "the settings"
        }
    }
}

extension Session {
    /// The record under a key as it is now (the taxonomy and settings always exist).
    func current(_ key: RecordKey) -> Record? {
        switch key {
        case .id(let id): record(id)
        case .taxonomy: .taxonomy(taxonomy)
        case .settings: .settings(settings)
        }
    }
}
