import ClaimDeskCore

/// `undo`: takes back the last change.
struct UndoCommand: ArgumentlessCommand {
    static let spec = CommandSpec(
        "undo", group: CommandGroup.sessions,
        summary: "Undo the last change")

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        try context.requireWritable()
        guard let (undone, changes) = context.workspace.undo() else { throw ShellError("nothing to undo") }
        context.journal(changes)
        return [StyledLine("Undid: \(undone.summary)")]
    }
}

/// `redo`: makes the last undone change again.
struct RedoCommand: ArgumentlessCommand {
    static let spec = CommandSpec(
        "redo", group: CommandGroup.sessions,
        summary: "Redo the last undone change")

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        try context.requireWritable()
        guard let (redone, changes) = context.workspace.redo() else { throw ShellError("nothing to redo") }
        context.journal(changes)
        return [StyledLine("Redid: \(redone.summary)")]
    }
}
