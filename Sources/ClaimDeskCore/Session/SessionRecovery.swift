import Foundation

/// A session as its files hold it: the snapshot decoded, the journal replayed onto it by the rules
/// of ``JournalReplay``, and what recovery found, as values.
///
/// The one recovery routine: the shell's `open` and `open --journal`, `claimdesk export`, `diff`,
/// `agree`, the corpus index and the team store all start here. Pure: it reads bytes and writes
/// nothing; each caller words the ``findings`` for its reader and decides what to do with the
/// files (set a journal aside, take the lock), which is I/O.
public struct SessionRecovery: Sendable {
    /// Something recovery met that the reader should hear about.
    public enum Finding: Equatable, Sendable {
        /// The snapshot was mended while read (``SessionIntegrity``).
        case repaired(String)
        /// The snapshot is of an older format version; it opens unchanged.
        case olderVersion(Int)
        /// The journal's changes were applied: this many.
        case recovered(Int)
        /// The journal continues another snapshot than the one read; none of it applies.
        case journalContinuesAnotherSnapshot
        /// A newer ClaimDesk wrote the journal; none of it applies.
        case journalFromNewerVersion(Int)
        /// The journal's first line is not a header; none of it applies.
        case journalWithoutHeader
        /// Every change of the journal is in the snapshot already.
        case journalAlreadySaved
        /// Replay stopped at this line; the changes before it apply.
        case journalStopped(JournalReplay.Stop)
        /// The journal's last line was cut off (an interrupted write) and left out.
        case tornTail
        /// Records the journal holds otherwise than the snapshot (a lenient replay shows the journal's).
        case overridden([String])
    }

    /// The snapshot as decoded, nil when there is no session file.
    public let snapshot: Session?
    /// The format version the snapshot named.
    public let snapshotVersion: Int?
    /// The SHA-256 of the snapshot's bytes, which a journal header names.
    public let fingerprint: String?
    /// The journal replayed onto the snapshot.
    public let replay: JournalReplay
    public let tornTail: Bool
    /// What recovery found, in the order a reader should hear it.
    public let findings: [Finding]

    /// - Parameters:
    ///   - snapshotData: the session file's bytes, nil when there is none.
    ///   - journal: the journal's complete lines.
    ///   - tornTail: whether a last, incomplete line was left out of `journal`.
    ///   - lenient: replay every change, the journal's value winning over the snapshot's (`open --journal`).
    /// - Throws: the snapshot's decoding error; the journal never makes recovery fail.
    ///   - release: gives back the memory of the snapshot's bytes as they are read, once the
    ///     fingerprint has hashed them (``SnapshotFingerprint``).
    public init(snapshot snapshotData: Data?, journal: [Data], tornTail: Bool, lenient: Bool = false,
                releasing release: (any ReadBytesRelease)? = nil) throws(SessionDocumentError) {
        var repairs: [String] = []
        var version: Int? = nil
        var snapshot: Session? = nil
        // Hashed on another core while decoded here; bytes go back only once hashed.
        let fingerprinting = snapshotData.map { SnapshotFingerprint(of: $0, releasing: release) }
        if let snapshotData {
            // A session refused puts back what was given back, and forgets the releases held back.
            let decoded = try SessionDocument.decodeWithVersion(snapshotData, repairs: &repairs, releasing: fingerprinting?.releasing)
            snapshot = decoded.session
            version = decoded.version
        }
        let fingerprint = fingerprinting?.value
        self.snapshot = snapshot
        snapshotVersion = version
        self.fingerprint = fingerprint
        replay = JournalReplay(lines: journal, snapshot: snapshot, fingerprint: fingerprint, lenient: lenient)
        self.tornTail = tornTail

        var findings: [Finding] = repairs.map(Finding.repaired)
        if let version, version < SessionDocument.currentVersion { findings.append(.olderVersion(version)) }
        switch replay.outcome {
        case .otherSnapshot: findings.append(.journalContinuesAnotherSnapshot)
        case .newerVersion(let version): findings.append(.journalFromNewerVersion(version))
        case .noHeader: findings.append(.journalWithoutHeader)
        case .alreadySaved: findings.append(.journalAlreadySaved)
        case .empty, .continues: break
        }
        if let stop = replay.stop { findings.append(.journalStopped(stop)) }
        if !replay.overridden.isEmpty { findings.append(.overridden(replay.overridden)) }
        if !replay.changes.isEmpty { findings.append(.recovered(replay.changes.count)) }
        if tornTail { findings.append(.tornTail) }
        self.findings = findings
    }

    /// The session the journal's changes start from: the snapshot, or the journal's own empty
    /// session when there is no file and the journal stands alone.
    public var base: Session? {
        snapshot ?? (replay.outcome == .continues || replay.outcome == .empty ? replay.base : nil)
    }

    /// The journal's changes that apply, in order.
    public var changes: [Change] { replay.changes }

    /// ``base`` with ``changes`` applied: the session as the last run left it.
    public var session: Session? {
        guard var session = base else { return nil }
        for change in changes { session.apply(change) }
        return session
    }

    /// A journal file's bytes as complete lines, and whether a last line was cut off.
    public static func journalLines(_ data: Data) -> (lines: [Data], tornTail: Bool) {
        var lines = data.split(separator: 0x0A, omittingEmptySubsequences: true).map { Data($0) }
        let torn = data.last != 0x0A && !lines.isEmpty
        if torn { lines.removeLast() }
        return (lines, torn)
    }
}
