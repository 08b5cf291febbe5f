import ClaimDeskCore
@testable import ClaimDeskShell
import Foundation
import Testing

@Suite struct SessionCommandTests {
    /// A second shell over the same store, as a new process would be.
    func reopen(_ fixture: ShellFixture) -> Shell {
        Shell(host: fixture.host, analyst: "reviewer", batch: true, clock: { Timestamp(secondsSince1970: 1_790_000_500) })
    }

    @Test func undoAndRedoCoverEveryChange() throws {
        let fixture = ShellFixture()
        let start = fixture.session
        let commands = [
            "source add The Daily Courier --kind outlet", "claim s3 --by Courier --via Gulf Ledger", "mention \"Helen R. Marsh\" Marsh",
            "proposition add Fees should be cut", "stance Marsh favor pr1 --evidence s3", "claim s5", "link c2 contradicts c1",
            "tag c1 fees", "untag c1 fees", "note c1 check", "set c1 verdict false", "set session organization Desk", "rm c2",
        ]
        var states: [Session] = [start]
        for command in commands {
            fixture.run(command)
            states.append(fixture.session)
        }
        for state in states.reversed().dropFirst() {
            fixture.run("undo")
            #expect(fixture.session.claims == state.claims && fixture.session.sources == state.sources
                    && fixture.session.stances == state.stances && fixture.session.settings == state.settings
                    && fixture.session.relations == state.relations && fixture.session.mentions == state.mentions)
        }
        fixture.run("undo")
        #expect(fixture.session.articles.isEmpty)
        #expect(fixture.fail("undo") == "nothing to undo")
        for _ in 0...commands.count { fixture.run("redo") }
        #expect(fixture.session.claims == states.last!.claims)
        #expect(fixture.session.stances == states.last!.stances)
        #expect(fixture.fail("redo") == "nothing to redo")
    }

    @Test func aNewChangeForgetsWhatCouldBeRedone() {
        let fixture = ShellFixture()
        fixture.run("claim s3")
        fixture.run("undo")
        fixture.run("claim s4")
        #expect(fixture.fail("redo") == "nothing to redo")
    }

    @Test func saveAndOpenGiveBackTheSameSession() throws {
        let fixture = ShellFixture()
        fixture.run("claim s3 --by Courier --tag fees")
        #expect(fixture.run("save harbor") == "Saved sessions/harbor.json (1 article, 1 source, 1 annotation)\n")
        #expect(fixture.shell.workspace.unsavedChanges == 0)
        let saved = try #require(fixture.host.memoryStore.snapshots["sessions/harbor.json"])
        #expect(fixture.host.memoryStore.journals["sessions/harbor.json"] == [])
        fixture.shell.close()

        let second = reopen(fixture)
        let result = second.execute("open harbor")
        #expect(result.error == nil)
        #expect(result.lines.first?.description == "Opened sessions/harbor.json: 1 article, 1 source, 1 annotation")
        var expected = fixture.session
        expected.name = "harbor"
        #expect(second.workspace.session == expected)
        #expect(SessionDocument.encode(second.workspace.session) == saved)
    }

    @Test func savingTwiceUnchangedGivesIdenticalBytes() throws {
        let fixture = ShellFixture()
        fixture.run("claim s3 --by Courier")
        fixture.run("save harbor")
        let first = fixture.host.memoryStore.snapshots["sessions/harbor.json"]
        fixture.run("save")
        #expect(fixture.host.memoryStore.snapshots["sessions/harbor.json"] == first)
    }

    @Test func saveWithoutANameAsksForOne() {
        let fixture = ShellFixture()
        #expect(fixture.fail("save") == "this session has no name yet; save it with save NAME (it lands in the sessions folder)")
    }

    @Test func everyChangeIsJournalledAndRecoveredAfterACrash() throws {
        let fixture = ShellFixture()
        fixture.run("save harbor")
        fixture.run("claim s3 --by Courier")
        fixture.run("tag c1 fees")
        // Two changes, after the header.
        #expect(fixture.host.memoryStore.journals["sessions/harbor.json"]?.count == 3)
        // The process dies without saving: its lock is gone, the journal stays.
        fixture.host.memoryStore.lockHolders = [:]
        let second = reopen(fixture)
        let result = second.execute("open harbor")
        #expect(result.lines.map(\.description).contains("recovered 2 changes from the journal; save to keep them in the session file"))
        #expect(second.workspace.session.claims["c1"]?.tags == ["fees"])
        #expect(second.workspace.unsavedChanges == 2)
        // Recovered changes can be undone.
        #expect(second.execute("undo").error == nil)
        #expect(second.workspace.session.claims["c1"]?.tags == [])
    }

    @Test func anUnnamedSessionIsRecoveredAtStart() {
        let fixture = ShellFixture()
        fixture.run("claim s3")
        fixture.host.memoryStore.lockHolders = [:]
        let second = reopen(fixture)
        let lines = second.recoverAbandonedSession().map(\.description)
        #expect(lines.first == "Reopened the unsaved session untitled-1 left by an earlier run")
        #expect(lines.contains("recovered 2 changes from the journal; save to keep them in the session file"))
        #expect(second.workspace.session.claims.count == 1)
    }

    @Test func aTornLastLineIsDroppedWithAWarning() throws {
        let fixture = ShellFixture()
        fixture.run("save harbor")
        fixture.run("claim s3")
        fixture.run("claim s4")
        let store = fixture.host.memoryStore
        store.journals["sessions/harbor.json"]![2] = store.journals["sessions/harbor.json"]![2].prefix(40)
        store.tornJournals.insert("sessions/harbor.json")
        store.lockHolders = [:]
        let second = reopen(fixture)
        let lines = second.execute("open harbor").lines.map(\.description)
        #expect(lines.contains("recovered 1 change from the journal; save to keep them in the session file"))
        #expect(lines.contains("warning: the journal's last line was cut off (an interrupted write); it was dropped"))
        #expect(second.workspace.session.claims.keys.map(\.rawValue) == ["c1"])
        // The journal was written anew without the torn line.
        #expect(store.journals["sessions/harbor.json"]?.count == 2)
    }

    @Test func aSessionHeldByAnotherProcessOpensReadOnly() {
        let fixture = ShellFixture()
        fixture.run("save harbor")
        fixture.shell.close()
        fixture.host.memoryStore.lockHolders["sessions/harbor.json"] = "claimdesk pid 4242 on desk-1"
        let second = reopen(fixture)
        let lines = second.execute("open harbor").lines.map(\.description)
        #expect(lines == ["Opened sessions/harbor.json: 1 article, 0 sources, 0 annotations (read-only)",
                          "sessions/harbor.json is being edited by claimdesk pid 4242 on desk-1; opened read-only"])
        #expect(second.execute("claim s3").error?.message
                == "this session is read-only (being edited by claimdesk pid 4242 on desk-1); save it under a new name to edit a copy")
        #expect(second.prompt.description == "harbor (read-only)> ")
        #expect(second.execute("save copy").error == nil)
        #expect(second.execute("claim s3").error == nil)
    }

    @Test func aFailedSaveKeepsTheWork() {
        let fixture = ShellFixture()
        fixture.run("claim s3")
        fixture.host.memoryStore.failWrites = "No space left on device"
        #expect(fixture.fail("save harbor") == "could not save to sessions/harbor.json: No space left on device; your work is still here and in the journal")
        #expect(fixture.session.claims.count == 1)
        #expect(fixture.shell.workspace.unsavedChanges == 2)
    }

    @Test func aFailedJournalWriteIsReportedAndTheChangeKept() {
        let fixture = ShellFixture()
        fixture.host.memoryStore.failWrites = "No space left on device"
        let result = fixture.shell.execute("claim s3")
        #expect(result.lines.map(\.description).last
                == "warning: could not write the journal (No space left on device); the change is kept in memory only; save to keep your work")
        #expect(fixture.session.claims.count == 1)
        #expect(fixture.shell.hasUnjournaledChanges)
        fixture.host.memoryStore.failWrites = nil
        fixture.run("save harbor")
        #expect(!fixture.shell.hasUnjournaledChanges)
    }

    @Test func openingSomethingThatIsNotASessionChangesNothing() {
        let fixture = ShellFixture()
        fixture.host.memoryStore.snapshots["sessions/notes.json"] = Data("{\"hello\": 1}".utf8)
        fixture.host.memoryStore.snapshots["sessions/future.json"] = Data("{\"format\": \"claimdesk.session\", \"version\": 9}".utf8)
        fixture.host.memoryStore.snapshots["sessions/broken.json"] = Data("{\"format\": \"claimdesk.session\", \"version\": 1, \"analyst\": 3}".utf8)
        let before = fixture.session
        #expect(fixture.fail("open notes") == "cannot open sessions/notes.json: not a ClaimDesk session: it has no \"format\" field; the file was left untouched")
        #expect(fixture.fail("open future").hasPrefix("cannot open sessions/future.json: it is a version 9 session, newer than this ClaimDesk reads (version 2); upgrade ClaimDesk to open it"))
        #expect(fixture.fail("open broken") == "cannot open sessions/broken.json: at analyst (line 1, column 58): expected a string, found a number; the file was left untouched")
        #expect(fixture.fail("open nowhere").hasPrefix("cannot open nowhere: no session file sessions/nowhere.json"))
        #expect(fixture.session == before)
    }

    @Test func statusSaysWhereThingsStand() {
        let fixture = ShellFixture()
        fixture.run("claim s3 --by Courier")
        let status = fixture.run("status")
        #expect(status.contains("session   untitled"))
        #expect(status.contains("counts    1 source, 1 claim, 0 mentions, 0 propositions, 0 stances, 0 relations"))
        #expect(status.contains("changes   2 unsaved changes (kept in the journal)"))
    }

    @Test func loadingAndReadingWriteNoJournal() {
        let fixture = ShellFixture()
        fixture.run("show p1")
        fixture.run("list")
        fixture.run("find talks")
        #expect(fixture.host.memoryStore.journals.isEmpty)
        #expect(fixture.host.memoryStore.lockHolders.isEmpty)
        #expect(fixture.shell.workspace.unsavedChanges == 0)
        #expect(fixture.run("status").contains("changes   none yet (a loaded article is kept from your first change on)"))
    }

    @Test func theFirstChangeJournalsTheLoadBeforeIt() throws {
        let fixture = ShellFixture()
        fixture.run("claim s2 --by Courier")
        let journal = try #require(fixture.host.memoryStore.journals.values.first)
        // Header, the held-back load, then the claim (with its new source), in one write.
        #expect(journal.count == 3)
        #expect(String(decoding: journal[1], as: UTF8.self).contains("\"summary\":\"load story.txt\""))
        #expect(fixture.shell.workspace.unsavedChanges == 2)
        #expect(fixture.shell.workspace.heldBackChanges.isEmpty)
    }

    @Test func undoingALoadIsStillOnlyReading() {
        let fixture = ShellFixture()
        fixture.run("undo")
        fixture.run("redo")
        #expect(fixture.host.memoryStore.journals.isEmpty)
        #expect(fixture.shell.prompt.description == "untitled> ")
    }

    @Test func thePromptShowsNameAndUnsavedMarker() {
        let fixture = ShellFixture(loadArticle: false)
        #expect(fixture.shell.prompt.description == "untitled> ")
        fixture.run("load story.txt")
        // Loading is reading: no unsaved work yet.
        #expect(fixture.shell.prompt.description == "untitled> ")
        fixture.run("claim s2")
        #expect(fixture.shell.prompt.description == "untitled*> ")
        fixture.run("save harbor")
        #expect(fixture.shell.prompt.description == "harbor> ")
    }

    @Test func taxonomyLoadReplacesLabelsAndChecksUse() throws {
        let fixture = ShellFixture()
        fixture.host.files["tax.json"] = Data(#"{"verdicts": ["unverified", "accurate", "inaccurate"], "stanceLabels": ["pro", "con"]}"#.utf8)
        let output = fixture.run("taxonomy load tax.json")
        #expect(output.contains("verdicts        unverified, accurate, inaccurate"))
        #expect(fixture.session.taxonomy.stanceLabels == ["pro", "con"])
        #expect(fixture.fail("claim s3 --verdict true").hasPrefix("unknown verdict \"true\""))
        fixture.run("claim s3 --verdict accurate")
        fixture.host.files["back.json"] = Data(#"{"verdicts": ["unverified"]}"#.utf8)
        #expect(fixture.fail("taxonomy load back.json")
                == "c1 uses the verdict \"accurate\", which back.json lacks; add it to the file or change c1 first")
        fixture.host.files["bad.json"] = Data(#"{"verdict": ["x"]}"#.utf8)
        #expect(fixture.fail("taxonomy load bad.json").hasPrefix("bad.json: unknown key \"verdict\"; did you mean verdicts?"))
        fixture.host.files["cut.json"] = Data(#"{"verdicts": ["unverified", "accurate""#.utf8)
        #expect(fixture.fail("taxonomy load cut.json") == "cut.json is not valid JSON at verdicts[1] (line 1, column 39): "
                + "unexpected end of the file (is it cut short?); expected a value or ]; see docs/taxonomy.md for the shape")
        fixture.run("undo")
        fixture.run("undo")
        #expect(fixture.session.taxonomy == .standard)
    }

    @Test func unknownCommandsSuggestTheClosest() {
        let fixture = ShellFixture()
        #expect(fixture.fail("clam s3") == "unknown command clam; did you mean claim? (help lists every command)")
        #expect(fixture.fail("source Reuters") == "source needs a subcommand: source add NAME [--kind K] [--alias A]... [--role TEXT]")
        #expect(fixture.fail("claim s3 --bye X").hasPrefix("unknown flag --bye for claim; did you mean --by?"))
        #expect(fixture.fail("claim").hasPrefix("claim needs SEL; usage: claim SEL"))
    }

    @Test func helpListsEveryCommandAndExplainsOne() {
        let fixture = ShellFixture()
        let overview = fixture.run("help")
        for spec in CommandCatalog.all {
            #expect(overview.contains("  " + spec.name.rawValue + " "), "help lacks \(spec.name.rawValue)")
        }
        let claimHelp = fixture.run("help claim")
        #expect(claimHelp.hasPrefix("usage: claim SEL [--by SOURCE]"))
        #expect(claimHelp.contains("example: claim s3 --by"))
        #expect(fixture.run("help source add").hasPrefix("usage: source add NAME"))
        #expect(fixture.fail("help clam") == "no command clam; did you mean claim? (help lists every command)")
    }
}
