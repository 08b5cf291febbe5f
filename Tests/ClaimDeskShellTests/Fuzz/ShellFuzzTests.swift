import ClaimDeskCore
@testable import ClaimDeskShell
import Foundation
import Testing

/// Seeded fuzzing of the shell: thousands of hostile command lines and mutated session documents
/// per run. A crash fails the run (it kills the test process); every answer must be output or a
/// single-line error without raw control characters, and a refused document must leave the shell
/// as it was.
@Suite struct ShellFuzzTests {
    /// Words that have broken parsers: numbers at and past `Int.max`, empty and one-character
    /// paths, control and bidi characters, stray quotes, ids of every shape.
    static let hostile = [
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "99999999999999999999999", "0", "-1", "1",
        "s9223372036854775807-x", "p9223372036854775807-", "s9223372036854775807-s", "s0", "s1-s0", "s1-", "p-", "s", "p",
        "@0-1", "@-1-5", "@5-", "@0-9223372036854775807", "\"Talks\"#9223372036854775807", "\"\"", "\"", "'", "\"open",
        "x", "y", "/", "//é", ".", "..", "a/", "-", "--", "é", "~", "", "\u{1B}[31m", "\u{202E}evil", "a\u{0}b", "\u{7F}",
        "c1", "c0", "c999999999999999", "c9999999999999999999", "src1", "src-1", "pr1", "st1", "r1", "n1", "m1", "a1", "a9",
        "--kind", "--by", "--via", "--tag", "--evidence", "--alias", "--verdict", "--role", "--format", "other", "favor",
        "supports", "factual", "true", "kind", "name", "span", "verdict", "base-url", "organization-url", "javascript:alert(1)",
        "Senior U.S. officials", "Reyes", "s1", "s2-s3", "p1", "p2-p3", "\"talks had stalled\"", "s2:\"talks\"",
    ]

    /// Command words from the catalog, minus those that leave the session or read a regex.
    static let commands: [String] = CommandCatalog.all.map { $0.words.joined(separator: " ") }
        .filter { !["quit", "find"].contains($0) }

    static func line(_ random: inout FuzzRandom) -> String {
        var words = [random.pick(commands)]
        for _ in 0..<random.below(5) { words.append(random.pick(hostile)) }
        return words.joined(separator: " ")
    }

    /// An answer a terminal can show safely, as the executable prints it: one rendered line per
    /// output line, one line of error, and no raw control or bidi character in either.
    static func checkAnswer(_ result: ShellResult, to line: String, seed: UInt64) {
        let output = TextRenderer(color: false).render(result.lines)
        #expect(output.split(separator: "\n", omittingEmptySubsequences: false).count == result.lines.count + 1,
                "seed \(seed): \(line) printed a line break inside an output line: \(output)")
        var shown = output
        if let error = result.error {
            let message = TerminalSafeText.escape(error.message)
            #expect(!message.isEmpty, "seed \(seed): \(line) failed without a message")
            #expect(!message.contains("\n"), "seed \(seed): \(line) gave a multi-line error: \(message)")
            shown += message
        }
        let raw = shown.unicodeScalars.first { $0 != "\n" && UntrustedText.isUnsafe($0) }
        #expect(raw == nil, "seed \(seed): \(line) printed a raw control character U+\(String(raw?.value ?? 0, radix: 16))")
    }

    @Test(arguments: 0..<8)
    func hostileCommandLines(batch: Int) {
        var random = FuzzRandom(seed: UInt64(1000 + batch))
        let fixture = ShellFixture()
        fixture.run("source add Senior U.S. officials --kind official")
        fixture.run("claim s2 --by Senior U.S. officials")
        fixture.run("proposition add Talks should go on")
        for _ in 0..<500 {
            let line = Self.line(&random)
            // Tab anywhere in the line, then Enter.
            _ = fixture.shell.complete(line: line, cursor: random.below(line.count + 1))
            Self.checkAnswer(fixture.shell.execute(line), to: line, seed: UInt64(1000 + batch))
        }
    }

    /// Values a hand-edited document may hold where the reader expects something else.
    nonisolated(unsafe) static let hostileValues: [Any] = [
        Int.max, Int.min, -1, 0, 1, 999_999_999_999_999, 1_000_000_000_000_000, 1.5, "", "x", "c1", "src1", "src99", "a1", "a2",
        "pr1", "n1", "\u{1B}[2J", "line\nbreak", [Any](), [String](), ["x"], [String: Any](), NSNull(), true,
    ]

    /// Every path to a value inside a JSON object (keys and indices), so one can be changed at random.
    static func paths(_ node: Any, _ prefix: [Any] = []) -> [[Any]] {
        var result: [[Any]] = prefix.isEmpty ? [] : [prefix]
        if let object = node as? [String: Any] {
            for (key, value) in object { result += paths(value, prefix + [key]) }
        } else if let array = node as? [Any] {
            for (index, value) in array.enumerated() { result += paths(value, prefix + [index]) }
        }
        return result
    }

    static func replacing(_ node: Any, at path: ArraySlice<Any>, with value: Any?) -> Any? {
        guard let head = path.first else { return value }
        if let key = head as? String, var object = node as? [String: Any] {
            object[key] = replacing(object[key] as Any, at: path.dropFirst(), with: value)
            return object
        }
        if let index = head as? Int, var array = node as? [Any], index < array.count {
            if let new = replacing(array[index], at: path.dropFirst(), with: value) { array[index] = new } else { array.remove(at: index) }
            return array
        }
        return node
    }

    @Test(arguments: 0..<6)
    func mutatedSessionDocuments(batch: Int) throws {
        let seed = UInt64(2000 + batch)
        var random = FuzzRandom(seed: seed)
        let source = ShellFixture()
        source.run("source add Senior U.S. officials --kind official --alias Officials")
        source.run("claim s2 --by Officials --via The Daily Courier --tag fees")
        source.run("mention \"Helen R. Marsh\" Helen R. Marsh")
        source.run("proposition add Talks should go on")
        source.run("stance Officials favor pr1 --evidence s2")
        source.run("claim s3 --by Reyes")
        source.run("link c2 contradicts c1")
        source.run("note c1 check the wire copy")
        source.run("save harbor")
        let saved = try #require(source.host.memoryStore.snapshots["sessions/harbor.json"])
        let document = try JSONSerialization.jsonObject(with: saved)
        let paths = Self.paths(document)
        let probes = ["show", "list", "show c1", "show s1-s2", "source add Q", "claim s1 --by Q", "stance Q against pr1",
                      "export csv x", "export w3c y", "export markdown", "sources", "status", "taxonomy", "rm c1", "undo", "save copy"]
        for round in 0..<70 {
            var mutated: Any = document
            for _ in 0..<(1 + random.below(3)) {
                let path = random.pick(paths)
                let value: Any? = random.chance(15) ? nil : random.pick(Self.hostileValues)
                mutated = Self.replacing(mutated, at: path[...], with: value) ?? mutated
            }
            let fixture = ShellFixture(loadArticle: false)
            fixture.host.memoryStore.snapshots["sessions/harbor.json"] = try JSONSerialization.data(withJSONObject: mutated)
            let opened = fixture.shell.execute("open harbor")
            Self.checkAnswer(opened, to: "open (round \(round))", seed: seed)
            if opened.error != nil {
                #expect(fixture.session.articles.isEmpty && fixture.session.annotationCount == 0,
                        "seed \(seed) round \(round): a refused session was half-opened")
                continue
            }
            for probe in probes { Self.checkAnswer(fixture.shell.execute(probe), to: "\(probe) (round \(round))", seed: seed) }
        }
    }
}
