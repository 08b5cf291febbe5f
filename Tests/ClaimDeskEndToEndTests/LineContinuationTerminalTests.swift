import Foundation
import Testing

/// An unclosed quote at Enter continues on the next line, as in psql and sqlite3, so a quotation
/// pasted with a line break in it stays one value; Ctrl-C on the second line drops the whole command.
@Suite(.serialized)
final class LineContinuationTerminalTests {
    let folder: URL

    init() throws {
        folder = try ClaimDeskProcess.temporaryDirectory()
        let story = """
            Harbor Authority Delays Pier Repairs

            The harbor authority said on Monday that repairs to Pier 7 would be delayed until spring.

            """
        try story.write(to: folder.appendingPathComponent("harbor-story.txt"), atomically: true, encoding: .utf8)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    var environment: [String: String] {
        ["PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": folder.appendingPathComponent("home").path,
         "CLAIMDESK_HISTORY": folder.appendingPathComponent("history").path,
         "CLAIMDESK_SESSIONS": folder.appendingPathComponent("sessions").path,
         "CLAIMDESK_ANALYST": "tester", "CLAIMDESK_NOW": "1700000000", "TERM": "xterm", "NO_COLOR": "1"]
    }

    @Test func aQuoteOpenAtEnterGoesOnOnTheNextLine() throws {
        let terminal = try PseudoTerminalSession(arguments: ["harbor-story.txt"], environment: environment, directory: folder)
        try terminal.expect("untitled*> ")
        try terminal.send("claim \"The harbor authority said on Monday\r")
        try terminal.expect("       ...> ")
        try terminal.send("that repairs to Pier 7\" --by The harbor authority\r")
        let output = try terminal.expect("untitled*> ")
        #expect(output.contains("c1  claim by The harbor authority: \"The harbor authority said on Monday that repairs to Pier 7\""))
        #expect(!output.contains("error:"))

        // Ctrl-C on the continuation line drops the whole command.
        try terminal.send("claim \"would be delayed\r")
        try terminal.expect("...> ")
        try terminal.send("\u{03}")
        try terminal.expect("untitled*> ")
        try terminal.send("list claims\r")
        let listed = try terminal.expect("untitled*> ")
        #expect(listed.contains("c1 ") && !listed.contains("c2 "))
        try terminal.send("quit\r")
    }
}
