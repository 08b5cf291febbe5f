import ClaimDeskCore

/// `source add NAME [--kind K] [--alias A]... [--role TEXT]`: a new source in the registry.
struct SourceAddCommand: ShellCommand {
    static let name = Positional("NAME", .text, rest: true)
    static let kind = ValueFlag("--kind", value: "K", .label(.sourceKind), "what kind of source (taxonomy source kinds)")
    static let alias = RepeatedFlag("--alias", value: "A", .text, "another name it goes by")
    static let role = ValueFlag("--role", value: "TEXT", .text, "role or affiliation")

    static let spec = CommandSpec(
        "source add", group: CommandGroup.annotating,
        summary: "Add a source to the session's registry",
        usage: "source add NAME [--kind K] [--alias A]... [--role TEXT]",
        example: "source add \"Helen R. Marsh\" --kind official --alias Marsh --role \"Secretary of State\"",
        details: ["Several words without quotes make one name: source add The New York Times --kind outlet"],
        arguments: [name], flags: [kind, alias, role])

    var name: String
    var kind: String?
    var aliases: [String]
    var role: String?

    init(_ arguments: ParsedArguments) throws(ShellError) {
        name = try arguments.required(Self.name).trimmingCharacters(in: .whitespaces)
        kind = arguments[Self.kind]
        aliases = arguments[Self.alias].map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        role = arguments[Self.role]
    }

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        let name = context.articleSpelling(name)
        let session = context.workspace.session
        if case .found(let existing) = session.lookupSource(name),
           existing.allNames.contains(where: { Session.sameSourceName($0, name) }) {
            throw ShellError("there is already a source \"\(existing.name)\" (\(existing.id)); change it with set \(existing.id) FIELD VALUE")
        }
        let kind = try context.label(
            kind ?? session.taxonomy.labels(.sourceKind).last ?? session.taxonomy.fallbackLabel(.sourceKind), .sourceKind)
        for alias in aliases {
            if case .found(let other) = session.lookupSource(alias),
               other.allNames.contains(where: { Session.sameSourceName($0, alias) }) {
                throw ShellError("the alias \"\(alias)\" already names \(other.id) \"\(other.name)\"; choose another")
            }
        }
        var source = Source(id: session.nextID(.source), name: name, kind: kind, aliases: aliases,
                            role: role, author: context.workspace.analyst, created: context.workspace.now)
        source.aliases = aliases
        try context.commit("source add \(name)", [Change.Edit(before: nil, after: .source(source))])
        var line = StyledLine("Added source ") + StyledLine(source.id.rawValue, .id) + StyledLine(" ")
        line.appendIsolated("\"\(name)\"")
        line.append(" (\(kind))")
        return [line]
    }
}

/// `sources`: the registry as a table.
struct SourcesCommand: ArgumentlessCommand {
    static let spec = CommandSpec(
        "sources", group: CommandGroup.annotating,
        summary: "List the source registry with kinds, aliases and use counts")

    func run(in context: CommandContext) -> [StyledLine] {
        let all = context.workspace.session.orderedSources
        guard !all.isEmpty else { return ["no sources yet; add one with source add NAME --kind K"] }
        return SourceTable(all.map(context.sourceRow)).lines()
    }
}
