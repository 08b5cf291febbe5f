import ClaimDeskCore

/// `suggest walk [SEL]`: the open suggestions one at a time, each in context, decided with a key
/// as in the review pass; in a script, lists them as `suggest` does.
struct SuggestWalkCommand: SelectionCommand {
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
        arguments: [Positional("SEL", .selection, optional: true)])

    /// The selection as typed, if any.
    var selection: String?

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        let (article, _, open) = try context.openSuggestions(within: selection)
        if open.isEmpty || context.batch { return try SuggestCommand(selection: selection).run(in: context) }
        try context.requireWritable()
        context.reviewWalk = ReviewWalk(ids: open.map { AnnotationID(ArticleSuggestions.id($0)) }, purpose: .suggestions(article: article.id))
        return [StyledLine("Walking \(Plural.count(open.count, "suggestion")) in reading order. " + ReviewWalk.suggestionKeys, .dim)]
            + context.suggestionWalkItemLines()
    }
}
