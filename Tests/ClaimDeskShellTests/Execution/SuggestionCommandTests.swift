import ClaimDeskCore
@testable import ClaimDeskShell
import Foundation
import Testing

/// `suggest`, and `accept`/`reject` with suggestion ids, over the fixture article.
@Suite struct SuggestionCommandTests {
    @Test func suggestListsNumberedSuggestionsWithConfidenceRuleAndChain() {
        let fixture = ShellFixture()
        let output = fixture.run("suggest")
        #expect(output.hasPrefix("g1   0.78  reported-speech  Senior U.S. officials: \"talks had stalled\"\n     cue: said  source: Senior U.S. officials\n"))
        #expect(output.contains("g2   0.78  chain  two officials via The Daily Courier: \"Secretary Helen R. Marsh wanted “a firm answer.”\"\n"))
        #expect(output.contains("g4   0.85  direct-quote  Gen. Thomas E. Reyes: \"We will not escalate\"\n     cue: said  source: he\n"))
        #expect(output.hasSuffix("4 suggestions; accept ID… (or accept all --min 0.8) makes claims, reject ID… marks them not a claim\n"))
        #expect(fixture.run("suggest p3").hasPrefix("g4 "), "a selection keeps the ids and lists what lies inside it")
    }

    @Test func acceptMakesClaimsSourcesAndMentionsAsOneUndoableChange() throws {
        let fixture = ShellFixture()
        let output = fixture.run("accept g2 g4")
        #expect(output.contains("new source src1 \"two officials\" (anonymous, guessed from the name); change it with set src1 kind K\n"))
        #expect(output.contains("new source src2 \"The Daily Courier\" (outlet, guessed from the name)"))
        #expect(output.contains("new source src3 \"Gen. Thomas E. Reyes\" (official, guessed from the name)"))
        let chain = try #require(fixture.session.claims["c1"])
        #expect(chain.anchor.exact == "Secretary Helen R. Marsh wanted “a firm answer.”")
        #expect(chain.claimant == "src1" && chain.via == ["src2"])
        #expect(chain.cue?.exact == "reported", "a cue in two parts keeps the verb")
        let quote = try #require(fixture.session.claims["c2"])
        #expect(quote.anchor.exact == "We will not escalate")
        #expect(quote.claimant == "src3")
        #expect(quote.cue?.exact == "said")
        #expect(fixture.session.mentions.values.map(\.anchor.exact).sorted() == ["The Daily Courier", "two officials"],
                "no mention for the pronoun \"he\"")
        #expect(!fixture.run("suggest").contains("g2 "), "an accepted suggestion is no longer offered")
        fixture.run("undo")
        #expect(fixture.session.claims.isEmpty && fixture.session.sources.isEmpty && fixture.session.mentions.isEmpty)
        #expect(fixture.run("suggest").contains("g2 "))
    }

    @Test func aQuoteSplitByItsCueIsAcceptedAsOneClaimInFragments() throws {
        let fixture = ShellFixture(loadArticle: false)
        fixture.host.files["split.txt"] = Data("Harbor talks\n\n“We will not escalate,” Gen. Thomas E. Reyes said on Wednesday, “whatever the Ledger writes.”\n".utf8)
        fixture.run("load split.txt")
        let output = fixture.run("accept all")
        let claim = try #require(fixture.session.claims["c1"])
        #expect(claim.fragments.map(\.exact) == ["We will not escalate", "whatever the Ledger writes."])
        #expect(claim.cue?.exact == "said")
        #expect(output.contains(" … "), "the answer shows both fragments: \(output)")
        #expect(!fixture.run("suggest").contains("g1 "), "a claim in fragments covers the split quote it came from")
    }

    @Test func acceptAllTakesThoseAboveTheMinimum() {
        let fixture = ShellFixture()
        fixture.run("accept all --min 0.8")
        #expect(fixture.session.claims.values.map(\.anchor.exact) == ["We will not escalate"])
        #expect(fixture.fail("accept all --min 0.99") == "no open suggestion has a confidence of 0.99 or more; suggest lists them")
        #expect(fixture.fail("accept all --min 2") == "--min takes a confidence from 0 to 1, for example accept all --min 0.8; not 2")
        #expect(fixture.fail("accept c1 --min 0.8") == "--min goes with suggestions: accept all --min 0.8")
    }

    @Test func rejectRecordsNotAClaimAndSurvivesSaveAndOpen() throws {
        let fixture = ShellFixture()
        #expect(fixture.run("reject g3") == "g3  rejected: not a claim; it will not be suggested again (undo brings it back)\n")
        #expect(!fixture.run("suggest").contains("g3 "))
        #expect(fixture.run("suggest").contains("g4 "), "the other ids stay as they were")
        #expect(fixture.fail("accept g3") == "g3 is already accepted, claimed or rejected; suggest lists the open ones")
        fixture.run("save rejections")
        let saved = try #require(fixture.host.memoryStore.snapshots.first { $0.key.hasSuffix("rejections.json") }?.value)
        let text = String(decoding: saved, as: UTF8.self)
        #expect(text.contains("\"dismissedSuggestions\": ["))
        #expect(text.contains("\"exact\": \"“a firm answer.”\""))
        let reopened = Shell(host: fixture.host, analyst: "tester", batch: true, clock: { Timestamp(secondsSince1970: 1_790_000_100) })
        fixture.run("quit")
        fixture.host.store.unlock(try #require(fixture.shell.sessionLocation))
        _ = reopened.execute("open rejections")
        let listed = TextRenderer(color: false).render(reopened.execute("suggest").lines)
        #expect(!listed.contains("g3 ") && listed.contains("g4 "))
        fixture.run("undo")
    }

    @Test func reviewDecisionsKeepTheirOwnBehaviour() {
        let fixture = ShellFixture()
        fixture.run("claim s2 --by Meridian Wire")
        #expect(fixture.fail("reject c1") == "say why with --reason TEXT, for example reject c4 --reason not a claim")
        #expect(fixture.run("accept c1").hasPrefix("c1  accepted"))
        #expect(fixture.fail("accept g1 c1") == "suggestion ids (g1) and annotation ids (c1) do not mix; accept them in two commands")
    }

    @Test func unknownSuggestionsAndArticlesAreClearErrors() {
        let fixture = ShellFixture()
        #expect(fixture.fail("accept g99") == "no suggestion g99 on a1; suggest lists them")
        #expect(fixture.fail("reject all") == "reject names suggestions one by one (reject g2 g5); all is only for accept")
        let empty = ShellFixture(loadArticle: false)
        #expect(empty.fail("suggest") == "no article loaded; load one with load PATH")
    }

    @Test func sessionsWithoutRejectionsKeepTheirBytes() throws {
        let fixture = ShellFixture()
        fixture.run("save plain")
        let saved = try #require(fixture.host.memoryStore.snapshots.first { $0.key.hasSuffix("plain.json") }?.value)
        #expect(!String(decoding: saved, as: UTF8.self).contains("dismissedSuggestions"))
    }
}

/// Tab offers the open suggestion ids where `accept` and `reject` take ids.
@Suite struct SuggestionCompletionTests {
    func candidates(_ fixture: ShellFixture, _ line: String) -> [String] {
        fixture.shell.complete(line: line, cursor: line.count).candidates
    }

    @Test func acceptAndRejectCompleteOpenSuggestionIDs() {
        let fixture = ShellFixture()
        #expect(candidates(fixture, "accept g") == ["g1", "g2", "g3", "g4"])
        #expect(candidates(fixture, "accept a").contains("all"))
        fixture.run("reject g3")
        #expect(candidates(fixture, "reject g") == ["g1", "g2", "g4"])
        #expect(!candidates(fixture, "claim s1 --by ").contains("g1"), "only accept and reject take suggestion ids")
    }
}
