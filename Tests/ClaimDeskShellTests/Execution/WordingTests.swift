import ClaimDeskCore
@testable import ClaimDeskShell
import Foundation
import Testing

/// Messages in plain English: counts, articles, names of sources as the session knows them.
@Suite struct WordingTests {
    @Test(arguments: [("article", "an article"), ("claim", "a claim"), ("evidence", "an evidence"), ("source kind", "a source kind"),
                      ("", "a ")])
    func indefiniteArticle(word: String, expected: String) {
        #expect(IndefiniteArticle.before(word) == expected)
    }

    @Test func anIdOfTheWrongKindIsNamedWithTheRightArticle() {
        let fixture = ShellFixture()
        fixture.run("claim s3 --by Courier")
        #expect(fixture.fail("accept a1") == "a1 is an article; this takes claim, mention, stance, relation")
    }

    @Test func saveAndOpenCountSourcesApartFromAnnotations() {
        let fixture = ShellFixture()
        fixture.run("claim s3 --by two officials --via The Daily Courier")
        fixture.run("mention s4 Courier")
        #expect(fixture.run("save harbor") == "Saved sessions/harbor.json (1 article, 2 sources, 2 annotations)\n")
        fixture.shell.close()
        let second = Shell(host: fixture.host, analyst: "reviewer", batch: true, clock: { Timestamp(secondsSince1970: 1_790_000_500) })
        #expect(second.execute("open harbor").lines.first?.description == "Opened sessions/harbor.json: 1 article, 2 sources, 2 annotations")
    }

    @Test func oneOfEachIsSingular() {
        let fixture = ShellFixture()
        fixture.run("claim s3 --by Courier")
        #expect(fixture.run("save harbor") == "Saved sessions/harbor.json (1 article, 1 source, 1 annotation)\n")
    }

    @Test func reportsCountWithoutParentheticalPlurals() {
        let fixture = ShellFixture()
        fixture.run("claim s3 --by Courier")
        #expect(fixture.session.contentsInFull == "1 article, 1 source, 1 claim, 0 mentions, 0 propositions, 0 stances, 0 relations")
        let html = String(decoding: (try? HTMLExporter().export(fixture.session))?.data ?? Data(), as: UTF8.self)
        #expect(html.contains("<p class=\"meta\">1 article, 1 source, 1 claim, 0 mentions,"))
        #expect(!html.contains("(s)"))
    }

    @Test func aClaimantCannotRelayItsOwnClaim() {
        let fixture = ShellFixture()
        fixture.run("source add Helen R. Marsh --kind official --alias Marsh")
        #expect(fixture.fail("claim s3 --by Marsh --via \"Helen R. Marsh\"")
                == "\"Helen R. Marsh\" is the claimant, so it cannot also relay the claim; drop it from --via or give another --by")
        #expect(fixture.fail("claim s3 --by Newcomer --via Newcomer")
                == "\"Newcomer\" is the claimant, so it cannot also relay the claim; drop it from --via or give another --by")
        #expect(fixture.session.claims.isEmpty)
        #expect(fixture.session.sources.count == 1)
        fixture.run("claim s3 --by Marsh --via Courier")
        #expect(fixture.fail("set c1 via Courier, Marsh")
                == "\"Helen R. Marsh\" is the claimant, so it cannot also relay the claim; set c1 via NAME,… with other relays, or set c1 by NAME")
        #expect(fixture.fail("set c1 by Courier")
                == "\"Courier\" is the claimant, so it cannot also relay the claim; set c1 via NAME,… with other relays, or set c1 by NAME")
        #expect(fixture.session.claims["c1"]?.via == ["src2"])
    }

    @Test func setNamesTheResolvedSourceNotTheAliasTyped() {
        let fixture = ShellFixture()
        fixture.run("source add Helen R. Marsh --kind official --alias Marsh")
        fixture.run("source add The Daily Courier --kind outlet --alias Courier")
        fixture.run("claim s3 --by two officials")
        #expect(fixture.run("set c1 by marsh") == "c1  by set to Helen R. Marsh\n")
        #expect(fixture.run("set c1 via courier, src2") == "c1  via set to The Daily Courier → The Daily Courier\n")
        #expect(fixture.run("set c1 via none") == "c1  via set to none\n")
        #expect(fixture.run("set c1 by Marsh") == "c1 by is already Helen R. Marsh\n")
    }
}
