@testable import ClaimDeskCore
@testable import ClaimDeskShell
import Foundation
import Testing

/// Work is never lost to another process: a read-only copy leaves the holder's journal alone, a
/// journal goes only onto its own snapshot, a lost lock stops writing, a replaced file is never
/// overwritten.
@Suite struct JournalSafetyTests {
    /// A second shell over the same store, as a new process would be.
    func reopen(_ fixture: ShellFixture) -> Shell {
        Shell(host: fixture.host, analyst: "reviewer", batch: true, clock: { Timestamp(secondsSince1970: 1_790_000_500) })
    }

    func lines(_ result: ShellResult) -> [String] { result.lines.map(\.description) }

    /// `harbor` saved with c1, then one more change (tag c1 fees) in its journal, its process gone.
    func harborWithAJournalledChange() -> ShellFixture {
        let fixture = ShellFixture()
        fixture.run("claim s3")
        fixture.run("save harbor")
        fixture.run("tag c1 fees")
        fixture.host.memoryStore.lockHolders = [:]
        return fixture
    }

    @Test func aReadOnlyCopyLeavesTheEditorsJournalAlone() {
        let fixture = ShellFixture()
        fixture.run("save harbor")
        fixture.run("claim s3")
        let store = fixture.host.memoryStore
        let journal = store.journals["sessions/harbor.json"]
        #expect(journal?.count == 2)
        // The editor keeps the session open; a second process opens it read-only and saves a copy.
        store.lockHolders["sessions/harbor.json"] = "claimdesk pid 4242 on desk-1"
        let reader = reopen(fixture)
        #expect(lines(reader.execute("open harbor")).contains("recovered 1 change from the journal; save to keep them in the session file"))
        #expect(reader.execute("save harbor-copy").error == nil)
        #expect(store.journals["sessions/harbor.json"] == journal)
        #expect(store.lockHolders["sessions/harbor.json"] == "claimdesk pid 4242 on desk-1")
        // The copy is editable and journals on its own.
        #expect(reader.execute("tag c1 copy").error == nil)
        #expect(store.journals["sessions/harbor-copy.json"]?.count == 2)
    }

    @Test func theJournalHeaderNamesTheSnapshotItContinues() throws {
        let fixture = harborWithAJournalledChange()
        let store = fixture.host.memoryStore
        let header = try #require(store.journals["sessions/harbor.json"]?.first)
        guard case .header(let decoded) = try JournalCodec.decode(header) else { Issue.record("no header"); return }
        #expect(decoded.snapshot == SHA256Digest.hex(ofData: try #require(store.snapshots["sessions/harbor.json"])))
    }

