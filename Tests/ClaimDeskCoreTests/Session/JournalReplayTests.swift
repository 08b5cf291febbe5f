@testable import ClaimDeskCore
import Foundation
import Testing

/// A journal goes only onto the snapshot it continues, and only as far as each change finds the
/// records it replaces.
@Suite struct JournalReplayTests {
    static let time = Timestamp(secondsSince1970: 1_790_000_000)

    static func proposition(_ id: AnnotationID, _ text: String) -> Record {
        .proposition(Proposition(id: id, text: text, author: "ana", created: time))
    }

    /// A snapshot holding pr1 "first", its bytes' fingerprint, and a journal over it.
    static func saved() -> (Session, String) {
        var session = Session(name: "harbor", analyst: "ana", created: time)
        session.put(proposition("pr1", "first"))
        return (session, SHA256Digest.hex(ofData: SessionDocument.encode(session)))
    }

    static func change(_ summary: String, _ before: Record?, _ after: Record?) -> Change {
        Change(summary: summary, author: "ana", time: time, edits: [Change.Edit(before: before, after: after)])
    }

    static func journal(snapshot: String?, version: Int = JournalCodec.version, _ changes: [Change]) -> [Data] {
        [JournalCodec.encode(JournalCodec.Header(analyst: "ana", created: time, snapshot: snapshot, version: version))]
            + changes.map(JournalCodec.encode)
    }

    let edit = change("set pr1 text", proposition("pr1", "first"), proposition("pr1", "edited"))
    let add = change("proposition add", nil, proposition("pr2", "second"))

    @Test func aJournalThatNamesItsSnapshotIsReplayedOntoIt() {
        let (session, fingerprint) = Self.saved()
        let plan = JournalReplay(lines: Self.journal(snapshot: fingerprint, [edit, add]), snapshot: session, fingerprint: fingerprint)
        #expect(plan.outcome == .continues)
        #expect(plan.changes == [edit, add])
        #expect(plan.stop == nil)
    }

    @Test func aJournalOverAReplacedSnapshotAppliesNothing() {
        let (_, fingerprint) = Self.saved()
        // A colleague's newer save: pr1 edited their way, and a pr3 of theirs.
        var theirs = Session(name: "harbor", analyst: "ana", created: Self.time)
        theirs.put(Self.proposition("pr1", "their edit"))
        theirs.put(Self.proposition("pr3", "theirs"))
        let theirPrint = SHA256Digest.hex(ofData: SessionDocument.encode(theirs))
        let plan = JournalReplay(lines: Self.journal(snapshot: fingerprint, [edit, add]), snapshot: theirs, fingerprint: theirPrint)
        #expect(plan.outcome == .otherSnapshot)
        #expect(plan.changes.isEmpty)
    }

    @Test func anUnsavedSessionsJournalIsNotReplayedOntoASessionFile() {
        let (session, fingerprint) = Self.saved()
        let plan = JournalReplay(lines: Self.journal(snapshot: nil, [add]), snapshot: session, fingerprint: fingerprint)
        #expect(plan.outcome == .otherSnapshot)
        #expect(plan.changes.isEmpty)
    }

    @Test func aJournalWhoseChangesAreAllSavedAlreadyIsRecognised() {
        // A save renamed its new snapshot into place and was killed before it emptied the journal.
        let (old, oldPrint) = Self.saved()
        var new = old
        new.apply(edit)
        new.apply(add)
        let plan = JournalReplay(lines: Self.journal(snapshot: oldPrint, [edit, add]), snapshot: new,
                                 fingerprint: SHA256Digest.hex(ofData: SessionDocument.encode(new)))
        #expect(plan.outcome == .alreadySaved)
        #expect(plan.changes.isEmpty)
    }

    @Test func replayStopsAtAChangeThatDoesNotFindTheRecordItReplaces() {
        let (session, fingerprint) = Self.saved()
        let stale = Self.change("set pr1 text", Self.proposition("pr1", "something else"), Self.proposition("pr1", "mine"))
        let plan = JournalReplay(lines: Self.journal(snapshot: fingerprint, [add, stale, edit]), snapshot: session, fingerprint: fingerprint)
        #expect(plan.outcome == .continues)
        #expect(plan.changes == [add])
        #expect(plan.stop == .mismatch(line: 3, summary: "set pr1 text", record: "pr1"))
    }

    @Test func aVersionOneJournalIsCheckedChangeByChange() {
        let (session, _) = Self.saved()
        let removal = Self.change("rm pr1", Self.proposition("pr1", "gone already"), nil)
        let plan = JournalReplay(lines: Self.journal(snapshot: nil, version: 1, [add, removal]), snapshot: session, fingerprint: "x")
        #expect(plan.outcome == .continues)
        #expect(plan.changes == [add])
        #expect(plan.stop?.line == 3)
    }

    @Test func aChangeAlreadyInTheSnapshotIsLeftOut() {
        var (session, _) = Self.saved()
        session.apply(add)
        let plan = JournalReplay(lines: Self.journal(snapshot: nil, version: 1, [add, edit]), snapshot: session, fingerprint: "x")
        #expect(plan.changes == [edit])
        #expect(plan.stop == nil)
    }

