import Foundation
import Testing

/// The review pass in a real terminal: single keys answer without Enter, a reason is typed as
/// a line, and the shell's prompt comes back when the pass is left.
@Suite(.serialized)
final class ReviewWalkTerminalTests {
    let place: TerminalFolder
    var folder: URL { place.url }
    var environment: [String: String] { place.environment(analyst: "editor") }

    init() throws {
        place = try TerminalFolder(story: """
            Harbor Authority Delays Pier Repairs

            The harbor authority said on Monday that repairs to Pier 7 would be delayed until spring. \
            Fishing crews told the Bayside Ledger they had not been consulted.

            """)
    }

    deinit {
        place.remove()
    }

    @Test func keysDecideAndAReasonIsTypedAsALine() throws {
        let setup = try ClaimDeskProcess.run(["harbor-story.txt", "-c", "claim s2 --by The harbor authority; claim s3 --by Fishing crews; save pier"],
                                             in: folder, environment: environment)
        try #require(setup.status == 0, "\(setup.stderr)")
        let terminal = try PseudoTerminalSession(arguments: ["pier"], environment: environment, directory: folder)
        try terminal.expect("pier> ")
        try terminal.send("review\r")
        try terminal.expect("1 of 2  c1")
        try terminal.expect("[a]ccept [r]eject [c]omment [e]dit [n]ext [p]revious [q]uit > ")
        // One key, no Enter: c1 is accepted and c2 comes up.
        try terminal.send("a")
        try terminal.expect("c1  accepted")
        try terminal.expect("2 of 2  c2")
        try terminal.send("r")
        try terminal.expect("reason for rejecting c2: ")
        try terminal.send("the crews spoke to the Ledger, not to us\r")
        let end = try terminal.expect("pier*> ")
        #expect(end.contains("c2  rejected: the crews spoke to the Ledger, not to us"))
        #expect(end.contains("Review left: 1 accepted, 1 rejected, 0 comments in this pass; 2 of 2 reviewed: 1 accepted, 1 rejected"))
        try terminal.send("list claims --status rejected\r")
        let listed = try terminal.expect("pier*> ")
        #expect(listed.contains("c2 ") && listed.contains("[rejected]"))
        // Ctrl-C leaves a pass, echoed as a terminal shows it.
        try terminal.send("reopen c1\r")
        try terminal.expect("pier*> ")
        try terminal.send("review\r")
        try terminal.expect("[a]ccept [r]eject [c]omment [e]dit [n]ext [p]revious [q]uit > ")
        try terminal.send("\u{03}")
        let left = try terminal.expect("pier*> ")
        #expect(left.hasPrefix("^C"), "\(left)")
        #expect(!left.contains("\\u{3}"))
        try terminal.send("quit\r")
    }
}
