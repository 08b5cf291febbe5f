import ClaimDeskCore

/// `articles`: the session's articles, the active one marked.
struct ArticlesCommand: ShellCommand {
    static let spec = CommandSpec(
        "articles", group: CommandGroup.reading,
        summary: "List the session's articles; * marks the active one",
        usage: "articles", example: "articles")

    init(_ arguments: ParsedArguments) {}

    func run(in context: CommandContext) -> [StyledLine] {
        context.articles()
    }
}
