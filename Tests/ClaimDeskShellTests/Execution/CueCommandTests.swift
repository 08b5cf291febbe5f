import ClaimDeskCore
@testable import ClaimDeskShell
import Foundation
import Testing

/// `claim SEL --cue SEL`, `set cN cue SEL|none`, `show`, undo and re-anchoring of a claim's cue.
@Suite struct CueCommandTests {
    @Test func claimTakesACueAndShowPrintsIt() throws {
        let fixture = ShellFixture()
        let output = fixture.run("claim s2:\"talks had stalled\" --by Senior U.S. officials --cue s2:\"said\"")
        #expect(output.hasSuffix("c1  claim by Senior U.S. officials: \"talks had stalled\"  cue \"said\"\n"))
        let claim = try #require(fixture.session.claims["c1"])
        let text = try #require(fixture.session.articles["a1"]).content
        let cue = try #require(claim.cue)
        #expect(cue.exact == "said" && text.slice(cue.range) == "said")
        #expect(text.sentenceIndex(containing: cue.start) == 1)
        let shown = fixture.run("show c1")
        #expect(shown.contains("  cue        \"said\"  s2 @\(cue.start)-\(cue.end)\n"))
        #expect(!fixture.run("show c1").contains("ORPHANED"))
        #expect(fixture.run("show s2").contains("{said}c1"))
    }

    @Test func setChangesAndClearsTheCueAndUndoBringsItBack() throws {
        let fixture = ShellFixture()
        fixture.run("claim s3:\"a firm answer\" --by Marsh")
        #expect(fixture.session.claims["c1"]?.cue == nil)
        #expect(fixture.run("set c1 cue s3:\"reported\"") == "c1  cue set to \"reported\"\n")
        #expect(fixture.session.claims["c1"]?.cue?.exact == "reported")
        #expect(fixture.run("set c1 cue none") == "c1  cue set to none\n")
        #expect(fixture.session.claims["c1"]?.cue == nil)
        fixture.run("undo")
        #expect(fixture.session.claims["c1"]?.cue?.exact == "reported")
        fixture.run("undo")
        #expect(fixture.session.claims["c1"]?.cue == nil)
        fixture.run("redo")
        #expect(fixture.session.claims["c1"]?.cue?.exact == "reported")
        #expect(fixture.fail("set c1 cue s99").contains("s99"))
        #expect(fixture.session.claims["c1"]?.cue?.exact == "reported")
    }

    @Test func theSameSpanDuplicateCheckIgnoresTheCue() {
        let fixture = ShellFixture()
        fixture.run("claim s2:\"talks had stalled\" --by officials --cue s2:\"said\"")
        #expect(fixture.fail("claim s2:\"talks had stalled\" --by officials --cue s3:\"reported\"")
                .hasPrefix("c1 already marks this span as a claim with the same source chain"))
        #expect(fixture.fail("claim s2:\"talks had stalled\" --by officials")
                .hasPrefix("c1 already marks this span as a claim with the same source chain"))
    }

    @Test func aCueSurvivesSaveAndOpen() throws {
        let fixture = ShellFixture()
        fixture.run("claim s2:\"talks had stalled\" --by officials --cue s2:\"said\"")
        fixture.run("save cues")
        let before = try #require(fixture.session.claims["c1"])
        let saved = try #require(fixture.host.memoryStore.snapshots["sessions/cues.json"])
        fixture.shell.close()
        let second = Shell(host: fixture.host, analyst: "reviewer", batch: true, clock: { Timestamp(secondsSince1970: 1_790_000_500) })
        #expect(second.execute("open cues").error == nil)
        #expect(second.workspace.session.claims["c1"] == before)
        #expect(second.workspace.session.claims["c1"]?.cue?.exact == "said")
        #expect(second.execute("save").error == nil)
        #expect(fixture.host.memoryStore.snapshots["sessions/cues.json"] == saved, "saving an opened session gives the same bytes")
    }

    @Test func rebaseMovesTheCueWithItsClaimAndReportsAnOrphanedCue() throws {
        let fixture = ShellFixture()
        fixture.host.files["v2.txt"] = Data(RebaseCommandTests.corrected.utf8)
        fixture.run("claim s2:\"talks had stalled\" --by officials --cue s2:\"said\"")
        // The cue lies in the paragraph the new version drops; the claim stays.
        fixture.run("claim s3:\"a firm answer\" --by Marsh --cue s5:\"said\"")
        let output = fixture.run("rebase v2.txt")
        #expect(output.hasPrefix("Rebased a1 onto v2.txt: 0 exact, 2 moved, 0 fuzzy, 0 orphaned\n"), "cues are not counted as annotations")
        #expect(output.contains("  orphaned c2 cue: \"said\"\n"))
        #expect(output.contains(", set ID cue SEL a cue"))
        let text = try #require(fixture.session.articles["a1"]).content
        let c1 = try #require(fixture.session.claims["c1"])
        let cue = try #require(c1.cue)
        #expect(!cue.isOrphaned && text.slice(cue.range) == "said")
        #expect(text.slice(c1.anchor.range) == "talks had stalled")
        let c2 = try #require(fixture.session.claims["c2"])
        #expect(!c2.anchor.isOrphaned && c2.cue?.isOrphaned == true && c2.cue?.exact == "said")
        #expect(fixture.run("show c2").contains("  cue        ORPHANED, old quote \"said\"; set c2 cue SEL puts it back\n"))
        #expect(fixture.run("list --orphaned").contains("c2"))
        #expect(fixture.fail("reattach c2 s2").hasPrefix("c2 is not orphaned, its cue is"))
        fixture.run("set c2 cue s3:\"reported\"")
        #expect(fixture.session.claims["c2"]?.cue?.isOrphaned == false)
    }
}
