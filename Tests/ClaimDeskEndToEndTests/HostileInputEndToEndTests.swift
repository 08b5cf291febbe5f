import ClaimDeskCore
import Foundation
import Testing

/// The real binary under hostile input: a seeded script of command lines that once crashed it, and
/// hand-damaged session files. It must never die of a signal, and every error is one
/// `FILE:LINE: error: …` line.
@Suite struct HostileInputEndToEndTests {
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
    }

    static let commands = ["show", "claim", "mention", "source add", "stance", "link", "set", "rm", "note", "tag", "list",
                           "export csv", "export w3c", "export html", "export markdown", "export brat", "load", "use", "undo", "redo"]
    static let words = ["s9223372036854775807-x", "p9223372036854775807-", "s9223372036854775807-s", "@0-9223372036854775808",
                        "\"Marsh\"#9223372036854775807", "x", "y", "/", "a/", ".", "é", "-", "c1", "src1", "pr1", "s3", "p2",
                        "--by", "--kind", "--via", "Courier", "other", "favor", "session", "base-url", "javascript:alert(1)",
                        "99999999999999999999", "-1", "0", "\"", "'", "\u{1B}[2J", "\u{202E}", "c999999999999999"]

    @Test func aSeededScriptOfHostileLinesNeverCrashesTheBinary() throws {
        let folder = try Transcript.workspace()
        var random = Random(state: 42)
        var lines = ["load harbor-talks.txt", "source add The Daily Courier --kind outlet --alias Courier", "claim s3 --by Courier",
                     "proposition add Talks should go on"]
        for _ in 0..<1500 {
            var line = random.pick(Self.commands)
            for _ in 0..<Int(random.next() % 4) { line += " " + random.pick(Self.words) }
            lines.append(line)
        }
        try lines.joined(separator: "\n").write(to: folder.appendingPathComponent("fuzz.script"), atomically: true, encoding: .utf8)
        let result = try ClaimDeskProcess.run(["--script", "fuzz.script"], in: folder, environment: Transcript.environment)
        #expect(result.status == 0 || result.status == 1, "claimdesk ended with status \(result.status): \(result.stderr.suffix(500))")
        let errors = result.stderr.split(separator: "\n")
        #expect(!errors.isEmpty)
        for error in errors {
            #expect(error.hasPrefix("fuzz.script:") && error.contains(": error: "), "not a one-line error: \(error)")
        }
        let raw = (result.stdout + result.stderr).unicodeScalars.first { $0 != "\n" && UntrustedText.isUnsafe($0) }
        #expect(raw == nil)
    }

    @Test(arguments: ["x", "y", "é"])
    func theExportSubcommandWritesToAOneCharacterPath(path: String) throws {
        let folder = try Transcript.workspace()
        let saved = try ClaimDeskProcess.run(["harbor-talks.txt", "-c", "claim s3 --by Courier; save harbor"], in: folder,
                                             environment: Transcript.environment)
        #expect(saved.status == 0)
        let result = try ClaimDeskProcess.run(["export", "harbor", "--format", "csv", "-o", path], in: folder, environment: Transcript.environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path))
    }

    /// Each line names a change to a saved session's JSON and the error opening it must give.
    @Test(arguments: [
        ("counters.src", "9223372036854775807", "a counter must be between 0 and 999999999999999, not 9223372036854775807"),
        ("claims.0.claimant", "\"src99\"", "at claims[0].claimant: no source src99 in the session"),
        ("claims.0.anchor.end", "100000", "at claims[0].anchor.end: "),
        ("settings.baseURL", "\"javascript:alert(1)\"", "at settings.baseURL: \"javascript:alert(1)\" is not an http or https address"),
        ("taxonomy.sourceKinds", "[]", ""),
    ])
    func aDamagedSessionIsRefusedWithItsPathOrRepairedWithoutCrashing(path: String, json: String, expected: String) throws {
        let folder = try Transcript.workspace()
        let saved = try ClaimDeskProcess.run(["harbor-talks.txt", "-c", "claim s3 --by Courier; save harbor"], in: folder,
                                             environment: Transcript.environment)
        #expect(saved.status == 0)
        let file = folder.appendingPathComponent("sessions/harbor.json")
        var document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        let steps = path.split(separator: ".").map(String.init)
        let value = try JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed)
        func set(_ node: Any, _ rest: ArraySlice<String>) -> Any {
            guard let head = rest.first else { return value }
            if let index = Int(head), var array = node as? [Any] { array[index] = set(array[index], rest.dropFirst()); return array }
            var object = node as? [String: Any] ?? [:]
            object[head] = set(object[head] as Any, rest.dropFirst())
            return object
        }
        document = set(document, steps[...]) as? [String: Any] ?? document
        let damaged = try JSONSerialization.data(withJSONObject: document)
        try damaged.write(to: file)
        let result = try ClaimDeskProcess.run(["harbor", "-c", "show; list; source add Q; claim s1 --by Q; export csv x"], in: folder,
                                              environment: Transcript.environment)
        #expect(result.status == 0 || result.status == 1, "status \(result.status): \(result.stderr)")
        if expected.isEmpty {
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("repaired taxonomy.sourceKinds was empty; it now holds the default source kinds"))
            #expect(result.stdout.contains("Added source src"))
        } else {
            #expect(result.stderr.contains(expected), "\(result.stderr)")
            #expect(try Data(contentsOf: file) == damaged, "the damaged file was changed")
        }
    }

    /// A pinned clock far outside the years a timestamp can write once overflowed when written out.
    @Test(arguments: ["-9223372036854775808", "9223372036854775807", "-62167219201"])
    func aPinnedClockOutOfRangeIsIgnored(now: String) throws {
        let folder = try Transcript.workspace()
        var environment = Transcript.environment
        environment["CLAIMDESK_NOW"] = now
        let result = try ClaimDeskProcess.run(["harbor-talks.txt", "-c", "claim s3 --by Courier; show c1; save t"], in: folder,
                                              environment: environment)
        #expect(result.status == 0, "status \(result.status): \(result.stderr)")
        #expect(result.stdout.contains("Saved sessions/t.json"))
    }

    /// An export renames a new file over its target: over a pipe (or `/dev/null`) that replaced the
    /// special file itself with a regular one.
    @Test func anExportOverAPipeIsRefusedAndLeavesThePipe() throws {
        let folder = try Transcript.workspace()
        let pipe = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(pipe, 0o644) == 0)
        let result = try ClaimDeskProcess.run(["harbor-talks.txt", "-c", "export csv pipe"], in: folder, environment: Transcript.environment)
        #expect(result.status == 1)
        #expect(result.stderr == "<command>:1: error: cannot write pipe: it is a device, a pipe or a socket, not a regular file; choose another path\n")
        var info = stat()
        #expect(lstat(pipe, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }

    /// Reading a pipe blocked until someone wrote to it: the shell hung on `load pipe`.
    @Test func loadingAPipeIsRefusedInsteadOfHanging() throws {
        let folder = try Transcript.workspace()
        #expect(mkfifo(folder.appendingPathComponent("pipe").path, 0o644) == 0)
        let result = try ClaimDeskProcess.run(["-c", "load pipe; taxonomy load pipe"], in: folder, environment: Transcript.environment)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("<command>:1: error: cannot load pipe: it is a device, a pipe or a socket, not a regular file"))
    }
}