    @Test func aChangeThatWouldLeaveTheSessionInconsistentStopsReplay() {
        let (session, fingerprint) = Self.saved()
        // A stance whose holder src9 is nowhere: a journal edited by hand.
        let stance = Self.change("stance st1", nil, .stance(Stance(id: "st1", holder: "src9", label: "favor", target: "pr1",
                                                                    author: "ana", created: Self.time)))
        let plan = JournalReplay(lines: Self.journal(snapshot: fingerprint, [edit, stance, add]), snapshot: session, fingerprint: fingerprint)
        #expect(plan.changes == [edit])
        guard case .inconsistent(let line, let summary, let problem)? = plan.stop else {
            Issue.record("expected an inconsistent stop, got \(String(describing: plan.stop))")
            return
        }
        #expect(line == 3)
        #expect(summary == "stance st1")
        #expect(problem.contains("src9"))
    }

    @Test func aDamagedLineStopsReplayAndKeepsWhatCameBefore() {
        let (session, fingerprint) = Self.saved()
        var lines = Self.journal(snapshot: fingerprint, [edit, add])
        lines[2] = Data("{\"author\": tr".utf8)
        let plan = JournalReplay(lines: lines, snapshot: session, fingerprint: fingerprint)
        #expect(plan.changes == [edit])
        #expect(plan.stop == .damaged(line: 3))
    }

    @Test func aNewerJournalIsSaidToBeNewerNotDamaged() {
        let (session, fingerprint) = Self.saved()
        let newer = Data(#"{"analyst":"ana","created":"2026-01-01T00:00:00Z","format":"claimdesk.journal","shape":[1],"version":9}"#.utf8)
        let plan = JournalReplay(lines: [newer] + Self.journal(snapshot: fingerprint, [edit]).dropFirst(), snapshot: session,
                                 fingerprint: fingerprint)
        #expect(plan.outcome == .newerVersion(9))
        #expect(plan.changes.isEmpty)
        #expect(JournalCodec.newerVersion(of: JournalCodec.encode(edit)) == nil)
    }

    @Test func aJournalWithoutAHeaderAppliesNothing() {
        let (session, fingerprint) = Self.saved()
        let plan = JournalReplay(lines: [JournalCodec.encode(edit)], snapshot: session, fingerprint: fingerprint)
        #expect(plan.outcome == .noHeader)
        #expect(plan.changes.isEmpty)
    }

    @Test func aLenientReplayShowsTheJournalsValuesAndNamesWhatItOverrode() {
        let (_, fingerprint) = Self.saved()
        var theirs = Session(name: "harbor", analyst: "ana", created: Self.time)
        theirs.put(Self.proposition("pr1", "their edit"))
        let plan = JournalReplay(lines: Self.journal(snapshot: fingerprint, [edit, add]), snapshot: theirs, fingerprint: "theirs",
                                 lenient: true)
        #expect(plan.changes == [edit, add])
        #expect(plan.overridden == ["pr1"])
    }

    @Test func theHeaderNamesItsSnapshotAndRoundTrips() throws {
        let header = JournalCodec.Header(analyst: "ana", created: Self.time, snapshot: String(repeating: "ab", count: 32))
        let line = JournalCodec.encode(header)
        #expect(String(decoding: line, as: UTF8.self).contains("\"snapshot\":\"abab"))
        #expect(try JournalCodec.decode(line) == .header(header))
        let old = Data(#"{"analyst":"ana","created":"2026-01-01T00:00:00Z","format":"claimdesk.journal","version":1}"#.utf8)
        guard case .header(let decoded) = try JournalCodec.decode(old) else { Issue.record("not a header"); return }
        #expect(decoded.version == 1 && !decoded.namesItsSnapshot && decoded.snapshot == nil)
    }

    /// The header is told by its `format` field, not by which key comes first: a header with a key
    /// that sorts before "analyst", or written in another order, is still a header.
    @Test func theHeaderIsToldByItsFormatNotItsFirstKey() throws {
        let earlyKey = Data(#"{"agent":"x","analyst":"ana","created":"2026-01-01T00:00:00Z","format":"claimdesk.journal","version":2}"#.utf8)
        guard case .header(let first) = try JournalCodec.decode(earlyKey) else { Issue.record("not a header"); return }
        #expect(first.analyst == "ana" && first.version == 2)
        let reordered = Data(#"{ "format" : "claimdesk.journal", "version": 2, "created": "2026-01-01T00:00:00Z", "analyst": "bo" }"#.utf8)
        guard case .header(let second) = try JournalCodec.decode(reordered) else { Issue.record("not a header"); return }
        #expect(second.analyst == "bo" && second.created == Timestamp(iso8601: "2026-01-01T00:00:00Z"))
    }

    @Test func aLineWithoutFormatIsAChangeAndAnotherFormatIsRefused() throws {
        // "analyst" first but no format: not a header, so it is read (and refused) as a change.
        let noFormat = Data(#"{"analyst":"ana","created":"2026-01-01T00:00:00Z","version":2}"#.utf8)
        #expect(throws: JSONReadError.self) { try JournalCodec.decode(noFormat) }
        let session = Data(#"{"analyst":"ana","created":"2026-01-01T00:00:00Z","format":"claimdesk.session","version":2}"#.utf8)
        do {
            _ = try JournalCodec.decode(session)
            Issue.record("a session header was read as a journal line")
        } catch {
            #expect(error.problem.contains("\"claimdesk.session\" is not a ClaimDesk journal line"))
        }
        #expect(try JournalCodec.decode(JournalCodec.encode(edit)) == .change(edit))
    }
}
