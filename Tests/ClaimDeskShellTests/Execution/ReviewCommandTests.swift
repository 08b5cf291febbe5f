import ClaimDeskCore
@testable import ClaimDeskShell
import Foundation
import Testing

@Suite struct ReviewCommandTests {
    func fixture() -> ShellFixture {
        let fixture = ShellFixture()
        fixture.run("claim s2 --by Meridian Wire")
        fixture.run("claim s3 --by Courier")
        fixture.run("claim s5 --by Reyes")
        fixture.run("mention \"Helen R. Marsh\" Marsh")
        fixture.run("proposition add The harbor should cut its fees")
        fixture.run("stance Reyes against pr1 --evidence s4")
        return fixture
    }

    /// A shell that runs interactively (review walks need keys), over the fixture's host.
    func interactive(_ fixture: ShellFixture) -> Shell {
        fixture.run("save review-test")
        fixture.run("quit")
        fixture.host.store.unlock(fixture.shell.sessionLocation!)
        let shell = Shell(host: fixture.host, analyst: "editor", batch: false, clock: { Timestamp(secondsSince1970: 1_790_000_100) })
        _ = shell.execute("open review-test")
        return shell
    }

    @Test func acceptRecordsTheReviewerTimeAndCommentAsOneUndoableChange() throws {
        let fixture = fixture()
        let output = fixture.run("accept c1 c2 st1 --comment checked against the wire copy")
        #expect(output == "3 annotations  accepted: checked against the wire copy\n3 of 5 reviewed: 3 accepted, 0 rejected\n")
        let review = try #require(fixture.session.claims["c1"]?.review)
        #expect(review.status == .accepted)
        #expect(review.decisions == [ReviewDecision(status: .accepted, reviewer: "tester", time: Timestamp(secondsSince1970: 1_790_000_000),
                                                    comment: "checked against the wire copy")])
        #expect(fixture.session.stances["st1"]?.reviewStatus == .accepted)
        #expect(fixture.session.claims["c1"]?.modified == fixture.session.claims["c1"]?.created, "a decision is not an edit of the text")
        fixture.run("undo")
        #expect(fixture.session.claims["c1"]?.review == nil)
        #expect(fixture.session.stances["st1"]?.review == nil)
    }

    @Test func rejectNeedsAReasonAndShowListsTheDecisions() {
        let fixture = fixture()
        #expect(fixture.fail("reject c3") == "say why with --reason TEXT, for example reject c4 --reason not a claim")
        fixture.run("reject c3 --reason the quote is the reporter's")
        fixture.run("reopen c3 --comment asked the desk")
        let shown = fixture.run("show c3")
        #expect(shown.contains("  review     open by tester, 2026-09-21T14:13:20Z: asked the desk\n"))
        #expect(shown.contains("  earlier    rejected by tester, 2026-09-21T14:13:20Z: the quote is the reporter's\n"))
    }

    @Test func decisionsAreRefusedForWhatIsNotReviewed() {
        let fixture = fixture()
        #expect(fixture.fail("accept pr1") == "pr1 is a proposition; this takes claim, mention, stance, relation")
        #expect(fixture.fail("accept c9").hasPrefix("no claim c9 in this session"))
        #expect(fixture.fail("accept") == "accept needs ID; usage: accept ID... [--comment TEXT]")
        #expect(fixture.session.claims.values.allSatisfy { $0.review == nil }, "a refused command changes nothing")
    }

    @Test func listFiltersByStatusAuthorAndShowsTheState() {
        let fixture = fixture()
        fixture.run("accept c1")
        fixture.run("reject m1 --reason wrong person")
        let accepted = fixture.run("list --status accepted").split(separator: "\n")
        #expect(accepted.count == 2 && accepted[0] == "claims (1)")
        #expect(accepted[1].hasPrefix("c1    s2    factual unverified  by Meridian Wire  ") && accepted[1].hasSuffix("  [accepted]"))
        #expect(fixture.run("list mentions --status rejected").contains("[rejected]"))
        #expect(fixture.run("list claims --status open").split(separator: "\n").count == 2)
        #expect(fixture.run("list claims --author tester").split(separator: "\n").count == 3)
        #expect(fixture.run("list claims --author nobody") == "no claims match\n")
        #expect(fixture.fail("list --status done") == "no review status done; choose open, accepted, rejected, changed")
        #expect(fixture.run("status").contains("review    2 of 5 reviewed: 1 accepted, 1 rejected\n"))
    }

    @Test func inABatchReviewListsWhatIsOpen() {
        let fixture = fixture()
        fixture.run("accept c1")
        let output = fixture.run("review")
        #expect(output.hasPrefix("4 annotations to review (accept ID…, reject ID… --reason TEXT):\n"))
        #expect(!output.contains("c1 "))
        #expect(fixture.shell.reviewWalk == nil)
    }

    @Test func aReviewWalkDecidesWithSingleKeysInReadingOrder() throws {
        let fixture = fixture()
        let shell = interactive(fixture)
        let start = TextRenderer(color: false).render(shell.execute("review").lines)
        #expect(start.contains("1 of 5  c1\n"))
        let walk = try #require(shell.reviewWalk)
        // Reading order: c1 (s2), c2 (s3) and m1 inside it, st1 (s4), c3 (s5).
        #expect(walk.ids == ["c1", "c2", "m1", "st1", "c3"])
        #expect(TextRenderer(color: false).render(shell.reviewKey("a").lines).contains("2 of 5  c2"))
        _ = shell.reviewKey("e")
        #expect(shell.reviewWalk?.question == .command)
        let edited = TextRenderer(color: false).render(shell.reviewAnswer("set verdict false").lines)
        #expect(edited.hasPrefix("c2  verdict set to false\n"))
        #expect(edited.contains("2 of 5  c2"), "the same annotation is shown again, changed")
        #expect(shell.workspace.session.claims["c2"]?.verdict == "false")
        _ = shell.reviewKey("c")
        #expect(TextRenderer(color: false).render(shell.reviewAnswer("ask Meridian").lines).hasPrefix("c2  comment recorded: ask Meridian\n"))
        #expect(shell.workspace.session.claims["c2"]?.review?.latest?.comment == "ask Meridian")
        #expect(shell.workspace.session.claims["c2"]?.reviewStatus == .open)
        #expect(TextRenderer(color: false).render(shell.reviewKey("n").lines).contains("3 of 5  m1"))
        #expect(shell.reviewKey("r").lines.isEmpty)
        #expect(shell.reviewWalk?.question == .reason)
        let rejected = TextRenderer(color: false).render(shell.reviewAnswer("wrong person").lines)
        #expect(rejected.hasPrefix("m1  rejected: wrong person\n"))
        #expect(rejected.contains("4 of 5  st1"))
        _ = shell.reviewKey("p")
        #expect(shell.reviewWalk?.current == "m1")
        #expect(shell.reviewKey("x").error?.message.hasPrefix("no key x in a review") == true)
        let left = TextRenderer(color: false).render(shell.reviewKey("q").lines)
        #expect(left == "Review left: 1 accepted, 1 rejected, 1 comment in this pass; 2 of 5 reviewed: 1 accepted, 1 rejected\n")
        #expect(shell.reviewWalk == nil)
        // Each decision was its own change: undo takes back the last, the rejection.
        _ = shell.execute("undo")
        #expect(shell.workspace.session.mentions["m1"]?.review == nil)
        #expect(shell.workspace.session.claims["c1"]?.reviewStatus == .accepted)
    }

    @Test func anEmptyAnswerCancelsAndTheWalkEndsAfterTheLast() {
        let fixture = fixture()
        let shell = interactive(fixture)
        _ = shell.execute("review --by Reyes")
        #expect(shell.reviewWalk?.ids == ["st1", "c3"])
        _ = shell.reviewKey("r")
        #expect(TextRenderer(color: false).render(shell.reviewAnswer("  ").lines) == "(nothing done)\n")
        #expect(shell.workspace.session.stances["st1"]?.review == nil)
        _ = shell.reviewKey("a")
        let end = TextRenderer(color: false).render(shell.reviewKey("a").lines)
        #expect(end.contains("Review left: 2 accepted, 0 rejected, 0 comments in this pass"))
        #expect(shell.reviewWalk == nil)
        #expect(TextRenderer(color: false).render(shell.execute("review --by Reyes").lines).hasPrefix("nothing to review"))
    }

    @Test func rebaseKeepsTheOldQuoteReopensAndListsTheChange() throws {
        let fixture = fixture()
        fixture.host.files["v2.txt"] = Data(ShellFixture.article.replacingOccurrences(of: "at 3 p.m. on Wednesday", with: "at 4 p.m. on Wednesday").utf8)
        fixture.run("accept c3")
        let output = fixture.run("rebase v2.txt")
        #expect(output.contains("  fuzzy c3: \"…t escalate,” he said at 3 p.m. on Wednesday.\" → \"…t escalate,” he said at 4 p.m. on Wednesday.\"\n"))
        #expect(output.contains("their text changed: they are open for review again"))
        let c3 = try #require(fixture.session.claims["c3"])
        #expect(c3.reviewStatus == .open)
        #expect(c3.review?.textChanges == [TextChange(old: "“We will not escalate,” he said at 3 p.m. on Wednesday.",
                                                      new: "“We will not escalate,” he said at 4 p.m. on Wednesday.",
                                                      how: "fuzzy", time: Timestamp(secondsSince1970: 1_790_000_000))])
        #expect(c3.review?.latest?.comment == "text changed (rebase)")
        let shown = fixture.run("show c3")
        #expect(shown.contains("  text was   \"“We will not escalate,” he said at 3 p.m. on Wednesday.\""))
        #expect(shown.contains("  now        \"“We will not escalate,” he said at 4 p.m. on Wednesday.\""))
        // Unchanged quotes are not reopened.
        #expect(fixture.session.claims["c1"]?.review == nil)

        // After a save and a restart, list --changed still finds it.
        fixture.run("save changed")
        let reopened = Shell(host: fixture.host, analyst: "tester", batch: true, clock: { Timestamp(secondsSince1970: 1_790_000_500) })
        _ = reopened.execute("open changed")
        let listed = TextRenderer(color: false).render(reopened.execute("list --changed").lines)
        #expect(listed.contains("c3 ") && listed.contains("[text changed]"))
        #expect(TextRenderer(color: false).render(reopened.execute("list --status changed").lines).contains("c3 "))
        _ = reopened.execute("accept c3")
        #expect(TextRenderer(color: false).render(reopened.execute("list --status changed").lines) == "no annotations match\n")
        #expect(TextRenderer(color: false).render(reopened.execute("list --changed").lines).contains("c3 "))
    }

    @Test func reattachRecordsTheTextItWasGiven() throws {
        let fixture = fixture()
        fixture.host.files["v2.txt"] = Data("Talks stall over harbor fees\n\nA different story entirely.\n".utf8)
        fixture.run("rebase v2.txt")
        fixture.run("reattach c1 s2")
        let c1 = try #require(fixture.session.claims["c1"])
        #expect(c1.review?.textChanges.last?.how == "reattached")
        #expect(c1.review?.textChanges.last?.new == "A different story entirely.")
        #expect(c1.reviewStatus == .open)
    }

    @Test func diffComparesWithASavedSession() {
        let fixture = fixture()
        fixture.run("save mine")
        fixture.run("set c2 kind opinion")
        fixture.run("claim \"Gen. Thomas E. Reyes disagreed.\" --by Reyes")
        let output = fixture.run("diff mine")
        #expect(output.hasPrefix("mine ↔ mine (saved): 1 only in mine, 0 only in mine (saved), 1 differ, 4 identical\n"))
        #expect(output.contains("      kind: opinion | factual\n"))
        #expect(fixture.fail("diff nothing-here") == "cannot read nothing-here: no session file sessions/nothing-here.json")
    }
}

