import ClaimDeskCore

/// `sessions`: the saved sessions.
struct SessionsCommand: ShellCommand {
    static let spec = CommandSpec(
        "sessions", group: CommandGroup.sessions,
        summary: "List saved sessions", usage: "sessions", example: "sessions")

    init(_ arguments: ParsedArguments) {}

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        try context.sessionsList()
    }
}

/// `status`: the session's name, file, articles, counts and unsaved changes.
struct StatusCommand: ShellCommand {
    static let spec = CommandSpec(
        "status", group: CommandGroup.sessions,
        summary: "Show the session's name, file, articles, counts and unsaved changes",
        usage: "status", example: "status")

    init(_ arguments: ParsedArguments) {}

    func run(in context: CommandContext) -> [StyledLine] {
        context.status()
    }
}
