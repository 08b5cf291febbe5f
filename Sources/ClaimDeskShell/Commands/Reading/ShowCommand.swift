import ClaimDeskCore

/// `show [SEL|ID]`: the article, part of it, or one annotation in full.
struct ShowCommand: ShellCommand {
    static let selection = Positional("SEL", .selection, optional: true)

    static let spec = CommandSpec(
        "show", group: CommandGroup.reading,
        summary: "Show the article, part of it, or one annotation",
        usage: "show [SEL|ID]", example: "show s4-s6",
        details: [
            "With no argument shows the whole active article, one sentence per line under its paragraph.",
            "Annotated spans appear as {text}ID; with an annotation id, shows that annotation in full.",
        ],
        arguments: [selection])

    /// The selection as typed, if any.
    var selection: String?

    init(_ arguments: ParsedArguments) {
        selection = arguments.raw(Self.selection)
    }

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        try context.show(selection)
    }
}
