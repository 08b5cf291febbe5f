import Foundation
import Testing

/// `curate` in a real terminal on a session `claimdesk merge` wrote: single keys settle conflicts
/// without Enter, `e` reads a command as a line, and the prompt comes back when the walk ends.
@Suite(.serialized)
final class CurateWalkTerminalTests {
    let place: TerminalFolder
    var folder: URL { place.url }

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

    @Test func keysTakeASideAndEditRunsACommand() throws {
        for (analyst, commands) in [("ana", "claim s2 --by The harbor authority; claim s3 --by Fishing crews --kind opinion; save ana"),
                                    ("bob", "claim s2 --by The harbor authority --kind prediction; claim s3 --by Fishing crews; save bob")] {
            let setup = try ClaimDeskProcess.run(["harbor-story.txt", "-c", commands], in: folder, environment: place.environment(analyst: analyst))
            try #require(setup.status == 0, "\(setup.stderr)")
        }
        let merged = try ClaimDeskProcess.run(["merge", "ana", "bob", "-o", "sessions/desk.json"], in: folder,
                                              environment: place.environment(analyst: "ed"))
        try #require(merged.status == 1, "\(merged.stderr)")
        let terminal = try PseudoTerminalSession(arguments: ["desk"], environment: place.environment(analyst: "ed"), directory: folder)
        try terminal.expect("desk> ")
        try terminal.send("curate\r")
        try terminal.expect("1 of 2")
        try terminal.expect("[a/b/…] take [k]eep all [d]rop [e]dit [n]ext [p]revious [q]uit > ")
        try terminal.send("b")
        try terminal.expect("x1 settled: took b (bob); c1")
        try terminal.expect("1 of 1")
        try terminal.send("e")
        try terminal.expect("command for x2: ")
        try terminal.send("set verdict mixed\r")
        let end = try terminal.expect("desk*> ")
        #expect(end.contains("x2 settled: edited (set c2 verdict mixed)"))
        #expect(end.contains("Curate left: 2 settled in this pass; no conflicts open"))
        try terminal.send("show c1\r")
        let shown = try terminal.expect("desk*> ")
        #expect(shown.contains("prediction"))
        #expect(shown.contains("curated x1: took b (bob)"))
        try terminal.send("quit\r")
    }
}
