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
}
