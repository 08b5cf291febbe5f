import ClaimDeskCore

/// `note ID TEXT`: a note on an annotation or source.
struct NoteCommand: ShellCommand {
    static let id = Positional("ID", .id(CommandCatalog.taggable))
    static let text = Positional("TEXT", .text, rest: true)

    static let spec = CommandSpec(
        "note", group: CommandGroup.annotating,
        summary: "Attach a note to an annotation or source",
        usage: "note ID TEXT", example: "note c1 Check against the Ledger's copy",
        details: ["Remove a note with rm and its id (n1)."],
        arguments: [id, text])

    var id: String
    var text: String

    init(_ arguments: ParsedArguments) throws(ShellError) {
        id = try arguments.required(Self.id)
        text = try arguments.required(Self.text)
    }

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        let id = try context.existing(id, kinds: CommandCatalog.taggable)
        let before = try context.stored(id)
        let note = Note(id: context.workspace.session.nextID(.note), text: text, author: context.workspace.analyst,
                        created: context.workspace.now)
        let after = try context.modify(before) { (item: inout any Annotation) throws(ShellError) in item.notes.append(note) }
        try context.commit("note \(note.id) on \(id)", [Change.Edit(before: before, after: after)])
        return [StyledLine(note.id.rawValue, .id) + StyledLine("  note on \(id)")]
    }
}
