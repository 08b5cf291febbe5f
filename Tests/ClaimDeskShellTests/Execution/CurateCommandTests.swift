import ClaimDeskCore
@testable import ClaimDeskShell
import Foundation
import Testing

@Suite struct CurateCommandTests {
    /// Ana's and Bob's sessions of the fixture's article, merged into `desk` in the fixture's store:
    /// c1 agreed; c2 Ana's kind factual, Bob's opinion; c3 only Ana's; c4 only Bob's; st1 labels differ.
    func merged(batch: Bool = true) throws -> ShellFixture {
        let fixture = ShellFixture()
        fixture.run("claim s2 --by Meridian Wire")
        fixture.run("claim s3 --by Courier")
        fixture.run("claim s4 --by Reyes")
        fixture.run("proposition add The harbor should cut its fees")
        fixture.run("stance Reyes against pr1 --evidence s5")
        fixture.run("save ana")
        fixture.run("set c2 kind opinion")
        fixture.run("rm c3")
        fixture.run("claim s5 --by Reyes")
        fixture.run("set st1 label neutral")
        fixture.run("save bob")
        let store = fixture.host.memoryStore
        var ana = try SessionDocument.decode(try #require(store.snapshots["sessions/ana.json"]))
        ana.analyst = "ana"
        var bob = try SessionDocument.decode(try #require(store.snapshots["sessions/bob.json"]))
        bob.analyst = "bob"
        let merge = SessionMerge([.init(name: "ana", session: ana), .init(name: "bob", session: bob)], analyst: "ed",
                                 time: Timestamp(secondsSince1970: 1_790_000_000), name: "desk")
        store.snapshots["sessions/desk.json"] = SessionDocument.encode(merge.session)
        fixture.run("open desk")
        return fixture
    }

    @Test func statusCountsTheOpenConflictsAndABatchCurateListsThem() throws {
        let fixture = try merged()
        #expect(fixture.session.orderedConflicts.map(\.subject) == ["c2", "c3", "c4", "st1"])
        #expect(fixture.run("status").contains("merge     4 conflicts open (curate settles them)\n"))
        let listed = fixture.run("curate").split(separator: "\n").map(String.init)
        #expect(listed[0] == "4 conflicts open (resolve ID a|b|…|keep|drop):")
        #expect(listed[1] == "x1    c2 kind \"The Daily Courier reported, quoting two …ed “a firm answer.”\"")
        #expect(listed[2] == "x2    c3 only in some \"Gen. Thomas E. Reyes disagreed.\"")
        let shown = fixture.run("show x1")
        #expect(shown.contains("  a  ana (ana)  \"The Daily Courier"))
        #expect(shown.contains("  b  bob (bob)  \"The Daily Courier"))
        #expect(shown.contains(" · opinion · unverified"))
        #expect(fixture.run("show c2").contains("  conflict   x1 open: kind (show x1, curate)\n"))
    }

    @Test func takingAVersionIsOneUndoableChangeThatRecordsHowItWasSettled() throws {
        let fixture = try merged()
        let output = fixture.run("resolve x1 b")
        #expect(output == "x1 settled: took b (bob); c2\n3 conflicts open\n")
        let claim = try #require(fixture.session.claims["c2"])
        #expect(claim.kind == "opinion")
        #expect(claim.provenance?.analyst == "bob")
        #expect(claim.review?.latest?.comment == "curated x1: took b (bob)")
        #expect(claim.review?.latest?.reviewer == "tester")
        #expect(fixture.session.conflicts["x1"] == nil)
        fixture.run("undo")
        #expect(fixture.session.claims["c2"]?.kind == "factual")
        #expect(fixture.session.conflicts["x1"] != nil)
    }

    @Test func takingTheSideThatLacksItDropsItAndKeepingAllAddsTheOthersUnderNewIDs() throws {
        let fixture = try merged()
        fixture.run("resolve x2 b")   // Bob removed c3
        #expect(fixture.session.claims["c3"] == nil)
        fixture.run("resolve x1 keep")
        let copy = try #require(fixture.session.claims["c5"])
        #expect(copy.kind == "opinion" && fixture.session.claims["c2"]?.kind == "factual")
        #expect(copy.anchor == fixture.session.claims["c2"]?.anchor)
        #expect(fixture.fail("resolve x4 keep") == "a source holds one stance on a target; take one version (a, b, …) or drop it")
        fixture.run("resolve x4 drop")
        #expect(fixture.session.stances.isEmpty)
        #expect(fixture.run("resolve x3 a") == "x3 settled: took a (ana: none)\nno conflicts open\n")
        #expect(fixture.session.claims["c4"] == nil)
        #expect(!fixture.run("status").contains("merge"))
    }

    @Test func badChoicesAndIdsAreRefusedWithTheWayOut() throws {
        let fixture = try merged()
        #expect(fixture.fail("resolve x1 z") == "resolve takes a version (a, b), keep or drop, not z")
        #expect(fixture.fail("resolve x9 a") == "no open conflict x9; curate lists the open ones")
        #expect(fixture.fail("resolve c1 a") == "c1 is not a conflict id; conflicts look like x1 (curate lists them)")
        #expect(fixture.fail("export csv").contains("4 open conflicts from a merge"))
        #expect(fixture.session.conflicts.count == 4, "nothing changed")
    }

    @Test func aVersionNamingASourceRemovedSinceIsRefused() throws {
        let fixture = try merged()
        fixture.run("resolve x3 drop")
        fixture.run("resolve x4 drop")
        fixture.run("resolve x2 b")
        fixture.run("rm c2")                 // the last user of Courier (x1's versions name it)
        fixture.run("rm src2")
        #expect(fixture.fail("resolve x1 a").hasPrefix("version a of x1 names src2 (its claimant), which is no longer in the session"))
    }

    @Test func theWalkTakesSingleKeysAndEditRunsACommandOnTheAnnotation() throws {
        let fixture = try merged()
        fixture.run("save")
        fixture.run("quit")
        fixture.host.memoryStore.unlock(try #require(fixture.shell.sessionLocation))
        let shell = Shell(host: fixture.host, analyst: "ed", batch: false, clock: { Timestamp(secondsSince1970: 1_790_000_100) })
        _ = shell.execute("open desk")
        let start = shell.execute("curate")
        #expect(start.lines.first?.description.hasPrefix("Curating 4 conflicts.") == true)
        #expect(shell.reviewWalk?.prompt.hasPrefix("[a/b/…] take") == true)
        _ = shell.reviewKey("b")                               // x1: Bob's kind
        #expect(shell.workspace.session.claims["c2"]?.kind == "opinion")
        _ = shell.reviewKey("n")                               // skip x2
        _ = shell.reviewKey("e")                               // x3: edit c4
        #expect(shell.reviewWalk?.question == .command)
        let edited = shell.reviewAnswer("set verdict false")
        #expect(edited.error == nil)
        #expect(shell.workspace.session.claims["c4"]?.verdict == "false")
        #expect(shell.workspace.session.conflicts["x3"] == nil)
        #expect(shell.workspace.session.claims["c4"]?.review?.latest?.comment == "curated x3: edited (set c4 verdict false)")
        #expect(shell.reviewKey("z").error?.message.hasPrefix("no key z in curate") == true)
        let left = shell.reviewKey("q")
        #expect(left.lines.last?.description == "Curate left: 2 settled in this pass; 2 conflicts open")
        #expect(shell.reviewWalk == nil)
        _ = shell.execute("undo")
        _ = shell.execute("undo")
        #expect(shell.workspace.session.claims["c4"]?.verdict == "unverified", "the edit and its settlement are two changes")
    }
}
