import ArgumentParser

/// The `claimdesk` executable: the shell by default, and subcommands that work without it.
@main
struct ClaimDesk: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "claimdesk",
        abstract: "An editorial annotation workbench for news claims, sources and stances.",
        version: version,
        subcommands: [ShellCommand.self, SegmentCommand.self, ReanchorCommand.self, ExportCommand.self],
        defaultSubcommand: ShellCommand.self
    )

    /// Starting the shell is what users do most, and parsing every subcommand's options to find
    /// that out costs several milliseconds of start-up; so the shell's own options are parsed
    /// directly unless the first argument names a subcommand or asks for help or the version.
    static func main() {
        let first = CommandLine.arguments.dropFirst().first ?? ""
        let subcommands = configuration.subcommands.map { $0._commandName } + ["help"]
        guard !subcommands.contains(first), !first.hasPrefix("-h"), !first.hasPrefix("--help"), !first.hasPrefix("--version"),
              !first.hasPrefix("--generate-completion"),
              var shell = try? ShellCommand.parseAsRoot(Array(CommandLine.arguments.dropFirst())) else {
            // Anything else, including mistakes, goes through the whole command tree for its words.
            main(nil)
            return
        }
        do {
            try shell.run()
        } catch {
            exit(withError: error)
        }
    }
}
