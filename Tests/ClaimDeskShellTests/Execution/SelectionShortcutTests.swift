import ClaimDeskCore
@testable import ClaimDeskShell
import Testing

/// Selections that need no retyping, used by commands: from-to quotes and find hits.
@Suite struct SelectionShortcutTests {
    @Test func findNumbersItsHitsAndAHitIsASelectionUntilTheNextFind() throws {
        let fixture = ShellFixture()
        let output = fixture.run("find said")
        #expect(output.hasPrefix("f1  s2    PORT AVERY (Meridian Wire) — Senior U.S. officials [said] on Tuesday"), "\(output)")
        #expect(output.contains("\nf2  s5    “We will not escalate,” he [said] at 3 p.m. on Wednesday.\n"), "\(output)")
        fixture.run("claim f2 --by Reyes")
        #expect(fixture.session.claims["c1"]?.anchor.exact == "said")
        fixture.run("claim f1++ --by officials")
        #expect(fixture.session.claims["c2"]?.anchor.exact == "PORT AVERY (Meridian Wire) — Senior U.S. officials said on Tuesday that talks had stalled.")
        fixture.run("find escalate")
        fixture.run("claim f1+ --by Gen. Thomas E. Reyes --cue s5:\"said\"")
        #expect(fixture.session.claims["c3"]?.anchor.exact == "We will not escalate", "f1 now names the new find's hit, grown to its clause")
        #expect(fixture.fail("mention f2 Reyes") == "no find hit f2; the last find had 1 hit (f1)")
        #expect(fixture.session.mentions.isEmpty)
    }

    @Test func everyCommandTakingASelectionTakesAHit() throws {
        let fixture = ShellFixture()
        fixture.run("find Reyes")
        fixture.run("mention f1 Gen. Thomas E. Reyes")
        #expect(fixture.session.mentions["m1"]?.anchor.exact == "Reyes")
        #expect(fixture.run("show f1") == "p3\n  s4  Gen. Thomas E. {[Reyes}m1] disagreed.\n")
        fixture.run("claim s5 --by Reyes --cue f1")
        #expect(fixture.session.claims["c1"]?.cue?.exact == "Reyes")
        fixture.run("find escalate")
        #expect(fixture.run("list --in f1").contains("c1 "), "list --in takes a hit too")
        #expect(fixture.run("list --in s2").hasPrefix("no "))
        fixture.run("find stalled")
        #expect(fixture.run("suggest f1++").hasPrefix("g1 "), "the suggestions of the hit's sentence")
    }

    @Test func fromToSelectsALongQuoteByItsEnds() throws {
        let fixture = ShellFixture()
        fixture.run("claim s3:\"Secretary Helen\"..\"answer\" --by two officials")
        #expect(fixture.session.claims["c1"]?.anchor.exact == "Secretary Helen R. Marsh wanted “a firm answer")
        fixture.run("claim \"Senior U.S.\"..\"stalled\" --by Meridian Wire")
        #expect(fixture.session.claims["c2"]?.anchor.exact == "Senior U.S. officials said on Tuesday that talks had stalled")
        #expect(fixture.fail("claim s3:\"answer\"..\"Secretary\" --by x") == "no \"Secretary\" after \"answer\" in s3; the last words must follow the first")
        #expect(fixture.session.claims.count == 2, "a failed command changes nothing")
    }

    @Test func noFindYetSaysHowToGetOne() {
        let fixture = ShellFixture()
        #expect(fixture.fail("claim f1 --by x") == "no find hit f1: nothing has been found yet; find WORDS numbers its hits f1, f2 …")
        #expect(fixture.session.sources.isEmpty)
    }

    @Test func aHitOfAnotherArticleIsRefused() {
        let fixture = ShellFixture()
        fixture.run("find Reyes")
        fixture.host.files["other.txt"] = "Other story\n\nReyes said nothing.".data(using: .utf8)!
        fixture.run("load other.txt")
        #expect(fixture.fail("claim f1 --by x") == "f1 is a hit of the last find, on a1, not the active article; find again here")
    }

    @Test func aHitOfTheTextBeforeARebaseIsRefused() {
        let fixture = ShellFixture()
        fixture.run("find Reyes")
        fixture.host.files["v2.txt"] = ShellFixture.article.replacingOccurrences(of: "Talks stall", with: "Harbor talks stall").data(using: .utf8)!
        fixture.run("rebase v2.txt")
        #expect(fixture.fail("claim f1 --by x") == "f1 is a hit of a find made before the article's text changed; find again")
        fixture.run("find Reyes")
        fixture.run("mention f1 Reyes")
        #expect(fixture.session.mentions["m1"]?.anchor.exact == "Reyes")
    }
}
