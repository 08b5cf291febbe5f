import ClaimDeskCore
import Foundation
import Testing

/// Output that fits the terminal: the real binary in pseudo-terminals 80 and 140 columns wide,
/// on the sample article annotated by the transcript script. Lines break at word boundaries with
/// continuation lines under the text column; `list` shows more of each quote on a wider terminal;
/// a resized window counts from the next command; `COLUMNS` overrides; a pipe is never wrapped.
@Suite(.serialized) final class TerminalWidthTests {
    let folder: URL

    init() throws {
        folder = try Transcript.workspace()
        let script = Transcript(name: "annotate-harbor").script.path
        let made = try ClaimDeskProcess.run(["harbor-talks.txt", "--script", script], in: folder, environment: Transcript.environment)
        #expect(made.status == 0, "\(made.stderr)")
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        [
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "HOME": folder.appendingPathComponent("home").path,
            "CLAIMDESK_HISTORY": "",
            "CLAIMDESK_ANALYST": "tester",
            "CLAIMDESK_NOW": "1790000000",
            "TERM": "xterm",
            "NO_COLOR": "1",
        ].merging(extra) { $1 }
    }

    func start(columns: UInt16, environment extra: [String: String] = [:]) throws -> PseudoTerminalSession {
        let terminal = try PseudoTerminalSession(arguments: ["harbor"], environment: environment(extra), directory: folder,
                                                 rows: 50, columns: columns)
        try terminal.expect("harbor> ")
        return terminal
    }

    /// The lines a command printed, escapes removed, without the echoed command and the prompt.
    func run(_ command: String, in terminal: PseudoTerminalSession) throws -> [String] {
        try terminal.send(command + "\r")
        let output = try terminal.expect("\r\nharbor> ")
        let lines = PseudoTerminalSession.removingEscapeSequences(from: output).components(separatedBy: "\r\n")
        return Array(lines.dropFirst().dropLast())
    }

    func expectFits(_ lines: [String], _ columns: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        for line in lines {
            #expect(DisplayWidth.of(line) <= columns, "wider than \(columns): \(line)", sourceLocation: sourceLocation)
        }
    }

    /// The `list claims` line pieces of c1, joined (continuation lines trimmed).
    func claimRecord(_ id: String, in lines: [String]) -> String {
        guard let start = lines.firstIndex(where: { $0.hasPrefix(id + " ") }) else { return "" }
        var record = lines[start]
        for line in lines[(start + 1)...] {
            guard line.hasPrefix("      ") else { break }
            record += " " + line.trimmingCharacters(in: .whitespaces)
        }
        return record
    }

    func quoteLength(_ record: String) -> Int {
        guard let open = record.firstIndex(of: "\""), let close = record.lastIndex(of: "\""), open < close else { return 0 }
        return record.distance(from: open, to: close)
    }

    @Test(arguments: [80, 140])
    func showWrapsAtWordsUnderTheSentenceText(columns: Int) throws {
        let terminal = try start(columns: UInt16(columns))
        let shown = try run("show p3", in: terminal)
        expectFits(shown, columns)
        #expect(shown.first == "p3")
        #expect(shown.dropFirst().first?.hasPrefix("  s3  ") == true)
        // Continuation lines sit under the sentence's text, and no word is cut.
        let continuation = shown.dropFirst(2).prefix { !$0.hasPrefix("  s4") }
        #expect(!continuation.isEmpty)
        #expect(continuation.allSatisfy { $0.hasPrefix("      ") && !$0.hasPrefix("       ") }, "\(shown)")
        let words = shown.joined(separator: " ").split(separator: " ")
        for word in ["O’Keefe", "familiar", "national", "security", "Secretary"] {
            #expect(words.contains { $0.contains(word) }, "\(word) was cut: \(shown)")
        }
        try terminal.send("quit\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func listShowsMoreOfEachQuoteOnAWiderTerminal() throws {
        let narrow = try start(columns: 80)
        let at80 = try run("list claims", in: narrow)
        expectFits(at80, 80)
        try narrow.send("quit\r")
        _ = try narrow.waitForExit()

        let wide = try start(columns: 140)
        let at140 = try run("list claims", in: wide)
        expectFits(at140, 140)
        try wide.send("quit\r")
        _ = try wide.waitForExit()

        for id in ["c2", "c6", "c7"] {
            let short = quoteLength(claimRecord(id, in: at80)), long = quoteLength(claimRecord(id, in: at140))
            #expect(short > 20 && long > short, "\(id): \(short) columns of quote at 80, \(long) at 140")
        }
    }

    @Test func aResizedWindowCountsFromTheNextCommand() throws {
        let terminal = try start(columns: 140)
        let wide = try run("show p3", in: terminal)
        #expect(wide.contains { DisplayWidth.of($0) > 80 })
        try terminal.resize(rows: 50, columns: 60)
        let narrow = try run("show p3", in: terminal)
        expectFits(narrow, 60)
        #expect(narrow.count > wide.count)
        try terminal.send("quit\r")
        _ = try terminal.waitForExit()
    }

    @Test func columnsOverridesTheWindowWidth() throws {
        let terminal = try start(columns: 140, environment: ["COLUMNS": "50"])
        let shown = try run("sources", in: terminal)
        expectFits(shown, 50)
        #expect(shown.count > 9)
        try terminal.send("quit\r")
        _ = try terminal.waitForExit()
    }

    @Test func aPipeGetsOneRecordPerLineWhateverColumnsSays() throws {
        var environment = Transcript.environment
        environment["COLUMNS"] = "40"
        let run = try ClaimDeskProcess.run(["harbor", "-c", "show p3; list claims"], in: folder, environment: environment)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("  s3  {The Daily Courier reported") && $0.hasSuffix("}c1") })
        #expect(lines.filter { $0.hasPrefix("c") }.count == 7)
        #expect(lines.allSatisfy { !$0.hasPrefix("      ") }, "a continuation line in a pipe")
    }
}
