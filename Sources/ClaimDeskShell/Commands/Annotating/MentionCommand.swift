import ClaimDeskCore

/// `mention SEL SOURCE`: a span that names a source.
struct MentionCommand: ShellCommand {
    static let selection = Positional("SEL", .selection)
    static let source = Positional("SOURCE", .source, rest: true)

    static let spec = CommandSpec(
        "mention", group: CommandGroup.annotating,
        summary: "Mark a span that names a source",
        usage: "mention SEL SOURCE", example: "mention \"Marsh\"#1 Marsh",
        details: ["An unknown SOURCE is created on the spot (kind other), with a notice."],
        arguments: [selection, source])

    /// The selection as typed.
    var selection: String
    var source: String

    init(_ arguments: ParsedArguments) throws(ShellError) {
        selection = try arguments.requiredRaw(Self.selection)
        source = try arguments.required(Self.source)
    }

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        let fragments = try context.fragments(selection)
        var created: [Source] = []
        var notices: [StyledLine] = []
        let sourceID = try context.source(source, creating: &created, notices: &notices)
        let session = context.workspace.session
        if let same = session.mentions(onFragments: fragments).first(where: { $0.source == sourceID }) {
            throw ShellError("\(same.id) already marks this span as a mention of \(context.sourceName(sourceID)); show \(same.id) shows it")
        }
        guard let first = fragments.first else { throw ShellError("the selection names no text; give a sentence, a quote or @START-END") }
        var mention = Mention(id: session.nextID(.mention), anchor: first, source: sourceID,
                              author: context.workspace.analyst, created: context.workspace.now)
        mention.fragments = fragments
        let edits = created.map { Change.Edit(before: nil, after: .source($0)) } + [Change.Edit(before: nil, after: .mention(mention))]
        try context.commit("mention \(mention.id)", edits)
        var line = StyledLine(mention.id.rawValue, .id) + StyledLine("  mention of \(context.sourceName(sourceID)): ")
        line.appendIsolated(quoted(mention.spanText), .span(.mention))
        return notices + [line]
    }
}
