import ClaimDeskCore
import Foundation

/// `proposition add TEXT`: a statement actors take stances on.
struct PropositionAddCommand: ShellCommand {
    static let text = Positional("TEXT", .text, rest: true)

    static let spec = CommandSpec(
        "proposition add", group: CommandGroup.annotating,
        summary: "Add a proposition: a statement actors take stances on",
        usage: "proposition add TEXT", example: "proposition add The U.S. should answer the seizure with force",
        arguments: [text])

    var text: String

    init(_ arguments: ParsedArguments) throws(ShellError) {
        text = try arguments.required(Self.text).trimmingCharacters(in: .whitespaces)
    }

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        let session = context.workspace.session
        if let same = session.propositions.values.first(where: { $0.text.caseInsensitiveCompare(text) == .orderedSame }) {
            throw ShellError("this proposition exists already as \(same.id); take stances on it with stance HOLDER LABEL \(same.id)")
        }
        let proposition = Proposition(id: session.nextID(.proposition), text: text, author: context.workspace.analyst,
                                      created: context.workspace.now)
        try context.commit("proposition add \(proposition.id)", [Change.Edit(before: nil, after: .proposition(proposition))])
        return [StyledLine(proposition.id.rawValue, .id) + StyledLine("  proposition: \(text)")]
    }
}
