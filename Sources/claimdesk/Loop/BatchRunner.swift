import ClaimDeskShell
import Foundation

/// Runs commands without a terminal: no prompt, no banner, no history, no colour.
///
/// Errors go to standard error as `FILE:LINE: error: …`; the exit status is 1
/// when any command failed (sqlite3 and psql habits), and when the run ends with changes that
/// could be neither journalled nor saved (a full disk): those are lost, and a script must know.
struct BatchRunner {
    enum Source {
        case standardInput
        case file(String)
        case text(String, name: String)
    }

    let shell: Shell
    let bail: Bool
    /// No colour and no wrapping: one record per line, whatever the width of a terminal it may reach.
    let writer = OutputWriter(color: false)

    /// Returns the exit status.
    func run(start: StartTarget?, source: Source) -> Int32 {
        var failed = false
        if let start {
            let result = shell.start(start)
            writer.write(result.lines)
            shell.outputShown()
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
            for command in Tokenizer.commands(line) {
                let unjournalled = shell.unjournalledChanges
                let result = shell.execute(command)
                writer.write(result.lines)
                shell.outputShown()
                if let error = result.error {
                    failed = true
                    writer.writeError(error.message, location: "\(name):\(number)")
                    if bail { return 1 }
                }
                if bail && shell.unjournalledChanges > unjournalled {
                    writer.writeError("the change could not be journalled (\(shell.journalBroken ?? "write failed")); stopped (--bail); "
                                      + "\(Self.changes(shell.unjournalledChanges)) neither saved nor journalled and lost",
                                      location: "\(name):\(number)")
                    return 1
                }
                if result.quit { return finish(failed: failed, name: name) }
            }
        }
        return finish(failed: failed, name: name)
    }

    /// The exit status at the end of the input or at `quit`, reporting changes that would be lost.
    private func finish(failed: Bool, name: String) -> Int32 {
        guard shell.unjournalledChanges > 0 else { return failed ? 1 : 0 }
        writer.writeError("\(Self.changes(shell.unjournalledChanges)) neither saved nor journalled "
                          + "(the journal could not be written: \(shell.journalBroken ?? "write failed")) and lost as this run ends; "
                          + "a save before the end keeps them", location: name)
        return 1
    }

    static func changes(_ n: Int) -> String {
        n == 1 ? "1 change is" : "\(n) changes are"
    }
}
