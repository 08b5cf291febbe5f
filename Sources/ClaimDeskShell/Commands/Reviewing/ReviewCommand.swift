import ClaimDeskCore

/// `review [filters]`: a pass over the open annotations, one key per decision; in batch mode the
/// list of what awaits review.
struct ReviewCommand: ShellCommand {
    static let author = ValueFlag("--author", value: "NAME", .text, "only those made by this analyst")
    static let status = ValueFlag("--status", value: "STATUS", .choice(CommandCatalog.reviewStates), "open (default), accepted, rejected or changed")

    static let spec = CommandSpec(
        "review", group: CommandGroup.reviewing,
        summary: "Walk the open annotations one by one, in reading order, and decide on each",
        usage: "review [--by S] [--tag T] [--label L] [--author NAME] [--status STATUS] [--changed]",
        example: "review --by Reyes",
        details: [
            "Keys: a accept, r reject (asks a reason), c comment, e run a command on it (set verdict false, tag disputed…),",
            "n next, p previous, q leave. Each decision is one change (undo reverses it) with your name and the time.",
            "Without --status walks the open ones; in a script lists them (use accept and reject there).",
        ],
        flags: [ListFilterWords.by, ListFilterWords.tag, ListFilterWords.label, author, status, ListFilterWords.changed])

    var filter: ListFilterWords

    init(_ arguments: ParsedArguments) {
        filter = ListFilterWords(arguments, status: Self.status, author: Self.author)
    }

    /// Starts a review pass over the open annotations that match (in reading order); in batch mode
    /// lists them instead, since there are no keys to press.
    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        var filter = try context.listFilter(filter)
        if filter.review.state == nil && !filter.review.textChangedOnly { filter.review.state = .open }
        let ids = context.reviewQueue(filter)
        guard !ids.isEmpty else {
            return [StyledLine("nothing to review: no \(filter.review.state?.rawValue ?? "") annotations match; " + context.reviewProgress())]
        }
        if context.batch {
            return [StyledLine("\(Plural.count(ids.count, "annotation")) to review (accept ID…, reject ID… --reason TEXT):", .heading)]
                + ids.compactMap(context.listLine)
        }
        try context.requireWritable()
        context.reviewWalk = ReviewWalk(ids: ids)
        return [StyledLine("Reviewing \(Plural.count(ids.count, "annotation")) in reading order. " + ReviewWalk.keys, .dim)]
            + context.reviewItemLines()
    }
}
