import ClaimDeskCore

/// `list [TYPE] [filters]`: annotations, filtered by type, source, tag, label, span or review.
struct ListCommand: ShellCommand {
    static let types = ["claims", "sources", "mentions", "stances", "propositions", "relations"]
    static let type = Positional("TYPE", .choice(types), optional: true)
    static let status = ValueFlag("--status", value: "STATUS", .choice(CommandCatalog.reviewStates),
                             "only those open, accepted, rejected, or changed (text moved, not yet reviewed)")
    static let author = ValueFlag("--author", value: "NAME", .text, "only those made by this analyst (or merged from them)")

    static let spec = CommandSpec(
        "list", group: CommandGroup.annotating,
        summary: "List annotations, filtered by type, source, tag, label or span",
        usage: "list [claims|sources|mentions|stances|propositions|relations] [--by S] [--tag T] [--label L] [--in SEL] [--orphaned] [--status STATUS] [--author NAME] [--changed]",
        example: "list claims --by Reyes",
        details: [
            "Without a type lists every annotation of the session, grouped by type.",
            "--by matches the claimant, the via chain, a mention's source or a stance's holder.",
            "--label matches a claim's kind or verdict, a stance's label, a source's kind, a relation's type.",
        ],
        arguments: [type],
        flags: [ListFilterWords.by, ListFilterWords.tag, ListFilterWords.label, ListFilterWords.within, ListFilterWords.orphaned,
                status, author, ListFilterWords.changed])

    var type: String?
    var filter: ListFilterWords

    init(_ arguments: ParsedArguments) {
        type = arguments.text(Self.type)?.lowercased()
        filter = ListFilterWords(arguments, status: Self.status, author: Self.author)
    }

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        let session = context.workspace.session
        if let type, !Self.types.contains(type) {
            let hint = Suggestion.closest(to: type, in: Self.types).map { "did you mean \($0)? " } ?? ""
            throw ShellError("cannot list \(type); \(hint)choose \(Self.types.joined(separator: ", "))")
        }
        let filter = try context.listFilter(filter)
        var lines: [StyledLine] = []
        func section<T>(_ name: String, _ items: [T], _ line: (T) -> StyledLine) {
            guard !items.isEmpty else { return }
            if type == nil { lines.append(StyledLine("\(name) (\(items.count))", .heading)) }
            lines += items.map(line)
        }
        let wants = { (name: String) in type == nil || type == name }
        // With a tag or a source, only the annotations the session's index gives can match:
        // the others are never read, so the answer costs what it prints.
        let narrowed: [AnnotationID]? = if let tag = filter.tag {
            session.annotations(taggedWith: tag)
        } else if let source = filter.source {
            session.uses(ofSource: source) + [source]
        } else {
            nil
        }
        func candidates<T>(_ kind: AnnotationKind, _ ordered: [T], _ byID: [AnnotationID: T]) -> [T] {
            guard let narrowed else { return ordered }
            return narrowed.filter { $0.kind == kind }.compactMap { byID[$0] }
        }
        if type == "sources" {
            // A table like `sources`, its columns lined up across the rows.
            let sources = candidates(.source, session.orderedSources, session.sources).filter { filter.matches($0, in: session) }
            lines += SourceTable(sources.map(context.sourceRow)).lines()
        }
        if wants("claims") {
            section("claims", candidates(.claim, session.orderedClaims, session.claims).filter { filter.matches($0) }, context.claimLine)
        }
        if wants("mentions") {
            section("mentions", candidates(.mention, session.orderedMentions, session.mentions).filter { filter.matches($0) },
                    context.mentionLine)
        }
        if wants("stances") {
            section("stances", candidates(.stance, session.orderedStances, session.stances).filter { filter.matches($0) },
                    context.stanceLine)
        }
        if wants("propositions") {
            section("propositions", candidates(.proposition, session.orderedPropositions, session.propositions)
                .filter { filter.matches($0) }, context.propositionLine)
        }
        if wants("relations") {
            section("relations", candidates(.relation, session.orderedRelations, session.relations)
                .filter { filter.matches($0) }, context.relationLine)
        }
        if lines.isEmpty {
            return [StyledLine(filter.isEmpty ? "no \(type ?? "annotations") yet" : "no \(type ?? "annotations") match")]
        }
        return lines
    }
}
