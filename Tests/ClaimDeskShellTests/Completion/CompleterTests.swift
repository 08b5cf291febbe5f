import ClaimDeskCore
@testable import ClaimDeskShell
import Foundation
import Testing

@Suite struct CompleterTests {
    func fixture() -> ShellFixture {
        let fixture = ShellFixture()
        fixture.host.files["docs/examples/harbor-talks.txt"] = Data("x".utf8)
        fixture.host.files["docs/examples/taxonomy.json"] = Data("{}".utf8)
        fixture.host.files["docs/commands.md"] = Data("x".utf8)
        fixture.run("source add The Daily Courier --kind outlet --alias Courier")
        fixture.run("source add Helen R. Marsh --kind official --alias Marsh")
        fixture.run("claim s3 --by Courier --tag fees")
        fixture.run("proposition add Fees should be cut")
        return fixture
    }

    func complete(_ fixture: ShellFixture, _ line: String) -> [String] {
        fixture.shell.complete(line: line, cursor: line.count).candidates
    }

    @Test func commandNamesAndSecondWords() {
        let fixture = fixture()
        #expect(complete(fixture, "cl") == ["claim"])
        #expect(complete(fixture, "s").contains("sources"))
        #expect(complete(fixture, "source ") == ["add"])
        #expect(complete(fixture, "taxonomy ") == ["load"])
    }

    @Test func flagsNotYetGiven() {
        let fixture = fixture()
        #expect(complete(fixture, "claim s3 --v") == ["--verdict", "--via"])
        #expect(complete(fixture, "claim s3 --by X --b") == [])
        #expect(complete(fixture, "claim s3 --via X --vi") == ["--via"])
    }

    @Test func sourceNamesAndAliasesQuotedWhenTheyHaveSpaces() {
        let fixture = fixture()
        #expect(complete(fixture, "claim s3 --by Ma") == ["Marsh"])
        #expect(complete(fixture, "claim s3 --by \"The D") == ["\"The Daily Courier\""])
        #expect(complete(fixture, "mention s3 He") == ["\"Helen R. Marsh\""])
        #expect(complete(fixture, "stance ") == ["Courier", "Marsh", "\"Helen R. Marsh\"", "\"The Daily Courier\""].sorted())
    }

    @Test func aMultiWordSourceNameCompletesFromAnUnquotedPrefix() {
        let fixture = fixture()
        fixture.run("source add The New York Times --kind outlet")
        fixture.run("source add The New Yorker --kind outlet")
        let line = "claim s3 --by The New York T"
        let completion = fixture.shell.complete(line: line, cursor: line.count)
        #expect(completion.candidates == ["\"The New York Times\""])
        #expect(completion.start == 14 && completion.word == "The New York T", "the words typed so far are replaced")
        #expect(complete(fixture, "claim s3 --by The N") == ["\"The New York Times\"", "\"The New Yorker\""])
        #expect(complete(fixture, "claim s3 --via The Daily ") == ["\"The Daily Courier\""])
        #expect(complete(fixture, "mention s3 Helen R") == ["\"Helen R. Marsh\""])
        #expect(complete(fixture, "claim s3 --by The X") == [])
    }

    @Test func findHitsAreOfferedWhereASelectionGoes() {
        let fixture = fixture()
        fixture.run("find the")
        #expect(complete(fixture, "claim f").first == "f1")
        #expect(complete(fixture, "claim s3 --cue f") .contains("f1"))
    }

    @Test func labelsIdsTagsAndFields() {
        let fixture = fixture()
        #expect(complete(fixture, "claim s3 --verdict mostly") == ["mostly-false", "mostly-true"])
        #expect(complete(fixture, "stance Marsh fa") == ["favor"])
        #expect(complete(fixture, "stance Marsh favor p") == ["pr1"])
        #expect(complete(fixture, "tag c") == ["c1"])
        #expect(complete(fixture, "list claims --tag f") == ["fees"])
        #expect(complete(fixture, "set c1 ver") == ["verdict"])
        #expect(complete(fixture, "set c1 cu") == ["cue"])
        #expect(complete(fixture, "claim s3 --cu") == ["--cue"])
        #expect(complete(fixture, "set session org") == ["organization", "organization-url"])
        #expect(complete(fixture, "link c1 su") == ["supports"])
        #expect(complete(fixture, "use ") == ["1", "a1"])
    }

    @Test func pathsAfterLoadAndSessionNamesAfterOpen() {
        let fixture = fixture()
        #expect(complete(fixture, "load do") == ["docs/"])
        #expect(complete(fixture, "load docs/ex") == ["docs/examples/"])
        #expect(complete(fixture, "load docs/examples/h") == ["docs/examples/harbor-talks.txt"])
        #expect(complete(fixture, "taxonomy load docs/examples/t") == ["docs/examples/taxonomy.json"])
        fixture.run("save harbor")
        #expect(complete(fixture, "open ha") == ["harbor"])
    }

    @Test func openCompletesTheJournalFlagAndAPathAfterIt() {
        let fixture = fixture()
        fixture.host.files["sessions/harbor.journal.unmatched-1796584844"] = Data("x".utf8)
        #expect(complete(fixture, "open --j") == ["--journal"])
        #expect(complete(fixture, "open --journal sessions/harbor.j") == ["sessions/harbor.journal.unmatched-1796584844"])
    }

    @Test func theCommonPrefixIsWhatAFirstTabInserts() {
        let completion = Completion(start: 0, word: "mo", candidates: ["mostly-false", "mostly-true"])
        #expect(completion.commonPrefix == "mostly-")
        #expect(Completion.needsSpace(after: "docs/") == false)
        #expect(Completion.needsSpace(after: "claim") == true)
    }
}
