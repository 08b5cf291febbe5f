import ClaimDeskCore

/// `tag ID TAG...` and `untag ID TAG...`: one family, told apart by ``adding``.
protocol TaggingCommand: ShellCommand {
    /// Whether the command adds tags (`tag`) or removes them (`untag`).
    static var adding: Bool { get }
    var id: String { get }
    var tags: [String] { get }
    init(id: String, tags: [String])
}

extension TaggingCommand {
    static var idArgument: Positional { Positional("ID", .id(CommandCatalog.taggable)) }
    static var tagArgument: Positional { Positional("TAG", .tag, rest: true) }

    init(_ arguments: ParsedArguments) throws(ShellError) {
        self.init(id: try arguments.required(Self.idArgument), tags: arguments.words(Self.tagArgument))
    }

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        let adding = Self.adding
        let id = try context.existing(id, kinds: CommandCatalog.taggable)
        let tags = try context.tagWords(tags)
        let before = try context.stored(id)
        var changed: [String] = []
        let after = try context.modify(before) { (item: inout any Annotation) throws(ShellError) in
            if adding {
                changed = item.addTags(tags)
                if changed.isEmpty { throw ShellError("\(id) already has \(tags.count == 1 ? "that tag" : "those tags")") }
            } else {
                changed = item.removeTags(tags)
                if changed.isEmpty {
                    throw ShellError("\(id) has no tag \(tags.joined(separator: ", ")); its tags: \(item.tags.isEmpty ? "none" : item.tags.joined(separator: ", "))")
                }
            }
        }
        try context.commit("\(adding ? "tag" : "untag") \(id)", [Change.Edit(before: before, after: after)])
        return [StyledLine(id.rawValue, .id) + StyledLine(adding ? "  tagged " : "  untagged ")
                + StyledLine(changed.joined(separator: ", "), .label)]
    }
}

/// `tag ID TAG...`: adds tags to an annotation or source.
struct TagCommand: TaggingCommand {
    static let adding = true
    static let spec = CommandSpec(
        "tag", group: CommandGroup.annotating,
        summary: "Add tags to an annotation or source",
        usage: "tag ID TAG...", example: "tag c1 disputed escalation",
        arguments: [idArgument, tagArgument])

    var id: String
    var tags: [String]
}

/// `untag ID TAG...`: removes tags from an annotation or source.
struct UntagCommand: TaggingCommand {
    static let adding = false
    static let spec = CommandSpec(
        "untag", group: CommandGroup.annotating,
        summary: "Remove tags from an annotation or source",
        usage: "untag ID TAG...", example: "untag c1 disputed",
        arguments: [idArgument, tagArgument])

    var id: String
    var tags: [String]
}
