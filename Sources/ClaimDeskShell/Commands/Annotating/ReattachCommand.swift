import ClaimDeskCore
import Foundation

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
        let typed = id
        let raw = selection
        let id = try context.existing(typed, kinds: [.claim, .mention, .stance])
        let before = try context.stored(id)
        let after: Record
        let shown: String
        switch before {
        case .claim(var claim):
            try reattach(&claim, in: context)
            after = .claim(claim)
            shown = claim.spanText
        case .mention(var mention):
            try reattach(&mention, in: context)
            after = .mention(mention)
            shown = mention.spanText
        case .stance(var stance):
            guard let index = stance.evidence.firstIndex(where: \.isOrphaned) else { throw context.notOrphaned(id) }
            let anchor = try context.anchor(raw, for: "a piece of evidence")
            stance.evidence[index] = anchor
            stance.modified = context.workspace.now
            after = .stance(stance)
            shown = anchor.exact
        default:
            throw ShellError("\(id) has no span to reattach")
        }
        try context.commit("reattach \(id)", [Change.Edit(before: before, after: CommandContext.withTextChange(after, old: CommandContext.orphanedQuote(before),
                                                                                     new: shown, how: "reattached", at: context.workspace.now))])
        return [StyledLine(id.rawValue, .id) + StyledLine("  reattached to " + quoted(shown, limit: 100))]
    }

    /// Puts an orphaned claim or mention on the selection's fragments.
    private func reattach(_ item: inout some Annotation & FragmentedSpan, in context: CommandContext) throws(ShellError) {
        guard item.fragments.contains(where: \.isOrphaned) else { throw context.notOrphaned(item.id) }
        item.fragments = try context.fragments(selection)
        item.modified = context.workspace.now
    }
}
