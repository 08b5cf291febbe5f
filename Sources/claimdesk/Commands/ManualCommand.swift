import ArgumentParser
import ClaimDeskShell
import Foundation

/// `claimdesk manual`: prints the `claimdesk(1)` manual page, built from the shell's command table.
struct ManualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manual",
        abstract: "Print the claimdesk(1) manual page (roff) to standard output.",
        discussion: "Install it with: claimdesk manual > /usr/local/share/man/man1/claimdesk.1")

    func run() throws {
        FileHandle.standardOutput.write(Data(ManualPage.roff().utf8))
    }
}
