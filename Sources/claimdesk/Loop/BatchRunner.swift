import ClaimDeskShell
import Foundation

/// Runs commands without a terminal: no prompt, no banner, no history, no colour.
///
/// Errors go to standard error as `FILE:LINE: error: …`; the exit status is 1
/// when any command failed (sqlite3 and psql habits).
struct BatchRunner {
    enum Source {
        case standardInput
        case file(String)
        case text(String, name: String)
    }

    let shell: Shell
    let bail: Bool
    let writer = OutputWriter(renderer: TextRenderer(color: false))

    /// Returns the exit status.
    func run(start: String?, source: Source) -> Int32 {
        var failed = false
        if let start {
            let result = shell.execute(start)
            writer.write(result.lines)
            if let error = result.error {
                writer.writeError(error.message, location: "claimdesk")
                return 1
            }
        }
        let name: String
        var nextLine: () -> String?
        switch source {
        case .standardInput:
            name = "<stdin>"
            nextLine = { readLine(strippingNewline: true) }
        case .text(let text, let label):
            name = label
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[...]
            nextLine = { lines.popFirst() }
        case .file(let path):
            name = path
            guard let data = FileManager.default.contents(atPath: path) else {
                writer.writeError("cannot read the script \(path): no such file (check the path)")
                return 1
            }
            guard let text = String(data: data, encoding: .utf8) else {
                writer.writeError("the script \(path) is not UTF-8 text")
                return 1
            }
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[...]
            if lines.last == "" { lines.removeLast() }
            nextLine = { lines.popFirst() }
        }
        var number = 0
        while let line = nextLine() {
            number += 1
            for command in Tokenizer.splitCommands(line) {
                let result = shell.execute(command)
                writer.write(result.lines)
                if let error = result.error {
                    failed = true
                    writer.writeError(error.message, location: "\(name):\(number)")
                    if bail { return 1 }
                }
                if result.quit { return failed ? 1 : 0 }
            }
        }
        return failed ? 1 : 0
    }
}
