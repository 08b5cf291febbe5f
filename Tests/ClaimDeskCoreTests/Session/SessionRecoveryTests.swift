@testable import ClaimDeskCore
import Foundation
import Testing

/// One recovery routine: snapshot bytes and journal lines in, the session as the last run left it
/// and what was found out, as values.
@Suite struct SessionRecoveryTests {
    typealias Fixture = JournalReplayTests

    let edit = Fixture.change("set pr1 text", Fixture.proposition("pr1", "first"), Fixture.proposition("pr1", "edited"))
    let add = Fixture.change("proposition add", nil, Fixture.proposition("pr2", "second"))

    @Test func theJournalsChangesGoOntoTheSnapshotTheyContinue() throws {
        let (saved, fingerprint) = Fixture.saved()
        let recovery = try SessionRecovery(snapshot: SessionDocument.encode(saved),
                                           journal: Fixture.journal(snapshot: fingerprint, [edit, add]), tornTail: false)
        let session = try #require(recovery.session)
        #expect(session.propositions["pr1"]?.text == "edited")
        #expect(session.propositions["pr2"]?.text == "second")
        #expect(recovery.fingerprint == fingerprint)
        #expect(recovery.findings == [.recovered(2)])
    }

    @Test func aJournalOverAnotherSnapshotIsFoundAndLeftOut() throws {
        let (saved, _) = Fixture.saved()
        let recovery = try SessionRecovery(snapshot: SessionDocument.encode(saved),
                                           journal: Fixture.journal(snapshot: "0123", [add]), tornTail: true)
        #expect(recovery.session?.propositions["pr2"] == nil)
        #expect(recovery.findings == [.journalContinuesAnotherSnapshot, .tornTail])
    }

    @Test func aDamagedLineStopsReplayAndTheChangesBeforeItStay() throws {
        let (saved, fingerprint) = Fixture.saved()
        let lines = Fixture.journal(snapshot: fingerprint, [edit]) + [Data("{not json".utf8)] + [JournalCodec.encode(add)]
        let recovery = try SessionRecovery(snapshot: SessionDocument.encode(saved), journal: lines, tornTail: false)
        #expect(recovery.session?.propositions["pr1"]?.text == "edited")
        #expect(recovery.session?.propositions["pr2"] == nil)
        #expect(recovery.findings == [.journalStopped(.damaged(line: 3)), .recovered(1)])
    }

    @Test func aJournalWithoutASessionFileStandsAlone() throws {
        let recovery = try SessionRecovery(snapshot: nil, journal: Fixture.journal(snapshot: nil, [add]), tornTail: false)
        #expect(recovery.snapshot == nil)
        #expect(recovery.session?.propositions["pr2"]?.text == "second")
    }

    @Test func anUnreadableSnapshotIsTheOneError() {
        #expect(throws: SessionDocumentError.self) {
            try SessionRecovery(snapshot: Data("{\"format\": 3".utf8), journal: [], tornTail: false)
        }
    }

    @Test func journalBytesSplitIntoCompleteLinesAndATornTail() {
        let (lines, torn) = SessionRecovery.journalLines(Data("a\nb\n\nc".utf8))
        #expect(lines == [Data("a".utf8), Data("b".utf8)])
        #expect(torn)
        #expect(SessionRecovery.journalLines(Data("a\n".utf8)).tornTail == false)
    }
}
