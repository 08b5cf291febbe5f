import ClaimDeskCore

/// `suggest walk [SEL]`: the open suggestions one at a time, each in context, decided with a key
/// as in the review pass; in a script, lists them as `suggest` does.
struct SuggestWalkCommand: ShellCommand {
    static let selection = Positional("SEL", .selection, optional: true)

    static let spec = CommandSpec(
        "suggest walk", group: CommandGroup.reviewing,
        summary: "Walk the open suggestions one by one and take or dismiss each with a key",
        usage: "suggest walk [SEL]", example: "suggest walk p3",
        details: [
            "Shows each open suggestion in its sentences, content marked, then its line as suggest prints it.",
            "Keys: a accept (makes the claim, as accept g3), e accept then correct it with a command (set by Marsh),",
            "r reject (not a claim), s or Enter skip, p previous, q leave.",
            "Each decision is one change (undo reverses it). In a script, lists the suggestions as suggest does.",
        ],
        arguments: [selection])

    /// The selection as typed, if any.
    var selection: String?

    init(_ arguments: ParsedArguments) {
        selection = arguments.raw(Self.selection)
    }

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        let raw = selection
        let article = try context.activeArticle()
        let within = try raw.map { value throws(ShellError) in try context.resolve(value, in: article) }
        let list = context.suggestions(for: article).all
        let isOpen = context.openSuggestionTest(on: article)
        let indices = list.indices.filter { index in
            isOpen(list[index]) && (within.map { list[index].contentHull.overlaps($0) } ?? true)
        }
        guard !indices.isEmpty else { return try SuggestCommand(selection: raw).run(in: context) }
        if context.batch { return try SuggestCommand(selection: raw).run(in: context) }
        try context.requireWritable()
        context.reviewWalk = ReviewWalk(ids: indices.map { AnnotationID(ArticleSuggestions.id($0)) }, purpose: .suggestions(article: article.id))
        return [StyledLine("Walking \(Plural.count(indices.count, "suggestion")) in reading order. " + ReviewWalk.suggestionKeys, .dim)]
            + context.suggestionWalkItemLines()
    }
}
