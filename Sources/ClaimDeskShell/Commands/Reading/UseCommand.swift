import ClaimDeskCore

/// `use N|ARTICLE`: switches the active article.
struct UseCommand: ShellCommand {
    static let article = Positional("N", .id([.article]))

    static let spec = CommandSpec(
        "use", group: CommandGroup.reading,
        summary: "Switch the active article",
        usage: "use N|ARTICLE", example: "use 2", details: ["N is the number `articles` shows; a2 works too."],
        arguments: [article])

    var article: String

    init(_ arguments: ParsedArguments) throws(ShellError) {
        article = try arguments.required(Self.article)
    }

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        try context.use(article)
    }
}
