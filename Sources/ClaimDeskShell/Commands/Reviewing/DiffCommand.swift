import ClaimDeskCore
import Foundation

/// `diff NAME|PATH`: this session against another analyst's of the same articles.
struct DiffCommand: SessionTargetCommand {
    static let spec = CommandSpec(
        "diff", group: CommandGroup.reviewing,
        summary: "Compare this session with another analyst's session of the same articles",
        usage: "diff NAME|PATH", example: "diff harbor-bob",
        details: [
            "Articles match by text; annotations by span (identical, or sharing at least half their characters); stances by holder and target.",
            "Prints the counts, then what only this session has, what only the other has, and fields that differ (this | other).",
        ],
        arguments: [Positional("NAME", .sessionName)])

    var target: String

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        let store = context.host.store
        let location: SessionLocation
        do { location = try store.location(for: target) } catch { throw ShellError("cannot read \(target): \(error.message)") }
        // The open session itself is compared with its last save (its journal holds what changed since).
        let itself = location.key == context.persistence.place.location?.key
        let other = try context.readOnly(location, withJournal: !itself)
        let diff = SessionDiff(left: context.workspace.session, right: other)
        let here = context.persistence.place.location?.name ?? "untitled"
        let there = itself ? location.name + " (saved)" : location.name
        return diff.textLines(left: here, right: there).map { StyledLine($0) }
    }
}
