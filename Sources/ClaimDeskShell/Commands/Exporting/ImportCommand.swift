import ClaimDeskCore

/// `import w3c|brat PATH [--map MAP.json]`: annotations from another tool, anchored on the session's articles.
struct ImportCommand: ShellCommand {
    static let formats = ["w3c", "brat"]
    static let format = Positional("FORMAT", .choice(formats))
    static let path = Positional("PATH", .path)
    static let map = ValueFlag("--map", value: "MAP.json", .path, "brat: how the corpus's types become claims, mentions and attributions")

    static let spec = CommandSpec(
        "import", group: CommandGroup.exporting,
        summary: "Import W3C annotations (a .jsonld/.json file) or a brat folder into the session",
        usage: "import w3c|brat PATH [--map MAP.json]", example: "import w3c exports/harbor.w3c.jsonld",
        details: [
            "Spans are anchored on the article whose text the file names, else on the active article,",
            "by position when the text there is the quote, else by the quote and its context.",
            "What cannot be anchored is listed; the rest comes in as one change that undo reverses.",
            "brat --map MAP.json reads another project's types: the map names the entity types that are claims,",
            "mentions (with their sources' kind) and cues, and the events or relations that attribute a claim.",
        ],
        arguments: [format, path], flags: [map])

    var format: String
    var path: String
    var map: String?

    init(_ arguments: ParsedArguments) throws(ShellError) {
        format = try arguments.required(Self.format)
        path = try arguments.required(Self.path)
        map = arguments[Self.map]
    }

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        try context.importAnnotations(format, from: path, map: map)
    }
}
