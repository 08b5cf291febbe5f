import ClaimDeskCore
@testable import ClaimDeskShell
import Foundation

/// A shell over an in-memory host with a fixed clock and a short article loaded.
struct ShellFixture {
    static let article = """
        Talks stall over harbor fees

        PORT AVERY (Meridian Wire) — Senior U.S. officials said on Tuesday that talks had stalled. \
        The Daily Courier reported, quoting two officials, that Secretary Helen R. Marsh wanted “a firm answer.”

        Gen. Thomas E. Reyes disagreed. “We will not escalate,” he said at 3 p.m. on Wednesday.
        """

    let host = MemoryHost()
    let shell: Shell

    init(loadArticle: Bool = true) {
        host.files["story.txt"] = Data(Self.article.utf8)
        shell = Shell(host: host, analyst: "tester", batch: true, clock: { Timestamp(secondsSince1970: 1_790_000_000) })
        if loadArticle { run("load story.txt") }
    }

    /// Runs a command that must succeed and returns its output as plain text.
    @discardableResult
    func run(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let result = shell.execute(line)
        if let error = result.error {
            Issue.record("\(line) failed: \(error.message)", sourceLocation: sourceLocation)
        }
        return TextRenderer(color: false).render(result.lines)
    }

    /// Runs a command that must fail and returns its error message.
    func fail(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let result = shell.execute(line)
        guard let error = result.error else {
            Issue.record("\(line) should have failed but printed: \(result.lines.map(\.description))", sourceLocation: sourceLocation)
            return ""
        }
        return error.message
    }

    var session: Session { shell.workspace.session }
}

import Testing
