import ClaimDeskCore
@testable import ClaimDeskShell
import Foundation
import Testing

/// Claims and mentions in fragments typed as `SEL+SEL`: marking, showing, changing, duplicates,
/// undo and re-anchoring.
@Suite struct FragmentCommandTests {
    static let quote = #"s5:"We will not escalate"+s5:"at 3 p.m. on Wednesday""#

    @Test func claimAndMentionTakeFragmentsAndShowThem() throws {
        let fixture = ShellFixture()
        let output = fixture.run("claim \(Self.quote) --by Reyes --cue s5:\"said\"")
        #expect(output.hasSuffix("c1  claim by Reyes: \"We will not escalate … at 3 p.m. on Wednesday\"  cue \"said\"\n"))
        let claim = try #require(fixture.session.claims["c1"])
        let text = try #require(fixture.session.articles["a1"]).content
        #expect(claim.fragments.map { text.slice($0.range) } == ["We will not escalate", "at 3 p.m. on Wednesday"])
        let shown = fixture.run("show c1")
        #expect(shown.contains("  text       \"We will not escalate … at 3 p.m. on Wednesday\"\n"))
        #expect(shown.contains("  fragment 1 s5 @\(claim.anchor.start)-\(claim.anchor.end) \"We will not escalate\"\n"))
        #expect(shown.contains("  fragment 2 s5 @\(claim.moreFragments[0].start)-\(claim.moreFragments[0].end) \"at 3 p.m. on Wednesday\"\n"))
        #expect(fixture.run("list claims").contains("\"We will not escalate … at 3 p.m. on Wednesday\""))
        let article = fixture.run("show s5")
        #expect(article.contains("{We will not escalate}c1") && article.contains("{at 3 p.m. on Wednesday}c1"))

        #expect(fixture.run("mention s3:\"Helen\"+s3:\"Marsh\" Marsh").hasSuffix("m1  mention of Marsh: \"Helen … Marsh\"\n"))
        #expect(fixture.session.mentions["m1"]?.fragments.map(\.exact) == ["Helen", "Marsh"])
    }

