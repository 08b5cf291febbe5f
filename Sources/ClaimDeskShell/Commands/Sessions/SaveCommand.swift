import ClaimDeskCore
import Foundation

/// `save [NAME|PATH]`: writes the session's snapshot and starts a fresh journal.
struct SaveCommand: SessionTargetCommand {
    static let spec = CommandSpec(
        "save", group: CommandGroup.sessions,
        summary: "Save the session (to sessions/NAME.json, or a path ending in .json)",
        usage: "save [NAME|PATH]", example: "save harbor-talks",
        details: ["With no argument saves where the session was opened or last saved."],
        arguments: [Positional("NAME", .sessionName, optional: true)])

    var target: String?

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        try context.persistence.save(&context.workspace, to: target)
    }
}
