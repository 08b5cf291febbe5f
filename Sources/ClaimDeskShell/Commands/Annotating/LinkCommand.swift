import ClaimDeskCore

/// `link ID RELATION ID`: a relation between two annotations.
struct LinkCommand: ShellCommand {
    static let linkable: [AnnotationKind] = [.claim, .mention, .proposition, .stance]
    static let from = Positional("ID", .id(linkable), key: "from")
    static let relation = Positional("RELATION", .label(.relationType))
    static let to = Positional("ID", .id(linkable), key: "to")

    static let spec = CommandSpec(
        "link", group: CommandGroup.annotating,
        summary: "Relate two annotations",
        usage: "link ID RELATION ID", example: "link c3 supports c1",
        arguments: [from, relation, to])

    var from: String
    var relation: String
    var to: String

    init(_ arguments: ParsedArguments) throws(ShellError) {
        from = try arguments.required(Self.from)
        relation = try arguments.required(Self.relation)
        to = try arguments.required(Self.to)
    }

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        let from = try context.existing(from, kinds: Self.linkable)
        let type = try context.label(relation, .relationType)
        let to = try context.existing(to, kinds: Self.linkable)
        guard from != to else { throw ShellError("an annotation cannot be linked to itself") }
        let session = context.workspace.session
        if let same = session.relations.values.first(where: { $0.from == from && $0.to == to && $0.type == type }) {
            throw ShellError("\(from) \(type) \(to) exists already as \(same.id)")
        }
        let relation = Relation(id: session.nextID(.relation), from: from, type: type, to: to,
                                author: context.workspace.analyst, created: context.workspace.now)
        try context.commit("link \(relation.id)", [Change.Edit(before: nil, after: .relation(relation))])
        return [StyledLine(relation.id.rawValue, .id) + StyledLine("  \(from) ") + StyledLine(type, .label) + StyledLine(" \(to)")]
    }
}
