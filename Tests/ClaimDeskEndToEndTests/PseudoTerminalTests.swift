import Foundation
import Testing

/// The interactive shell as a user meets it: the real binary in a pseudo-terminal,
/// typed at key by key, with libedit doing the line editing.
///
/// Every test gets its own folder for sessions, history and home, so nothing touches
/// the user's files. Serialized: each test runs a whole process and a terminal, and
/// the machine is shared; running them one by one keeps their timing calm.
@Suite(.serialized)
final class PseudoTerminalTests {
    typealias Key = PseudoTerminalSession.Key

    /// The prompt of a new session, and of one with unsaved changes.
    static let prompt = "untitled> "
    static let changedPrompt = "untitled*> "

    let folder: URL

    init() throws {
        folder = try ClaimDeskProcess.temporaryDirectory()
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// An environment that leads every file the binary writes into `folder`, with stable
    /// text: no colour, a pinned clock. No locale variables: the binary must pick a UTF-8
    /// locale for libedit itself, as it does for users whose environment names none.
    func environment(sessions: String = "sessions") -> [String: String] {
        [
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "HOME": folder.appendingPathComponent("home").path,
            "XDG_STATE_HOME": folder.appendingPathComponent("state").path,
            "CLAIMDESK_HISTORY": folder.appendingPathComponent("history").path,
            "CLAIMDESK_SESSIONS": folder.appendingPathComponent(sessions).path,
            "CLAIMDESK_ANALYST": "tester",
            "CLAIMDESK_NOW": "1700000000",
            "TERM": "xterm",
            "NO_COLOR": "1",
        ]
    }

    /// Starts the shell and waits for its first prompt, so that typing never races its
    /// start (before libedit takes the terminal, keys would be echoed and buffered by the
    /// terminal's own line editing instead).
    func startShell(environment: [String: String]? = nil, directory: URL? = nil,
                    firstPrompt: String = prompt) throws -> PseudoTerminalSession {
        let terminal = try PseudoTerminalSession(environment: environment ?? self.environment(),
                                                 directory: directory ?? folder)
        try terminal.expect("ClaimDesk 0.1.0 — help lists the commands, Tab completes, Ctrl-D quits.")
        try terminal.expect(firstPrompt)
        return terminal
    }

    /// Runs one command line and returns what it printed, up to the next prompt.
    @discardableResult
    func run(_ line: String, in terminal: PseudoTerminalSession, thenPrompt prompt: String = changedPrompt) throws -> String {
        try terminal.send(line + Key.enter)
        let output = try terminal.expect("\r\n" + prompt)
        return String(output.dropLast(prompt.utf8.count))
    }

    /// A short made-up news article.
    func writeHarborStory(in directory: URL) throws {
        let story = """
            Harbor Authority Delays Pier Repairs

            The harbor authority said on Monday that repairs to Pier 7 would be delayed until spring. \
            "We need another survey before any crane goes in," a spokeswoman, Dana Whitlock, said. \
            Fishing crews told the Bayside Ledger they had not been consulted.

            """
        try story.write(to: directory.appendingPathComponent("harbor-story.txt"), atomically: true, encoding: .utf8)
    }

    /// The lines of some terminal output (the terminal ends lines with CR LF).
    static func lines(_ output: String) -> [String] {
        output.components(separatedBy: "\r\n")
    }

    // MARK: Typing text

    @Test func utf8InputArrivesIntact() throws {
        let terminal = try startShell()
        // Curly quotes, a typographic apostrophe, a precomposed é and Arabic letters.
        let text = "Iran’s “café” policy عربي"

        let added = try run("proposition add \(text)", in: terminal)
        #expect(added.contains("proposition: \(text)"))

        let listing = try run("list propositions", in: terminal)
        let row = try #require(Self.lines(listing).first { $0.hasPrefix("pr1 ") },
                               "no pr1 row in: \(PseudoTerminalSession.visible(listing))")
        // Bytes, not Strings: String equality is canonical equivalence, so it would
        // not notice an é that came back decomposed, or a quote turned straight.
        // The text holds Arabic, so the renderer sets it apart with its own isolates (FSI … PDI).
        let shown = row.dropFirst("pr1".count).drop(while: { $0 == " " })
        #expect(Array(shown.utf8) == Array(("\u{2068}" + text + "\u{2069}").utf8))
    }

