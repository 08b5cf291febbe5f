import ClaimDeskCore

/// `rebase [ARTICLE] FILE`: a new version of an article, its annotations moved onto it.
struct RebaseCommand: ShellCommand {
    static let article = Positional("ARTICLE", .id([.article]), optional: true)
    static let file = Positional("FILE", .path)

    static let spec = CommandSpec(
        "rebase", group: CommandGroup.reading,
        summary: "Load a new version of an article and move its annotations onto it",
        usage: "rebase [ARTICLE] FILE", example: "rebase a1 harbor-talks-corrected.txt",
        details: [
            "Every claim, mention and stance evidence on the article is found again in the new text: exactly where it was,",
            "moved, or fuzzily after edits; what cannot be found safely is orphaned, never guessed (list --orphaned).",
            "The old version's hash is kept in the article's revisions; undo undoes the whole rebase.",
        ],
        arguments: [article, file])

    var article: String?
    var file: String

    init(_ arguments: ParsedArguments) throws(ShellError) {
        article = arguments.text(Self.article)
        file = try arguments.required(Self.file)
    }

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        try context.rebase(article: article, file: file)
    }
}
