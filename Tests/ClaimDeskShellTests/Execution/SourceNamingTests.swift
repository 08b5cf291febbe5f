import ClaimDeskCore
@testable import ClaimDeskShell
import Foundation
import Testing

/// Source names typed with straight quotes, the article's outlet as the last link, and the
/// registry file shared between sessions.
@Suite struct SourceNamingTests {
    func fixture() -> ShellFixture {
        let fixture = ShellFixture(loadArticle: false)
        fixture.host.files["obrien.txt"] = Data("O’Brien talks\n\nRobert C. O’Brien said the talks had stalled. Jo O'Neil agreed.".utf8)
        fixture.run("load obrien.txt")
        return fixture
    }

    @Test func aNewSourceTypedWithAStraightApostropheTakesTheArticlesForm() throws {
        let fixture = fixture()
        let output = fixture.run("claim s2 --by Robert C. O'Brien")
        #expect(output.contains("new source src1 \"Robert C. O’Brien\""), "\(output)")
        #expect(fixture.session.sources["src1"]?.name == "Robert C. O’Brien")
        fixture.run("claim s3 --by Robert C. O'Brien")
        #expect(fixture.session.claims["c2"]?.claimant == "src1", "the straight form finds the source again")
        fixture.run("source add Jo O'Neil")
        #expect(fixture.session.sources["src2"]?.name == "Jo O'Neil", "the text has it straight: kept as typed")
        fixture.run("source add D'Arcy")
        #expect(fixture.session.sources["src3"]?.name == "D'Arcy", "not in the text: kept as typed")
    }

    @Test func theArticlesOutletEndsNewClaimsChainsUnlessViaNone() throws {
        let fixture = ShellFixture()
        fixture.run("set a1 outlet Meridian Wire")
        let output = fixture.run("claim s2 --by Senior U.S. officials")
        #expect(output.contains("c1  claim by Senior U.S. officials via Meridian Wire:"), "\(output)")
        #expect(output.contains("via Meridian Wire, the article's outlet, as the last link (--via none leaves it off)"))
        fixture.run("claim s3 --by two officials --via The Daily Courier")
        let chain = try #require(fixture.session.claims["c2"]).via.map { fixture.session.sourceName($0) }
        #expect(chain == ["The Daily Courier", "Meridian Wire"])
        fixture.run("claim s4 --by Reyes --via none")
        #expect(fixture.session.claims["c3"]?.via == [])
        fixture.run("claim s5 --by Meridian Wire")
        #expect(fixture.session.claims["c4"]?.via == [], "the outlet is not its own relay")
        #expect(fixture.fail("claim s1 --by x --via none --via Reuters") == "--via none means no relays at all; give it alone, without other --via")
        #expect(fixture.run("status").contains("outlet    Meridian Wire (src1)  last link of new claims' chains; --via none leaves it off"))
        fixture.run("set a1 outlet none")
        fixture.run("claim s1 --by Reyes")
        #expect(fixture.session.claims["c5"]?.via == [])
    }

    @Test func acceptedSuggestionsEndWithTheOutletToo() throws {
        let fixture = ShellFixture()
        fixture.run("set a1 outlet Meridian Wire")
        fixture.run("accept g2")
        let names = try #require(fixture.session.claims["c1"]).via.map { fixture.session.sourceName($0) }
        #expect(names == ["The Daily Courier", "Meridian Wire"])
    }

    @Test func exportingOneSourceSpeaksOfIt() {
        let fixture = ShellFixture()
        fixture.run("source add The Daily Courier --kind outlet")
        #expect(fixture.run("sources export desk.json") == "Wrote 1 source to desk.json; sources import desk.json adds it to another session\n")
    }

    @Test func sourcesExportAndImportShareARegistryBetweenSessions() throws {
        let fixture = ShellFixture()
        fixture.run("source add Secretary Helen R. Marsh --kind official --alias Marsh --role Secretary of State")
        fixture.run("source add The Daily Courier --kind outlet --alias Courier")
        #expect(fixture.run("sources export desk.json") == "Wrote 2 sources to desk.json; sources import desk.json adds them to another session\n")
        let written = try #require(fixture.host.files["desk.json"])
        #expect(try SourceRegistryFile.decode(written).entries.map(\.name) == ["Secretary Helen R. Marsh", "The Daily Courier"])

        let other = ShellFixture()
        other.host.files["desk.json"] = written
        other.run("source add Courier")
        let output = other.run("sources import desk.json")
        #expect(output.hasPrefix("Imported desk.json: 1 new source, 1 known source updated (undo takes it back)\n"), "\(output)")
        #expect(other.session.sources["src1"]?.kind == "outlet" && other.session.sources["src1"]?.aliases == ["The Daily Courier"])
        #expect(other.session.sources["src2"]?.name == "Secretary Helen R. Marsh")
        #expect(other.run("sources import desk.json").hasPrefix("nothing to import"))
        // Suggestions recognise an imported alias and give the registry's name.
        #expect(other.run("suggest").contains("two officials via Courier: "))
        other.run("undo")
        #expect(other.session.sources.count == 1 && other.session.sources["src1"]?.aliases == [])
    }

    @Test func badRegistryFilesAreRefusedWithTheReason() {
        let fixture = ShellFixture()
        fixture.host.files["bad.json"] = Data("{\"format\": \"claimdesk.session\", \"version\": 1}".utf8)
        #expect(fixture.fail("sources import bad.json") == "bad.json: not a ClaimDesk source registry: its \"format\" is \"claimdesk.session\", not \"claimdesk.sources\"")
        #expect(fixture.fail("sources import missing.json").hasPrefix("cannot read missing.json: "))
        #expect(fixture.fail("sources export empty.json") == "the registry is empty: no sources to export; add them with source add NAME")
    }
}
