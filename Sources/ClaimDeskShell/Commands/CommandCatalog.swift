import ClaimDeskCore

/// Every shell command type, in the order `help` lists them; their specs, derived from the types.
///
/// Parsing, `help`, completion, the manual page and the test on `docs/commands.md` read this list:
/// adding a command is writing its type and naming it here.
public enum CommandCatalog {
    static let commands: [any ShellCommand.Type] = [
        // Articles and reading
        LoadCommand.self, ArticlesCommand.self, UseCommand.self, ShowCommand.self, FindCommand.self, RebaseCommand.self,
        // Annotating
        SourceAddCommand.self, SourcesCommand.self, SourcesExportCommand.self, SourcesImportCommand.self, MentionCommand.self, ClaimCommand.self, PropositionAddCommand.self,
        StanceCommand.self, LinkCommand.self, TagCommand.self, UntagCommand.self, NoteCommand.self, SetCommand.self,
        RemoveCommand.self, ReattachCommand.self, ListCommand.self,
        // Sessions
        UndoCommand.self, RedoCommand.self, SaveCommand.self, OpenCommand.self, SessionsCommand.self, StatusCommand.self,
        TaxonomyCommand.self, TaxonomyLoadCommand.self,
        // Reviewing
        ReviewCommand.self, AcceptCommand.self, RejectCommand.self, SuggestCommand.self, SuggestWalkCommand.self, ReopenCommand.self, DiffCommand.self,
        CurateCommand.self, ResolveCommand.self,
        // Exporting and importing
        ExportCommand.self, ImportCommand.self,
        // The corpus: every saved session, through the index
        CorpusIndexCommand.self, CorpusQueryCommand.self, CorpusSourcesCommand.self,
        // The shell
        HelpCommand.self, QuitCommand.self,
    ]

    /// Every command's spec, in help order.
    public static let all: [CommandSpec] = commands.map { $0.spec }

    static let taggable: [AnnotationKind] = [.claim, .mention, .source, .proposition, .stance, .relation]
    static let reviewStates = ["open", "accepted", "rejected", "changed"]
    static let reviewableKinds: [AnnotationKind] = [.claim, .mention, .stance, .relation]

    /// Words accepted in place of a command's own name.
    public static let aliases: [String: CommandName] = ["exit": "quit", "?": "help", "ls": "list"]

    /// Every name a user may type first: command words and aliases.
    public static var firstWords: [String] {
        var words: [String] = []
        for spec in all where !words.contains(spec.words[0]) { words.append(spec.words[0]) }
        return words + aliases.keys.sorted()
    }

    /// The command a line starts with: the longest match of its first words.
    public static func match(_ tokens: [Token]) -> (spec: CommandSpec, consumed: Int)? {
        matchCommand(tokens).map { ($0.type.spec, $0.consumed) }
    }

    /// The command type a line starts with, and how many of its tokens name it.
    static func matchCommand(_ tokens: [Token]) -> (type: any ShellCommand.Type, consumed: Int)? {
        guard let first = tokens.first?.value.lowercased() else { return nil }
        if tokens.count >= 2 {
            let two = first + " " + tokens[1].value.lowercased()
            if let type = command(named: two) { return (type, 2) }
        }
        if let type = command(named: first) { return (type, 1) }
        if let alias = aliases[first], let type = command(named: alias.rawValue) { return (type, 1) }
        return nil
    }

    private static func command(named name: String) -> (any ShellCommand.Type)? {
        guard let index = all.firstIndex(where: { $0.name.rawValue == name }) else { return nil }
        return commands[index]
    }
}
