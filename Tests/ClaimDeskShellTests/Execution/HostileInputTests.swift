import ClaimDeskCore
@testable import ClaimDeskShell
import Foundation
import Testing

/// Inputs that once crashed the shell: each must now be a one-line error or plain success.
@Suite struct HostileInputTests {
    @Test(arguments: ["x", "y", "é", "a/", ".", "~"])
    func exportsToAOneCharacterPath(path: String) throws {
        let fixture = ShellFixture()
        fixture.run("claim s2 --by Senior U.S. officials")
        let output = fixture.run("export csv \(path)")
        #expect(output.hasPrefix("Exported 2 annotations as CSV to "))
    }

    @Test func exportsIntoAFolderWithAOneCharacterName() throws {
        let fixture = ShellFixture()
        fixture.host.folders.insert("d")
        #expect(fixture.run("export csv d") == "Exported 0 annotations as CSV to d/untitled.csv\n")
        #expect(fixture.host.files["d/untitled.csv"] != nil)
    }

    @Test func loadsAndRebasesFromPathsFoundationCannotSplit() throws {
        let fixture = ShellFixture()
        fixture.host.files["//é"] = Data("A short text. Another sentence.".utf8)
        #expect(fixture.run("load //é").hasPrefix("Loaded "))
        #expect(fixture.session.articles["a2"]?.origin == "é")
    }

    @Test(arguments: ["show s9223372036854775807-x", "show p9223372036854775807-", "claim s9223372036854775807-s",
                      "show @0-99999999999999999999", "show \"plan\"#9223372036854775807", "mention s1-s9223372036854775807 X"])
    func refusesNumbersTooLargeForArithmetic(line: String) {
        let fixture = ShellFixture()
        let message = fixture.fail(line)
        #expect(message.contains("is too large; numbers go up to 999999999"))
    }

    /// A session document edited by hand, opened through the store.
    func open(_ edit: (inout [String: Any]) -> Void) throws -> (ShellFixture, String) {
        let fixture = ShellFixture()
        fixture.run("source add Officials --kind official")
        fixture.run("save harbor")
        let store = fixture.host.memoryStore
        let saved = try #require(store.snapshots["sessions/harbor.json"])
        var document = try #require(try JSONSerialization.jsonObject(with: saved) as? [String: Any])
        edit(&document)
        store.snapshots["sessions/harbor.json"] = try JSONSerialization.data(withJSONObject: document)
        let other = ShellFixture(loadArticle: false)
        other.host.memoryStore.snapshots = store.snapshots
        let result = other.shell.execute("open harbor")
        return (other, result.error?.message ?? TextRenderer(color: false).render(result.lines))
    }

    @Test func aSessionWithEmptyLabelSetsOpensRepairedAndAddsSources() throws {
        let (fixture, output) = try open { document in
            document["taxonomy"] = ["sourceKinds": [String](), "claimKinds": [String](), "verdicts": [String](),
                                    "stanceLabels": [String](), "relationTypes": [String]()]
        }
        #expect(output.contains("repaired taxonomy.sourceKinds was empty; it now holds the default source kinds\n"))
        #expect(fixture.run("source add Q") == "Added source src2 \"Q\" (other)\n")
    }

    @Test func aSessionWithACounterAtIntMaxIsRefused() throws {
        let (fixture, output) = try open { document in document["counters"] = ["src": Int.max] }
        #expect(output.contains("a counter must be between 0 and 999999999999999, not 9223372036854775807"))
        #expect(fixture.session.sources.isEmpty)
    }

