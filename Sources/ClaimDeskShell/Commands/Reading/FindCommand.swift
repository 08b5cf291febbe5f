import ClaimDeskCore

/// `find WORDS | find /REGEX/[i]`: where words or a pattern occur in the active article.
struct FindCommand: ShellCommand {
    static let words = Positional("WORDS", .text, rest: true)

    static let spec = CommandSpec(
        "find", group: CommandGroup.reading,
        summary: "Find words or a /regex/ in the active article",
        usage: "find WORDS | find /REGEX/[i]", example: "find O'Keefe",
        details: [
            "Words match case-insensitively; typed and typographic quotes and runs of white space are equal.",
            "A /regex/ is case-sensitive unless followed by i.",
        ],
        arguments: [words], readsWholeLine: true)

    /// The rest of the line exactly as typed: quotes in it are text.
    var query: String

    init(_ arguments: ParsedArguments) {
        query = arguments.restOfLine
    }

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        try context.find(query)
    }
}
