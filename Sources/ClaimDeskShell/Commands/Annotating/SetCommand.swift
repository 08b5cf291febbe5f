import ClaimDeskCore

/// `set ID FIELD VALUE`: one field of an annotation, source, article or the session.
struct SetCommand: ShellCommand {
    static let id = Positional("ID", .id(CommandCatalog.taggable + [.article]))
    static let field = Positional("FIELD", .text)
    static let value = Positional("VALUE", .text, rest: true)

    static let spec = CommandSpec(
        "set", group: CommandGroup.annotating,
        summary: "Change one field of an annotation, source or the session",
        usage: "set ID FIELD VALUE", example: "set c1 verdict misleading",
        details: [
            "Claims: span, by, via (comma-separated, or none), cue (a selection, or none), kind, verdict, check-worthy.",
            "Sources: name, kind, aliases (comma-separated), role. Mentions: span, source.",
            "Stances: holder, label, target. Propositions: text. Relations: type.",
            "Session: set session organization|organization-url|base-url VALUE.",
            "Articles: title, url, published, modified (2020-03-23 or March 23, 2020), outlet (a source, made an outlet),",
            "byline (comma-separated names), language (en, en-US); none clears a field.",
        ],
        arguments: [id, field, value])

    var id: String
    var field: String
    var value: String
    /// The value as typed, for fields that take a selection (span, cue).
    var rawValue: String

    init(_ arguments: ParsedArguments) throws(ShellError) {
        id = try arguments.required(Self.id)
        field = try arguments.required(Self.field)
        value = try arguments.required(Self.value)
        rawValue = try arguments.requiredRaw(Self.value)
    }

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        try context.set(id, field: field, value: value, rawValue: rawValue)
    }
}
