import ClaimDeskCore
@testable import ClaimDeskShell
import Foundation
import Testing

@Suite struct RebaseCommandTests {
    static let corrected = """
        Talks stall over harbor fees

        PORT AVERY (Meridian Wire) — Senior U.S. officials said late on Tuesday that the talks had stalled. \
        The Daily Courier reported, quoting two officials, that Secretary Helen R. Marsh wanted “a firm answer.”

        This paragraph was added in an update.
        """

    func fixture() -> ShellFixture {
        let fixture = ShellFixture()
        fixture.host.files["v2.txt"] = Data(Self.corrected.utf8)
        fixture.run("claim s2 --by Meridian Wire")
        fixture.run("claim s3 --by Courier")
        fixture.run("claim s5 --by Reyes")
        fixture.run("mention \"Helen R. Marsh\" Marsh")
        fixture.run("stance Reyes against c1 --evidence s4")
        return fixture
    }

    @Test func rebaseMovesWhatItFindsAndOrphansWhatIsGone() throws {
        let fixture = fixture()
        let output = fixture.run("rebase v2.txt")
        #expect(output.hasPrefix("Rebased a1 onto v2.txt: 0 exact, 2 moved, 1 fuzzy, 2 orphaned\n"))
        #expect(output.contains("  orphaned c3: "))
        #expect(output.contains("  orphaned st1: "))
        let session = fixture.session
        let text = try #require(session.articles["a1"]).content
        let c1 = try #require(session.claims["c1"])
        #expect(c1.anchor.exact == text.slice(c1.anchor.range))
        #expect(c1.anchor.exact.hasSuffix("said late on Tuesday that the talks had stalled."))
        let m1 = try #require(session.mentions["m1"])
        #expect(text.slice(m1.anchor.range) == "Helen R. Marsh")
        #expect(session.claims["c3"]?.anchor.isOrphaned == true)
        #expect(session.claims["c3"]?.anchor.exact == "“We will not escalate,” he said at 3 p.m. on Wednesday.")
        #expect(session.articles["a1"]?.revisions.count == 1)
        #expect(session.articles["a1"]?.revisions.first?.sha256 == SHA256Digest.hex(of: TextNormalizer.normalize(ShellFixture.article)))
        #expect(fixture.run("list --orphaned").contains("c3    orphaned  "))
        #expect(fixture.run("show c3").contains("ORPHANED: its text was not found in the new version; old quote"))
    }

    @Test func undoReversesTheWholeRebase() {
        let fixture = fixture()
        let before = fixture.session
        fixture.run("rebase v2.txt")
        fixture.run("undo")
        #expect(fixture.session.articles == before.articles)
        #expect(fixture.session.claims == before.claims)
        #expect(fixture.session.stances == before.stances)
    }

    @Test func reattachPutsAnOrphanBack() throws {
        let fixture = fixture()
        fixture.run("rebase v2.txt")
        #expect(fixture.run("reattach c3 s4") == "c3  reattached to \"This paragraph was added in an update.\"\n")
        #expect(fixture.session.claims["c3"]?.anchor.isOrphaned == false)
        #expect(fixture.fail("reattach c1 s2") == "c1 is not orphaned; change its span with set c1 span SEL")
        fixture.run("reattach st1 s1")
        #expect(fixture.session.stances["st1"]?.evidence.first?.exact == "Talks stall over harbor fees")
        #expect(fixture.run("list --orphaned") == "no annotations match\n")
    }

    @Test func theSameTextIsNothingToDo() {
        let fixture = fixture()
        fixture.host.files["same.txt"] = Data(ShellFixture.article.utf8)
        #expect(fixture.run("rebase same.txt") == "same.txt is the same text as a1; nothing to do\n")
        #expect(fixture.fail("rebase a9 v2.txt") == "no article a9; articles lists them")
        #expect(fixture.fail("rebase missing.txt").hasPrefix("cannot read missing.txt: no such file"))
    }

    @Test func openingASessionWhoseTextWasEditedByHandReanchorsIt() throws {
        let fixture = fixture()
        fixture.run("save harbor")
        fixture.shell.close()
        let store = fixture.host.memoryStore
        // Edit only the article's text, as someone fixing a typo in the file would.
        let saved = try #require(store.snapshots["sessions/harbor.json"])
        var document = try #require(try JSONSerialization.jsonObject(with: saved) as? [String: Any])
        var articles = try #require(document["articles"] as? [[String: Any]])
        let text = try #require(articles[0]["text"] as? String)
        articles[0]["text"] = text.replacingOccurrences(of: "Senior U.S. officials said on Tuesday", with: "Senior American officials said on Tuesday")
        document["articles"] = articles
        store.snapshots["sessions/harbor.json"] = try JSONSerialization.data(withJSONObject: document)
        let second = Shell(host: fixture.host, analyst: "reviewer", batch: true, clock: { Timestamp(secondsSince1970: 1_790_000_900) })
        let lines = second.execute("open harbor").lines.map(\.description)
        #expect(lines.contains("a1's text was edited outside ClaimDesk; re-anchored its annotations: 0 exact, 4 moved, 1 fuzzy, 0 orphaned"))
        let article = try #require(second.workspace.session.articles["a1"])
        #expect(article.hashMatchesText)
        #expect(second.workspace.session.claims["c1"]?.anchor.exact.hasPrefix("PORT AVERY (Meridian Wire) — Senior American officials") == true)
        #expect(second.workspace.unsavedChanges == 1)
    }
}