    // MARK: Tab completion

    @Test func tabCompletesACommandName() throws {
        let terminal = try startShell()
        try terminal.send("hel" + Key.tab)
        // The line on screen now holds the whole word and the space after it.
        try terminal.expectCursorLine(Self.prompt + "help ")

        let help = try run("", in: terminal, thenPrompt: Self.prompt)
        #expect(help.contains("Load an article (.txt, .md, a saved web page or an http(s) URL) and make it active"))
        #expect(help.contains("help COMMAND shows its usage and an example."))
        #expect(!help.contains("error:"))
    }

    @Test func tabCompletesAQuotedSourceName() throws {
        let terminal = try startShell()
        #expect(try run("source add The Daily Courier --kind outlet", in: terminal)
            .contains("Added source src1 \"The Daily Courier\" (outlet)"))
        #expect(try run("source add The Harbor Gazette --kind outlet", in: terminal)
            .contains("Added source src2 \"The Harbor Gazette\" (outlet)"))

        // Two sources start with "The"; "The Da" leaves exactly one, which has spaces,
        // so it completes in double quotes, closed, with a space after it.
        try terminal.send("list claims --by \"The Da" + Key.tab)
        try terminal.expectCursorLine(Self.changedPrompt + "list claims --by \"The Daily Courier\" ")

        let output = try run("", in: terminal)
        // An unknown name would be an error ("no source …"); a known one with no claims is this.
        #expect(output.contains("no claims match"))
        #expect(!output.contains("error:"))
    }

    /// Arabic names are often written with vowel marks (harakat), each a combining
    /// character: "الشَّرْق" is 5 characters but 8 Unicode scalars. Completion must
    /// replace exactly the typed word, however it counts.
    @Test func tabCompletesASourceNameTypedWithCombiningMarks() throws {
        let terminal = try startShell()
        let typed = "\u{0627}\u{0644}\u{0634}\u{0651}\u{064E}\u{0631}\u{0652}\u{0642}"  // الشَّرْق
        let name = typed + " \u{0627}\u{0644}\u{0623}\u{0648}\u{0633}\u{0637}"           // الشَّرْق الأوسط
        #expect(try run("source add \(name) --kind outlet", in: terminal).contains("Added source src1"))

        try terminal.send("list claims --by \(typed)" + Key.tab)
        try terminal.expect("\" ")  // the completion's closing quote and space
        let output = try run("", in: terminal)
        #expect(output.contains("no claims match"), "\(PseudoTerminalSession.visible(output))")
        #expect(!output.contains("error:"), "\(PseudoTerminalSession.visible(output))")
    }

    @Test func tabCompletesAFilePathAfterLoad() throws {
        let workingDirectory = folder.appendingPathComponent("desk")
        try FileManager.default.createDirectory(at: workingDirectory, withIntermediateDirectories: true)
        try writeHarborStory(in: workingDirectory)
        try "Unrelated notes.\n".write(to: workingDirectory.appendingPathComponent("notes.md"), atomically: true, encoding: .utf8)
        let terminal = try startShell(directory: workingDirectory)

        try terminal.send("load harb" + Key.tab)
        try terminal.expectCursorLine(Self.prompt + "load harbor-story.txt ")

        // Loading is reading, not unsaved work: the prompt keeps no `*`.
        let output = try run("", in: terminal, thenPrompt: Self.prompt)
        #expect(output.contains("Loaded \"Harbor Authority Delays Pier Repairs\""))
        #expect(!output.contains("error:"))
    }

    // MARK: History

    @Test func upRecallsALineFromAnEarlierRun() throws {
        let command = "proposition add history check 42"
        do {
            let first = try startShell(environment: environment(sessions: "first-sessions"))
            #expect(try run(command, in: first).contains("proposition: history check 42"))
            try first.send(Key.controlD)
            #expect(try first.waitForExit() == 0)
        }

        // Same history file, fresh sessions folder: nothing but the history carries over.
        let second = try startShell(environment: environment(sessions: "second-sessions"))
        try second.send(Key.up)
        try second.expectCursorLine(Self.prompt + command)
        let output = try run("", in: second)
        #expect(output.contains("pr1  proposition: history check 42"))
        try second.send(Key.controlD)
        #expect(try second.waitForExit() == 0)
    }

    // MARK: Control keys

    @Test func controlCDiscardsTheLineAndLeavesTheShellUsable() throws {
        let terminal = try startShell()
        try terminal.send("proposition add discarded words")
        try terminal.expectCursorLine(Self.prompt + "proposition add discarded words")
        try terminal.send(Key.controlC)
        try terminal.expect("^C\r\n")
        // Still the unchanged prompt: nothing ran.
        try terminal.expect(Self.prompt)

        let empty = try run("list propositions", in: terminal, thenPrompt: Self.prompt)
        #expect(empty.contains("no propositions yet"))

        let added = try run("proposition add kept words", in: terminal)
        #expect(added.contains("pr1  proposition: kept words"))
        let listing = try run("list propositions", in: terminal)
        #expect(listing.contains("kept words"))
        #expect(!listing.contains("discarded words"))

        // Ctrl-D on the empty line quits cleanly, changes and all (they are journalled).
        try terminal.send(Key.controlD)
        #expect(try terminal.waitForExit() == 0)
        #expect(!terminal.transcriptText.contains("proposition: discarded words"))
    }

    /// After Ctrl-C the user should see the line they gave up once, ending in ^C.
    @Test func controlCShowsTheDiscardedLineOnce() throws {
        let terminal = try startShell()
        try terminal.send("proposition add discarded words")
        try terminal.expectCursorLine(Self.prompt + "proposition add discarded words")
        try terminal.send(Key.controlC)
        try terminal.expect("^C\r\n")
        try terminal.expect(Self.prompt)

        let screen = terminal.screen
        #expect(screen.cursorLine == Self.prompt)
        #expect(screen.lineAboveCursor == Self.prompt + "proposition add discarded words^C",
                "the screen shows:\n\(screen.lines.joined(separator: "\n"))")
    }

    @Test func controlDOnAnEmptyLineExitsWithStatusZero() throws {
        let terminal = try startShell()
        try terminal.send(Key.controlD)
        #expect(try terminal.waitForExit() == 0)
        #expect(!terminal.transcriptText.contains("error:"))
    }

    // MARK: Colour

    @Test func promptIsColouredOnAColourTerminal() throws {
        var environment = environment()
        environment["NO_COLOR"] = nil
        let terminal = try PseudoTerminalSession(environment: environment, directory: folder)
        let start = try terminal.expect("> ")
        let promptLine = try #require(Self.lines(start).last)
        #expect(promptLine.contains("\u{1B}["), "prompt: \(PseudoTerminalSession.visible(promptLine))")
        #expect(PseudoTerminalSession.removingEscapeSequences(from: promptLine) == Self.prompt)

        try terminal.send(Key.controlD)
        #expect(try terminal.waitForExit() == 0)
    }

    /// Everything that is coloured on a colour terminal (banner, prompt, ids, article
    /// view, errors, the farewell note), with NO_COLOR set. Only plain typing: Tab and
    /// the arrow keys make libedit move the cursor with escape sequences, which is
    /// cursor control, not colour.
    @Test func noColorKeepsEveryEscapeOut() throws {
        try writeHarborStory(in: folder)
        let terminal = try startShell()
        #expect(try run("load harbor-story.txt", in: terminal, thenPrompt: Self.prompt).contains("Loaded"))
        try run("show", in: terminal, thenPrompt: Self.prompt)
        try run("proposition add plain text only", in: terminal)
        try run("list propositions", in: terminal)
        #expect(try run("use 7", in: terminal).contains("error:"))
        try run("help", in: terminal)
        try terminal.send(Key.controlD)
        #expect(try terminal.waitForExit() == 0)

        let text = terminal.transcriptText
        #expect(text.contains("kept in the journal"))
        #expect(!terminal.transcript.contains(0x1B), "\(PseudoTerminalSession.visible(text))")
    }
}
