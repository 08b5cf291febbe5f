import ClaimDeskCore

/// `reattach ID SEL`: an orphaned annotation put back on a span by hand.
struct ReattachCommand: ShellCommand {
    static let id = Positional("ID", .id([.claim, .mention, .stance]))
    static let selection = Positional("SEL", .selection)

    static let spec = CommandSpec(
        "reattach", group: CommandGroup.annotating,
        summary: "Put an orphaned annotation back on a span by hand",
        usage: "reattach ID SEL", example: "reattach c4 s9",
        details: ["For a stance, the first orphaned piece of evidence is put back."],
        arguments: [id, selection])

    var id: String
    /// The selection as typed.
    var selection: String

    init(_ arguments: ParsedArguments) throws(ShellError) {
        id = try arguments.required(Self.id)
        selection = try arguments.requiredRaw(Self.selection)
    }

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        try context.reattach(id, selection)
    }
}
