import ClaimDeskCore
import Foundation

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
        let typed = id
        let id = AnnotationID(typed)
        if id.kind == .note { return try context.removeNote(id) }
        let target = try context.existing(typed, kinds: CommandCatalog.taggable)
        let session = context.workspace.session
        if target.kind == .source {
            let users = session.uses(ofSource: target)
            if !users.isEmpty {
                let shown = users.prefix(6).map(\.rawValue).joined(separator: ", ") + (users.count > 6 ? ", …" : "")
                throw ShellError("\(target) is still used by \(shown); remove those or point them at another source first")
            }
        }
        // Everything that points at what goes, transitively.
        var doomed: [AnnotationID] = [target]
        var index = 0
        while index < doomed.count {
            for dependent in session.dependents(of: doomed[index]) where !doomed.contains(dependent) {
                doomed.append(dependent)
            }
            index += 1
        }
        let edits = doomed.reversed().compactMap { id in session.record(id).map { Change.Edit(before: $0, after: nil) } }
        try context.commit("rm \(target)", edits)
        var line = StyledLine("Removed ") + StyledLine(target.rawValue, .id)
        if doomed.count > 1 {
            line.append(" and what pointed at it: " + doomed.dropFirst().map(\.rawValue).joined(separator: ", "))
        }
        return [line]
    }
}
