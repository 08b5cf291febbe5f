import ClaimDeskCore

/// `rm ID`: an annotation, source or note, with what points at it.
struct RemoveCommand: ShellCommand {
    static let id = Positional("ID", .id(CommandCatalog.taggable + [.note]))

    static let spec = CommandSpec(
        "rm", group: CommandGroup.annotating,
        summary: "Remove an annotation, source or note",
        usage: "rm ID", example: "rm c4",
        details: ["Relations and stances that point at it go with it; a source still in use is refused."],
        arguments: [id])

    var id: String

    init(_ arguments: ParsedArguments) throws(ShellError) {
        id = try arguments.required(Self.id)
    }

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        try context.remove(id)
    }
}
