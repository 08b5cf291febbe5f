import ClaimDeskCore

/// `taxonomy`: the label sets the session uses.
struct TaxonomyCommand: ShellCommand {
    static let spec = CommandSpec(
        "taxonomy", group: CommandGroup.sessions,
        summary: "Show the label sets this session uses",
        usage: "taxonomy", example: "taxonomy")

    init(_ arguments: ParsedArguments) {}

    func run(in context: CommandContext) -> [StyledLine] {
        context.taxonomyShow()
    }
}

/// `taxonomy load FILE.json`: replaces the session's label sets.
struct TaxonomyLoadCommand: ShellCommand {
    static let file = Positional("FILE", .path)

    static let spec = CommandSpec(
        "taxonomy load", group: CommandGroup.sessions,
        summary: "Replace the session's label sets with those of a JSON file",
        usage: "taxonomy load FILE.json", example: "taxonomy load docs/examples/taxonomy.json",
        details: ["The file has the keys sourceKinds, claimKinds, verdicts, stanceLabels, relationTypes; missing keys keep their labels."],
        arguments: [file])

    var file: String

    init(_ arguments: ParsedArguments) throws(ShellError) {
        file = try arguments.required(Self.file)
    }

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        try context.taxonomyLoad(file)
    }
}
