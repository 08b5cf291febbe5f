import Foundation
import Testing

/// The batch shell as scripts use it: no prompt, errors with places, exit status, sessions across processes.
@Suite struct BatchModeTests {
    let environment = Transcript.environment

    @Test func commandsOnStandardInputHaveNoPromptAndNameStdinInErrors() throws {
        let folder = try Transcript.workspace()
        let result = try ClaimDeskProcess.run([], stdin: "load harbor-talks.txt\nshow s99\nshow s1\n", in: folder, environment: environment)
        #expect(result.stdout == """
            Loaded "Officials split over response to tanker seizure in the Strait of Calder": 8 paragraphs, 16 sentences, 1646 characters
            p1
              s1  Officials split over response to tanker seizure in the Strait of Calder

            """)
        #expect(result.stderr == "<stdin>:2: error: s99 is out of range: the article has 16 sentences (s1-s16)\n")
        #expect(result.status == 1)
    }

    @Test func dashCRunsSeveralCommandsSeparatedBySemicolons() throws {
        let folder = try Transcript.workspace()
        let result = try ClaimDeskProcess.run(["-c", "load harbor-talks.txt; find Tidewatch"], in: folder, environment: environment)
        #expect(result.status == 0)
        #expect(result.stdout.hasSuffix("1 match in 1 sentence\n"))
        #expect(result.stderr.isEmpty)
    }

    @Test func bailStopsAtTheFirstError() throws {
        let folder = try Transcript.workspace()
        let script = "load harbor-talks.txt\nclam s1\nshow s1\n"
        let going = try ClaimDeskProcess.run([], stdin: script, in: folder, environment: environment)
        #expect(going.stdout.contains("s1  Officials split"))
        let bailing = try ClaimDeskProcess.run(["--bail"], stdin: script, in: folder, environment: environment)
        #expect(!bailing.stdout.contains("s1  Officials split"))
        #expect(bailing.stderr == "<stdin>:2: error: unknown command clam; did you mean claim? (help lists every command)\n")
        #expect(bailing.status == 1)
    }

    @Test func loadDashReadsAnArticleFromAPipeWhenTheCommandsComeFromDashC() throws {
        let folder = try Transcript.workspace()
        let result = try ClaimDeskProcess.run(["-c", "load -; show s2"], stdin: "Piped headline\n\nFirst line. Second line.",
                                              in: folder, environment: environment)
        #expect(result.stdout == "Loaded \"Piped headline\": 2 paragraphs, 3 sentences, 40 characters\np2\n  s2  First line.\n")
        let refused = try ClaimDeskProcess.run([], stdin: "load -\n", in: folder, environment: environment)
        #expect(refused.stderr.hasPrefix("<stdin>:1: error: cannot load -: standard input carries the commands"))
    }

    @Test func aMissingStartFileIsAnErrorAndTheExitStatusSaysSo() throws {
        let folder = try Transcript.workspace()
        let result = try ClaimDeskProcess.run(["nowhere.txt", "-c", "articles"], in: folder, environment: environment)
        #expect(result.stderr == "claimdesk: error: cannot load nowhere.txt: no such file; check the path (Tab completes it)\n")
        #expect(result.status == 1)
    }

    @Test func aFileOverTheSizeLimitIsRefusedBeforeItIsRead() throws {
        let folder = try Transcript.workspace()
        let big = folder.appendingPathComponent("huge.txt")
        FileManager.default.createFile(atPath: big.path, contents: nil)
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: 64 * 1024 * 1024 + 1)
        try handle.close()
        let result = try ClaimDeskProcess.run(["-c", "load huge.txt"], in: folder, environment: environment)
        #expect(result.stderr == "<command>:1: error: cannot load huge.txt: the file is 67,108,865 bytes (64.0 MB), over the 64 MB limit (67,108,864 bytes) for an article; split it\n")
    }

    @Test func aSavedSessionReopensInANewProcessWithTheSameList() throws {
        let folder = try Transcript.workspace()
        let annotate = Transcript(name: "annotate-harbor")
        let first = try ClaimDeskProcess.run(["harbor-talks.txt", "--script", annotate.script.path], in: folder, environment: environment)
        #expect(first.status == 0)
        let listBefore = try #require(first.stdout.components(separatedBy: "claims (7)\n").last?
            .components(separatedBy: "Saved sessions/harbor.json").first)
        let second = try ClaimDeskProcess.run(["harbor", "-c", "list"], in: folder, environment: environment)
        #expect(second.stderr.isEmpty)
        #expect(second.stdout == "Opened sessions/harbor.json: 1 article, 9 sources, 20 annotations\nclaims (7)\n" + listBefore)
        let direct = try ClaimDeskProcess.run(["sessions/harbor.json", "-c", "show c1"], in: folder, environment: environment)
        #expect(direct.stdout.contains("  via        The Daily Courier (src1, outlet) → The Gulf Ledger (src2, outlet)"))
    }

    @Test func savingTwiceWithoutChangesGivesIdenticalBytes() throws {
        let folder = try Transcript.workspace()
        _ = try ClaimDeskProcess.run(["harbor-talks.txt", "-c", "claim s3 --by Courier; save harbor"], in: folder, environment: environment)
        let file = folder.appendingPathComponent("sessions/harbor.json")
        let first = try Data(contentsOf: file)
        _ = try ClaimDeskProcess.run(["harbor", "-c", "save"], in: folder, environment: ["CLAIMDESK_NOW": "1800000000", "CLAIMDESK_ANALYST": "other"])
        #expect(try Data(contentsOf: file) == first)
    }

    @Test func aSessionThatNamesItselfWithDotsNeverWritesOutsideTheSessionsFolder() throws {
        let folder = try Transcript.workspace()
        _ = try ClaimDeskProcess.run(["harbor-talks.txt", "-c", "save harbor"], in: folder, environment: environment)
        let file = folder.appendingPathComponent("sessions/harbor.json")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"name\": \"harbor\"", with: "\"name\": \"../../escape\"")
        #expect(text.contains("../../escape"))
        try text.write(to: file, atomically: true, encoding: .utf8)
        let result = try ClaimDeskProcess.run(["harbor", "-c", "claim s3; save"], in: folder, environment: environment)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.hasSuffix("Saved sessions/harbor.json (1 article, 0 sources, 1 annotation)\n"))
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(!entries.contains { $0.hasPrefix("escape") })
        #expect(!FileManager.default.fileExists(atPath: folder.deletingLastPathComponent().appendingPathComponent("escape.json").path))
        let saved = try String(contentsOf: file, encoding: .utf8)
        #expect(saved.contains("\"name\": \"harbor\""))
    }

    @Test func aBadSessionNameIsRefused() throws {
        let folder = try Transcript.workspace()
        let result = try ClaimDeskProcess.run(["harbor-talks.txt", "-c", "save .hidden"], in: folder, environment: environment)
        #expect(result.stderr == "<command>:1: error: cannot save to .hidden: a session name may use letters, digits, - _ and . (not first); give a path ending in .json to save elsewhere\n")
    }

    /// However the same file is spelt (dots, repeated slashes, absolute, without `.json`), the shell knows it holds it.
    @Test func theOpenSessionIsKnownByEverySpellingOfItsPath() throws {
        let folder = try Transcript.workspace()
        let saved = try ClaimDeskProcess.run(["harbor-talks.txt", "-c", "save desk"], in: folder, environment: environment)
        #expect(saved.status == 0, "\(saved.stderr)")
        let spellings = ["./sessions/../sessions/desk.json", "sessions//desk.json", folder.path + "/sessions/./desk.json",
                         "sessions/desk", "\"desk \""]
        let result = try ClaimDeskProcess.run(["--sessions", "sessions", "desk", "-c", spellings.map { "open " + $0 }.joined(separator: "; ")],
                                              in: folder, environment: environment)
        #expect(result.stderr == String(repeating: "<command>:1: error: desk is already open\n", count: spellings.count))
    }

    /// A temporary file a killed save left beside a session is removed once the session's lock is held, and only its own.
    @Test func openingRemovesTheSessionsStaleTemporaryFilesOnly() throws {
        let folder = try Transcript.workspace()
        _ = try ClaimDeskProcess.run(["harbor-talks.txt", "-c", "save desk; save other"], in: folder, environment: environment)
        let sessions = folder.appendingPathComponent("sessions")
        for name in [".desk.json.tmp-x1", ".desk.json.tmp-é2", ".other.json.tmp-x3"] {
            FileManager.default.createFile(atPath: sessions.appendingPathComponent(name).path, contents: Data("{".utf8))
        }
        let result = try ClaimDeskProcess.run(["--sessions", "sessions", "desk", "-c", "status"], in: folder, environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: sessions.path).filter { $0.contains(".tmp-") }
        #expect(left == [".other.json.tmp-x3"])
    }
}
