import ClaimDeskCore

/// `open NAME|PATH | open --journal FILE | open --find WORDS`: a saved session, a journal kept
/// aside (read-only), or the session the corpus index finds.
struct OpenCommand: ShellCommand {
    static let name = Positional("NAME", .sessionName, optional: true)
    static let journal = ValueFlag("--journal", value: "FILE", .path, "a journal file to look at (read-only)")
    static let find = ValueFlag("--find", value: "WORDS", .text, "open the session whose text holds these words (corpus index)")

    static let spec = CommandSpec(
        "open", group: CommandGroup.sessions,
        summary: "Open a saved session by name or path, or look at a journal kept aside",
        usage: "open NAME|PATH | open --journal FILE | open --find WORDS", example: "open harbor-talks",
        details: [
            "open --journal FILE opens, read-only, the session the journal sits beside with the journal's changes on it,",
            "each record as the journal left it; save NEWNAME keeps that as a session of its own.",
            "open --find WORDS searches the corpus index (corpus index builds it): one matching session opens,",
            "several are listed best first.",
        ],
        arguments: [name], flags: [journal, find])

    var target: String?
    var journal: String?
    var findWords: String?

    init(_ arguments: ParsedArguments) {
        target = arguments.text(Self.name)
        journal = arguments[Self.journal]
        findWords = arguments[Self.find]
    }

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        if let journal { return try context.openJournal(journal, session: target) }
        if let findWords { return try context.openFound(findWords) }
        guard let target else { throw ShellError("open needs a session: open NAME|PATH, or open --journal FILE") }
        return try context.open(target)
    }
}
