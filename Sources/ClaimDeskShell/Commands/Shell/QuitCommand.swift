import ClaimDeskCore

/// `quit` (also `exit`): the shell answers with ``ShellResult/quit`` and the loop ends.
struct QuitCommand: ArgumentlessCommand {
    static let spec = CommandSpec(
        "quit", group: CommandGroup.shell,
        summary: "Leave the shell (also exit, or Ctrl-D on an empty line)")

    /// Nothing to do here: leaving is the loop's business.
    func run(in context: CommandContext) -> [StyledLine] { [] }
}
