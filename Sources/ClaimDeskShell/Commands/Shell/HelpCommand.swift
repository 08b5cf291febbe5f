import ClaimDeskCore

/// `help [COMMAND]`: every command on a line, or one command's usage, flags and example.
struct HelpCommand: ShellCommand {
    static let topic = Positional("COMMAND", .command, optional: true, rest: true)

    static let spec = CommandSpec(
        "help", group: CommandGroup.shell,
        summary: "List commands, or show one command's usage and an example",
        usage: "help [COMMAND]", example: "help claim",
        arguments: [topic])

    var topic: String?

    init(_ arguments: ParsedArguments) {
        topic = arguments.text(Self.topic)
    }

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        guard let topic, !topic.isEmpty else { return HelpText.overview() }
        return try HelpText.command(topic)
    }
}