    @Test func duplicatesCompareEveryFragment() {
        let fixture = ShellFixture()
        fixture.run("claim \(Self.quote) --by Reyes")
        #expect(fixture.fail("claim s5:\"at 3 p.m. on Wednesday\"+s5:\"We will not escalate\" --by Reyes")
                .hasPrefix("c1 already marks this span as a claim with the same source chain"))
        // The first fragment alone is another span.
        fixture.run("claim s5:\"We will not escalate\" --by Reyes")
        #expect(fixture.session.claims["c2"]?.isDiscontinuous == false)
        // An id stands for all of its fragments.
        #expect(fixture.fail("claim c1 --by Reyes").hasPrefix("c1 already marks this span"))
    }

    @Test func badFragmentsAreRefusedAndChangeNothing() {
        let fixture = ShellFixture()
        let before = fixture.session
        #expect(fixture.fail("claim s5:\"We will not\"+s5:\"not escalate\" --by Reyes")
                == "cannot read the selection s5:\"We will not\"+s5:\"not escalate\": the fragments s5:\"We will not\" and s5:\"not escalate\" overlap; give fragments that do not share text")
        #expect(fixture.fail("claim s2 --cue s2:\"said\"+s2:\"Tuesday\"")
                == "s2:\"said\"+s2:\"Tuesday\" names several fragments; a cue takes one span (drop the +)")
        #expect(fixture.fail("claim s5+s99 --by Reyes").contains("s99"))
        #expect(fixture.session.claims == before.claims && fixture.session.sources == before.sources)
    }

    @Test func setSpanTakesFragmentsAndUndoRestores() throws {
        let fixture = ShellFixture()
        fixture.run("claim s5 --by Reyes")
        let whole = try #require(fixture.session.claims["c1"])
        fixture.run("set c1 span \(Self.quote)")
        #expect(fixture.session.claims["c1"]?.fragments.map(\.exact) == ["We will not escalate", "at 3 p.m. on Wednesday"])
        fixture.run("undo")
        #expect(fixture.session.claims["c1"] == whole)
        fixture.run("redo")
        #expect(fixture.session.claims["c1"]?.isDiscontinuous == true)
    }

    @Test func rebaseMovesEachFragmentAndReportsALostOne() throws {
        let fixture = ShellFixture()
        fixture.host.files["v2.txt"] = Data(RebaseCommandTests.corrected.utf8)
        // One fragment in a sentence the new version keeps, one in the paragraph it drops.
        fixture.run("claim s3:\"a firm answer\"+s5:\"We will not escalate\" --by Marsh")
        fixture.run("mention s2:\"Senior\"+s2:\"officials\" officials")
        let output = fixture.run("rebase v2.txt")
        #expect(output.hasPrefix("Rebased a1 onto v2.txt: 1 exact, 0 moved, 0 fuzzy, 1 orphaned\n"), "a span in fragments counts once, by its worst fragment")
        #expect(output.contains("  orphaned c1 fragment 2: \"We will not escalate\"\n"))
        let text = try #require(fixture.session.articles["a1"]).content
        let claim = try #require(fixture.session.claims["c1"])
        #expect(!claim.anchor.isOrphaned && text.slice(claim.anchor.range) == "a firm answer")
        #expect(claim.moreFragments.first?.isOrphaned == true)
        let mention = try #require(fixture.session.mentions["m1"])
        #expect(mention.fragments.map { text.slice($0.range) } == ["Senior", "officials"])
        #expect(fixture.run("list --orphaned").contains("c1"))
        #expect(fixture.run("show c1").contains("  fragment 2 ORPHANED, old quote \"We will not escalate\"\n"))
        fixture.run("reattach c1 s3:\"a firm answer\"+s3:\"Marsh\"")
        #expect(fixture.session.claims["c1"]?.fragments.map(\.exact) == ["Marsh", "a firm answer"])
    }

    @Test func showAndTheReviewPassMarkEveryFragmentOnce() {
        let fixture = ShellFixture()
        let shown = fixture.run("show \(Self.quote)")
        #expect(shown.contains("[We will not escalate]") && shown.contains("[at 3 p.m. on Wednesday]"))
        #expect(shown.components(separatedBy: "s5  ").count == 2, "the sentence once")
        fixture.run("claim \(Self.quote) --by Reyes")
        // The review pass walks in an interactive shell; its screen for c1.
        fixture.shell.reviewWalk = ReviewWalk(ids: ["c1"])
        let walk = TextRenderer(color: false).render(fixture.shell.reviewItemLines())
        #expect(walk.contains("[We will not escalate]") && walk.contains("[at 3 p.m. on Wednesday]"))
        #expect(walk.components(separatedBy: "  s5  ").count == 2, "the sentence once: \(walk)")
    }

    @Test func listInTakesFragments() {
        let fixture = ShellFixture()
        fixture.run("claim s2 --by officials")
        fixture.run("claim s3 --by Courier")
        fixture.run("claim s5 --by Reyes")
        let both = fixture.run("list claims --in s2+s5")
        #expect(both.contains("c1 ") && both.contains("c3 ") && !both.contains("c2 "))
    }

    @Test func fragmentsSurviveSaveAndOpenByteForByte() throws {
        let fixture = ShellFixture()
        fixture.run("claim \(Self.quote) --by Reyes --cue s5:\"said\"")
        fixture.run("mention s3:\"Helen\"+s3:\"Marsh\" Marsh")
        fixture.run("save fragments")
        let saved = try #require(fixture.host.memoryStore.snapshots["sessions/fragments.json"])
        let before = fixture.session
        fixture.shell.close()
        let second = Shell(host: fixture.host, analyst: "reviewer", batch: true, clock: { Timestamp(secondsSince1970: 1_790_000_500) })
        #expect(second.execute("open fragments").error == nil)
        #expect(second.workspace.session.claims == before.claims && second.workspace.session.mentions == before.mentions)
        #expect(second.execute("save").error == nil)
        #expect(fixture.host.memoryStore.snapshots["sessions/fragments.json"] == saved)
    }
}