    @Test func aJournalOverAReplacedSnapshotIsSetAsideAndNothingApplied() throws {
        let fixture = harborWithAJournalledChange()
        let store = fixture.host.memoryStore
        // A colleague's newer save arrives (a sync): c1 carries their note, and no tag.
        let colleague = reopen(fixture)
        var theirs = try SessionDocument.decode(try #require(store.snapshots["sessions/harbor.json"]))
        theirs.claims["c1"]?.verdict = "false"
        store.snapshots["sessions/harbor.json"] = SessionDocument.encode(theirs)
        let journal = store.journals["sessions/harbor.json"]
        let output = lines(colleague.execute("open harbor"))
        #expect(output.contains { $0.hasPrefix("warning: sessions/harbor.journal continues another version of sessions/harbor.json") },
                "\(output)")
        #expect(output.contains { $0.contains("none of its changes were applied; it was kept as sessions/harbor.journal.unmatched; "
                                              + "open --journal sessions/harbor.journal.unmatched shows it") })
        #expect(!output.contains { $0.hasPrefix("recovered") })
        #expect(colleague.workspace.session.claims["c1"]?.verdict == "false")
        #expect(colleague.workspace.session.claims["c1"]?.tags == [])
        #expect(store.journalsAside["sessions/harbor.journal.unmatched"] == journal)
        #expect(store.journals["sessions/harbor.json"] == nil)
        // Looking at it: read-only, the journal's values shown.
        fixture.host.files["sessions/harbor.journal.unmatched"] = journal!.map { $0 + Data([0x0A]) }.reduce(Data(), +)
        let look = lines(colleague.execute("open --journal sessions/harbor.journal.unmatched harbor"))
        #expect(look.first == "Opened the journal sessions/harbor.journal.unmatched over sessions/harbor.json: 1 change, 1 article, "
                + "0 sources, 1 annotation (read-only)", "\(look)")
        #expect(look.contains("the journal's version is shown where sessions/harbor.json has these otherwise: c1"))
        #expect(colleague.workspace.session.claims["c1"]?.tags == ["fees"])
        #expect(colleague.execute("tag c1 more").error?.message.hasPrefix("this session is read-only (a look at the journal") == true)
    }

    @Test func aJournalWithAMismatchedChangeStopsThereAndSaysSo() throws {
        let fixture = harborWithAJournalledChange()
        let store = fixture.host.memoryStore
        // A hand-edited journal: a second change that expects c1 as it never was.
        var claim = try #require(fixture.session.claims["c1"])
        var other = claim
        other.kind = "opinion"
        claim.verdict = "true"
        let stale = Change(summary: "set c1 verdict", author: "x", time: Timestamp(secondsSince1970: 1_790_000_100),
                           edits: [.init(before: .claim(other), after: .claim(claim))])
        store.journals["sessions/harbor.json"]!.append(JournalCodec.encode(stale).dropLast())
        let second = reopen(fixture)
        let output = lines(second.execute("open harbor"))
        #expect(output.contains("recovered 1 change from the journal; save to keep them in the session file"))
        #expect(output.contains { $0.hasPrefix("warning: the journal's change at line 3 (set c1 verdict) expects c1 as it was before that "
                                               + "change, but sessions/harbor.json has it otherwise; replay stopped there") }, "\(output)")
        #expect(second.workspace.session.claims["c1"]?.tags == ["fees"])
        #expect(second.workspace.session.claims["c1"]?.verdict == "unverified")
        // The journal was kept aside whole and written anew with what was recovered.
        #expect(store.journalsAside["sessions/harbor.journal.unmatched"]?.count == 3)
        #expect(store.journals["sessions/harbor.json"]?.count == 2)
    }

    @Test func aNewerJournalLeavesTheSessionReadOnlyAndTheJournalUntouched() throws {
        let fixture = harborWithAJournalledChange()
        let store = fixture.host.memoryStore
        var journal = try #require(store.journals["sessions/harbor.json"])
        journal[0] = Data(String(decoding: journal[0], as: UTF8.self).replacingOccurrences(of: "\"version\":2", with: "\"version\":5").utf8)
        store.journals["sessions/harbor.json"] = journal
        let second = reopen(fixture)
        let output = lines(second.execute("open harbor"))
        #expect(output.contains("warning: sessions/harbor.journal was written by a newer ClaimDesk (journal version 5); nothing in it "
                                + "was applied and it was left untouched; opened read-only; upgrade ClaimDesk to recover its changes"),
                "\(output)")
        #expect(!output.contains { $0.contains("damaged") })
        #expect(second.execute("tag c1 x").error != nil)
        #expect(second.execute("save harbor-copy").error == nil)
        #expect(store.journals["sessions/harbor.json"] == journal)
    }

    @Test func saveRefusesToOverwriteAFileReplacedSinceItWasRead() throws {
        let fixture = ShellFixture()
        fixture.run("save harbor")
        fixture.run("claim s3")
        let store = fixture.host.memoryStore
        let theirs = Data(String(decoding: try #require(store.snapshots["sessions/harbor.json"]), as: UTF8.self)
            .replacingOccurrences(of: "\"analyst\": \"tester\"", with: "\"analyst\": \"colleague\"").utf8)
        store.snapshots["sessions/harbor.json"] = theirs
        #expect(fixture.fail("save") == "sessions/harbor.json was changed on the disk since this shell read it (another save, a sync or "
                + "a copy); nothing was written; save NEWNAME keeps your work beside it")
        #expect(store.snapshots["sessions/harbor.json"] == theirs)
        fixture.run("save harbor-mine")
        #expect(store.snapshots["sessions/harbor-mine.json"] != nil)
        // Saving twice in a row is not a conflict: the shell knows what it wrote.
        fixture.run("tag c1 again")
        fixture.run("save")
    }

    @Test func aLostLockStopsChangesAndSaves() {
        let fixture = ShellFixture()
        fixture.run("save harbor")
        fixture.run("claim s3")
        // The lock file was deleted and another process took the session.
        fixture.host.memoryStore.lockHolders["sessions/harbor.json"] = "claimdesk pid 77 on desk-2"
        let error = fixture.fail("claim s4")
        #expect(error == "harbor: its lock file was deleted, and claimdesk pid 77 on desk-2 holds the session now; nothing was changed and this shell is read-only from here; "
                + "save NEWNAME keeps your work as a copy")
        #expect(fixture.session.claims.count == 1)
        #expect(fixture.fail("save").hasPrefix("this session is read-only (lost its lock: "))
        #expect(fixture.shell.execute("save harbor-mine").error == nil)
    }

    @Test func changesThatCouldNotBeJournalledAreCountedUntilASave() {
        let fixture = ShellFixture()
        fixture.host.memoryStore.failWrites = "No space left on device"
        fixture.run("claim s3")
        fixture.run("claim s4")
        // The load held back until the first claim could not be journalled either.
        #expect(fixture.shell.unjournalledChanges == 3)
        fixture.host.memoryStore.failWrites = nil
        fixture.run("save harbor")
        #expect(fixture.shell.unjournalledChanges == 0)
    }
}