    @Test func aSessionWhoseIdsAreUsedUpRefusesNewOnesWithoutCrashing() throws {
        let (fixture, _) = try open { document in document["counters"] = ["src": AnnotationID.maximumNumber] }
        #expect(fixture.fail("source add Q")
                == "this session has used up its ids for sources (src1000000000000000 is past 999999999999999); copy the work into a new session")
        #expect(fixture.session.sources.count == 1)
    }

    @Test func aSessionWithADanglingReferenceIsRefusedWithItsPath() throws {
        let (fixture, output) = try open { document in
            var sources = document["sources"] as? [[String: Any]] ?? []
            sources[0]["kind"] = "blog"
            document["sources"] = sources
        }
        #expect(output.hasPrefix("cannot open sessions/harbor.json: at sources[0].kind: \"blog\" is not a source kind"))
        #expect(output.hasSuffix("; the file was left untouched"))
        #expect(fixture.session.sources.isEmpty)
        #expect(fixture.session.articles.isEmpty)
    }

    @Test func namesAndNotesWithNewlinesNeverStartAFakeOutputLine() throws {
        let (fixture, _) = try open { document in
            var sources = document["sources"] as? [[String: Any]] ?? []
            sources[0]["name"] = "Officials\nSaved sessions/harbor.json (1 article, 9 annotations)"
            sources[0]["notes"] = [["id": "n1", "text": "fine\nerror: fake", "author": "a", "created": "2026-09-21T14:13:20Z"]]
            document["sources"] = sources
        }
        let shown = TextRenderer(color: false).render(fixture.shell.execute("show src1").lines)
        #expect(shown.contains("Officials\\nSaved sessions/harbor.json (1 article, 9 annotations)"))
        #expect(shown.contains("fine\\nerror: fake"))
        #expect(!shown.split(separator: "\n").contains { $0.hasPrefix("Saved") || $0.hasPrefix("error:") })
    }

    @Test(arguments: [
        ("base-url", "javascript:alert(1)//", "its scheme is javascript; only http and https addresses are allowed"),
        ("organization-url", "data:text/html,<b>x</b>", "its scheme is data; only http and https addresses are allowed"),
        ("base-url", "desk.example/annotations", "it has no scheme; only http and https addresses are allowed"),
        ("base-url", "file:///etc/passwd", "its scheme is file; only http and https addresses are allowed"),
        ("organization-url", "https://", "it names no host after https://"),
        ("base-url", "https://desk.example/a b", "it contains a space, which an address may not"),
    ])
    func refusesSettingsAddressesThatAreNotHTTP(name: String, value: String, problem: String) {
        let fixture = ShellFixture()
        #expect(fixture.fail("set session \(name) \(value)")
                == "\(name) must be an http or https address such as https://desk.example/, and \"\(value)\" is not: \(problem)")
        #expect(fixture.session.settings == SessionSettings())
    }

    @Test func takesHTTPAndHTTPSAddressesAndNone() {
        let fixture = ShellFixture()
        #expect(fixture.run("set session base-url HTTPS://Desk.example/annotations/") == "session base-url set to HTTPS://Desk.example/annotations/\n")
        #expect(fixture.run("set session organization-url http://desk.example") == "session organization-url set to http://desk.example\n")
        #expect(fixture.run("set session base-url none") == "session base-url set to none\n")
    }

    @Test func aSessionFileWithAJavascriptAddressIsRefusedOnOpen() throws {
        let (_, output) = try open { document in document["settings"] = ["organizationURL": "javascript:alert(1)"] }
        #expect(output == "cannot open sessions/harbor.json: at settings.organizationURL: \"javascript:alert(1)\" is not an http or https address: its scheme is javascript; only http and https addresses are allowed; the file was left untouched")
    }

    /// An article edited by hand is re-anchored on open, so its anchors are not checked against the
    /// text; read-only, it is not re-anchored either, and anchors far past its end must still be safe.
    @Test func anchorsPastTheEndOfAHandEditedArticleOpenedReadOnlyAreSafe() throws {
        let fixture = ShellFixture()
        fixture.run("claim s2 --by Senior U.S. officials")
        fixture.run("save harbor")
        let store = fixture.host.memoryStore
        let saved = try #require(store.snapshots["sessions/harbor.json"])
        var document = try #require(try JSONSerialization.jsonObject(with: saved) as? [String: Any])
        var articles = document["articles"] as? [[String: Any]] ?? []
        articles[0]["text"] = "Talks stall.\n\nA much shorter text now."
        document["articles"] = articles
        var claims = document["claims"] as? [[String: Any]] ?? []
        var anchor = claims[0]["anchor"] as? [String: Any] ?? [:]
        anchor["start"] = Int.max - 1
        anchor["end"] = Int.max
        claims[0]["anchor"] = anchor
        document["claims"] = claims
        let other = ShellFixture(loadArticle: false)
        other.host.memoryStore.snapshots["sessions/harbor.json"] = try JSONSerialization.data(withJSONObject: document)
        other.host.memoryStore.lockHolders["sessions/harbor.json"] = "another process"
        let opened = other.run("open harbor")
        #expect(opened.contains("(read-only)"))
        #expect(opened.contains("text was edited outside ClaimDesk"))
        for line in ["show", "show c1", "list", "list --orphaned", "export csv x", "export html h", "export w3c w", "export markdown m",
                     "export brat b", "export claimreview r", "find talks", "status"] {
            let result = other.shell.execute(line)
            if let error = result.error { #expect(!error.message.contains("\n"), "\(line): \(error.message)") }
        }
    }

    /// The journal is replayed over the checked snapshot, and a tampered change (a claim naming a
    /// missing source, with a span far past the text) is not applied: opening checks the replay
    /// as it checks the file. Later commands do not crash either.
    @Test func aTamperedJournalChangeDoesNotCrashLaterCommands() throws {
        let fixture = ShellFixture()
        fixture.run("save harbor")
        fixture.run("claim s2 --by Senior U.S. officials")
        let store = fixture.host.memoryStore
        var lines = try #require(store.journals["sessions/harbor.json"])
        // Edited as text: the journal's keys keep their order (a record's type before its value).
        var text = String(decoding: try #require(lines.last), as: UTF8.self)
        for (pattern, replacement) in [("\"claimant\": *\"src1\"", "\"claimant\":\"src99\""), ("\"via\": *\\[\\]", "\"via\":[\"c1\",\"x\"]"),
                                       ("\"article\": *\"a1\"", "\"article\":\"a7\""), ("\"start\": *[0-9]+", "\"start\":9223372036854775806"),
                                       ("\"end\": *[0-9]+", "\"end\":9223372036854775807")] {
            text = text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        lines[lines.count - 1] = Data(text.utf8)
        let other = ShellFixture(loadArticle: false)
        other.host.memoryStore.snapshots = store.snapshots
        other.host.memoryStore.journals["sessions/harbor.json"] = lines
        let opened = other.shell.execute("open harbor")
        #expect(other.session.claims["c1"] == nil, "\(opened.error?.message ?? "") \(opened.lines.map(\.description))")
        #expect(opened.lines.contains { $0.description.contains("would leave the session inconsistent") })
        for line in ["show", "show c1", "list", "sources", "status", "export csv x", "export html h", "export w3c w", "export brat b",
                     "export markdown m", "export claimreview r", "set c1 verdict false", "rm src1", "rm c1", "undo", "save copy"] {
            let result = other.shell.execute(line)
            if let error = result.error { #expect(!error.message.contains("\n"), "\(line): \(error.message)") }
        }
    }

    /// Opening refuses two stances of one holder on one target, so `set` must not make them.
    @Test func setCannotMakeASecondStanceOfAHolderOnATarget() {
        let fixture = ShellFixture()
        fixture.run("source add Gen. Thomas E. Reyes --kind official --alias Reyes")
        fixture.run("source add Helen R. Marsh --kind official --alias Marsh")
        fixture.run("proposition add Fees should be cut")
        fixture.run("proposition add Talks should go on")
        fixture.run("stance Reyes favor pr1")
        fixture.run("stance Marsh against pr1")
        fixture.run("stance Reyes against pr2")
        #expect(fixture.fail("set st2 holder Reyes")
                == "Gen. Thomas E. Reyes already has a stance on pr1 (st1, favor); change or remove that one instead")
        #expect(fixture.fail("set st3 target pr1")
                == "Gen. Thomas E. Reyes already has a stance on pr1 (st1, favor); change or remove that one instead")
        fixture.run("set st3 label neutral")
        fixture.run("save harbor")
        let other = ShellFixture(loadArticle: false)
        other.host.memoryStore.snapshots = fixture.host.memoryStore.snapshots
        other.run("open harbor")
    }
}
