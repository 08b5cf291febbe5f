import ClaimDeskCore

/// `diff NAME|PATH`: this session against another analyst's of the same articles.
struct DiffCommand: ShellCommand {
    static let name = Positional("NAME", .sessionName)

    static let spec = CommandSpec(
        "diff", group: CommandGroup.reviewing,
        summary: "Compare this session with another analyst's session of the same articles",
        usage: "diff NAME|PATH", example: "diff harbor-bob",
        details: [
            "Articles match by text; annotations by span (identical, or sharing at least half their characters); stances by holder and target.",
            "Prints the counts, then what only this session has, what only the other has, and fields that differ (this | other).",
        ],
        arguments: [name])

    var target: String

    init(_ arguments: ParsedArguments) throws(ShellError) {
        target = try arguments.required(Self.name)
    }

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        try context.diff(target)
    }
}
