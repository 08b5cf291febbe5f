import Foundation
import Testing

/// An unclosed quote at Enter continues on the next line, as in psql and sqlite3, so a quotation
/// pasted with a line break in it stays one value; Ctrl-C on the second line drops the whole command.
@Suite(.serialized)
final class LineContinuationTerminalTests {
    let place: TerminalFolder
    var folder: URL { place.url }
    var environment: [String: String] { place.environment(analyst: "tester") }

    init() throws {
        place = try TerminalFolder(story: """
            Harbor Authority Delays Pier Repairs

            The harbor authority said on Monday that repairs to Pier 7 would be delayed until spring.

            """)
    }

    deinit {
        place.remove()
    }

    @Test func aQuoteOpenAtEnterGoesOnOnTheNextLine() throws {
        let terminal = try PseudoTerminalSession(arguments: ["harbor-story.txt"], environment: environment, directory: folder)
        try terminal.expect("untitled> ")
        try terminal.send("claim \"The harbor authority said on Monday\r")
        try terminal.expect("      ...> ")
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
