import ClaimDeskCore
@testable import ClaimDeskShell
import Testing

/// `suggest walk`: the open suggestions one at a time, decided with single keys.
@Suite struct SuggestionWalkTests {
    func interactive() -> Shell {
        let fixture = ShellFixture(loadArticle: false)
        let shell = Shell(host: fixture.host, analyst: "ed", batch: false, clock: { Timestamp(secondsSince1970: 1_790_000_100) })
        _ = shell.execute("load story.txt")
        return shell
    }

    func text(_ result: ShellResult) -> String { TextRenderer(color: false).render(result.lines) }

    @Test func keysAcceptRejectSkipAndLeave() throws {
        let shell = interactive()
        let start = text(shell.execute("suggest walk"))
        #expect(start.hasPrefix("Walking 4 suggestions in reading order. a accept"), "\(start)")
        #expect(start.contains("1 of 4\n"))
        #expect(start.contains("g1   0.78  reported-speech  Senior U.S. officials"))
        #expect(shell.reviewWalk?.prompt == "[a]ccept [e]dit [r]eject [s]kip [p]revious [q]uit > ")
        let accepted = text(shell.reviewKey("a"))
        #expect(accepted.contains("c1 from g1  claim by Senior U.S. officials"), "\(accepted)")
        #expect(accepted.contains("2 of 4\n"))
        #expect(text(shell.reviewKey("s")).contains("3 of 4\n"))
        #expect(text(shell.reviewKey("r")).contains("g3  rejected: not a claim"))
        #expect(shell.reviewKey("x").error?.message.hasPrefix("no key x in a suggestion walk; a accept") == true)
        let left = text(shell.reviewKey("q"))
        #expect(left == "Suggestion walk left: 1 accepted, 1 rejected in this pass; suggest lists what is still open\n")
        #expect(shell.reviewWalk == nil)
        #expect(shell.workspace.session.claims.count == 1)
        #expect(shell.workspace.session.articles["a1"]?.dismissedSuggestions.count == 1)
        _ = shell.execute("undo")
        _ = shell.execute("undo")
        #expect(shell.workspace.session.claims.isEmpty, "each decision is one change")
    }

    @Test func theWalkEndsAfterTheLastAndSkipsWhatIsNoLongerOpen() {
        let shell = interactive()
        _ = shell.execute("suggest walk p3")
        #expect(shell.reviewWalk?.ids == ["g4"])
        let end = text(shell.reviewKey("a"))
        #expect(end.contains("Suggestion walk left: 1 accepted, 0 rejected"))
        #expect(shell.reviewWalk == nil)
    }

    @Test func editAcceptsThenRunsACommandOnTheNewClaim() throws {
        let shell = interactive()
        _ = shell.execute("suggest walk")
        let accepted = text(shell.reviewKey("e"))
        #expect(accepted.contains("c1 from g1  claim by Senior U.S. officials"))
        #expect(shell.reviewWalk?.question == .command)
        #expect(shell.reviewWalk?.prompt == "command for c1: ")
        let corrected = text(shell.reviewAnswer("set by U.S. officials"))
        #expect(corrected.contains("c1  by set to U.S. officials"), "\(corrected)")
        #expect(corrected.contains("2 of 4\n"), "then the walk goes on")
        let claimant = try #require(shell.workspace.session.claims["c1"]?.claimant)
        #expect(shell.workspace.session.sourceName(claimant) == "U.S. officials")
        _ = shell.reviewKey("e")
        #expect(text(shell.reviewAnswer("")).hasPrefix("(kept as accepted)\n3 of 4"))
        #expect(shell.workspace.session.claims.count == 2)
    }

    @Test func inAScriptTheWalkLists() {
        let fixture = ShellFixture()
        #expect(fixture.run("suggest walk") == fixture.run("suggest"))
        #expect(fixture.shell.reviewWalk == nil)
    }
}
