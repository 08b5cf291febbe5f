import ArgumentParser

/// `claimdesk [FILE|SESSION]`: the interactive shell, or batch mode when stdin is not a terminal.
struct ShellCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shell",
        abstract: "Open the ClaimDesk shell (the default).")

    func run() throws {}
}
