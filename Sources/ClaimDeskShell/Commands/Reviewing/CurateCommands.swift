import ClaimDeskCore
import Foundation

/// `curate`: a pass over a merged session's conflicts; in batch mode their list.
struct CurateCommand: ArgumentlessCommand {
    static let spec = CommandSpec(
        "curate", group: CommandGroup.reviewing,
        summary: "Walk a merged session's conflicts and settle each",
        details: [
            "Keys: a, b, c take that session's version (1-9 by position), k keep every version, d drop the annotation,",
            "e run a command on it (set verdict mixed…) and count it settled, n next, p previous, q leave.",
            "Each settlement is one change (undo reverses it); in a script lists the open conflicts (use resolve there).",
        ])

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        let conflicts = context.workspace.session.orderedConflicts
        guard !conflicts.isEmpty else { return [StyledLine("no conflicts open")] }
        if context.batch {
            return [StyledLine("\(Plural.count(conflicts.count, "conflict")) open (resolve ID a|b|…|keep|drop):", .heading)]
                + conflicts.map(context.conflictLine)
        }
        try context.requireWritable()
        context.reviewWalk = ReviewWalk(ids: conflicts.map(\.id), purpose: .curate)
        return [StyledLine("Curating \(Plural.count(conflicts.count, "conflict")). " + ReviewWalk.curateKeys, .dim)] + context.curateItemLines()
    }
}

/// `resolve ID a|b|…|keep|drop`: settles one conflict.
struct ResolveCommand: ShellCommand {
    static let id = Positional("ID", .id([.conflict]))
    static let choice = Positional("CHOICE", .text)

    static let spec = CommandSpec(
        "resolve", group: CommandGroup.reviewing,
        summary: "Settle one conflict of a merged session: take a version, keep all, or drop",
        usage: "resolve ID a|b|…|keep|drop", example: "resolve x3 b",
        details: ["show ID shows a conflict's versions; the kept annotation records who settled it, when and how."],
        arguments: [id, choice])

    var id: String
    var choice: String

    init(_ arguments: ParsedArguments) throws(ShellError) {
        id = try arguments.required(Self.id)
        choice = try arguments.required(Self.choice)
    }

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        let typed = id
        let choiceWord = choice
        let conflict = try context.openConflict(typed)
        let choice: ConflictChoice
        switch choiceWord.lowercased() {
        case "keep", "k": choice = .keepAll
        case "drop": choice = .drop
        default:
            guard let index = conflict.version(choiceWord) ?? Int(choiceWord).map({ $0 - 1 }),
                  conflict.versions.indices.contains(index) else {
                let letters = conflict.versions.indices.map(Conflict.letter).joined(separator: ", ")
                throw ShellError("resolve takes a version (\(letters)), keep or drop, not \(choiceWord)")
            }
            choice = .version(index)
        }
        return try context.settle(conflict, choice)
    }
}