@Suite struct DuplicateAndBratLoadingTests {
    @Test func aClaimOrMentionOnTheSameSpanWithTheSameSourcesIsRefusedWithTheExistingID() {
        let fixture = ShellFixture()
        fixture.run("claim s3 --by Courier --via Meridian Wire")
        #expect(fixture.fail("claim s3 --by Courier --via Meridian Wire")
                == "c1 already marks this span as a claim with the same source chain; change it with set c1 FIELD VALUE")
        // Another attribution of the same words is a different claim.
        fixture.run("claim s3 --by two officials")
        fixture.run("mention \"Helen R. Marsh\" Marsh")
        #expect(fixture.fail("mention \"Helen R. Marsh\" Marsh") == "m1 already marks this span as a mention of Marsh; show m1 shows it")
        #expect(fixture.session.claims.count == 2 && fixture.session.mentions.count == 1)
    }

    @Test func importBratLoadsTheFoldersTextWhenNoArticleIsLoaded() throws {
        let fixture = ShellFixture(loadArticle: false)
        fixture.host.folders.insert("corpus")
        fixture.host.files["corpus/story.txt"] = Data("The mayor said the bridge would reopen in May.\n".utf8)
        fixture.host.files["corpus/story.ann"] = Data("T1\tClaim 0 46\tThe mayor said the bridge would reopen in May\n".utf8)
        let output = fixture.run("import brat corpus")
        #expect(output.hasPrefix("Loaded "))
        #expect(output.contains("imported 1, could not anchor 0"))
        #expect(fixture.session.articles.count == 1)
        #expect(fixture.session.claims.values.first?.anchor.exact == "The mayor said the bridge would reopen in May")
    }
}
