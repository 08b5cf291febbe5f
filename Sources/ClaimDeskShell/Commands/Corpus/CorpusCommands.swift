import ClaimDeskCore

/// `corpus index`: builds or refreshes the index of every saved session.
struct CorpusIndexCommand: ArgumentlessCommand {
    static let spec = CommandSpec(
        "corpus index", group: CommandGroup.corpus,
        summary: "Build or refresh the index of every saved session, for corpus query",
        details: ["Reads only sessions whose files changed since the last refresh; the same as claimdesk index."])

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        guard case .refreshed(let report) = try context.askCorpus(.refresh) else { return [] }
        return [StyledLine(report.summary)] + (report.notices + report.skipLines).map { StyledLine($0, .warning) }
    }
}

/// `corpus query [TYPE] [filters]` and `corpus query --sql …`: the index asked across sessions.
struct CorpusQueryCommand: ShellCommand {
    static let subjects = CorpusQuery.Subject.allCases.map(\.rawValue)
    static let subject = Positional("TYPE", .choice(subjects), optional: true)
    static let sql = ValueFlag("--sql", value: "SQL", .text, "one read-only SQL statement over the index's views")

    static let spec = CommandSpec(
        "corpus query", group: CommandGroup.corpus,
        summary: "Ask the corpus index: claims, sources or stances across every saved session",
        usage: "corpus query [claims|sources|stances] [--by S] [--via S] [--source-kind K] [--kind K] [--verdict V] [--tag T] "
            + "[--status S] [--author NAME] [--since DATE] [--until DATE] [--text WORDS] [--session NAME] [--limit N] "
            + "[--format table|json|jsonl|csv] | corpus query --sql 'SELECT …'",
        example: "corpus query --by Reyes --verdict misleading",
        details: [
            "The same filters as claimdesk query; all must hold. --since and --until compare the article's published day.",
            "--sql runs one read-only statement over the views of docs/corpus.md. The index answers as of its last refresh.",
        ],
        arguments: [subject], flags: CorpusFilterFlags.all + [CorpusFilterFlags.format, sql])

    var subject: String?
    var filters: CorpusFilterFlags.Values
    /// Whether any filter flag was given (`--sql` takes none).
    var filtered: Bool
    var format: String?
    var sql: String?

    init(_ arguments: ParsedArguments) {
        subject = arguments.text(Self.subject)
        filters = CorpusFilterFlags.Values(arguments)
        filtered = CorpusFilterFlags.all.contains { arguments.isGiven($0) }
        format = arguments[CorpusFilterFlags.format]
        sql = arguments[Self.sql]
    }

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        let format = try CorpusFilterFlags.format(format)
        if let sql {
            guard !filtered, subject == nil else {
                throw ShellError("--sql takes no type or filters; put them in the WHERE clause")
            }
            return try context.corpusTable(.sql(sql), format: format)
        }
        var subject = CorpusQuery.Subject.claims
        if let word = self.subject?.lowercased() {
            guard let chosen = CorpusQuery.Subject(rawValue: word) else {
                let hint = Suggestion.closest(to: word, in: Self.subjects).map { "did you mean \($0)? " } ?? ""
                throw ShellError("cannot query \(word); \(hint)choose \(Self.subjects.joined(separator: ", "))")
            }
            subject = chosen
        }
        return try context.corpusTable(.query(try filters.query(subject)), format: format)
    }
}

/// `corpus sources [filters]`: one row per source across sessions.
struct CorpusSourcesCommand: ShellCommand {
    static let spec = CommandSpec(
        "corpus sources", group: CommandGroup.corpus,
        summary: "Per source across every saved session: claims, carriers, verdicts, stances",
        usage: "corpus sources [--by S] [--source-kind K] [--tag T] [--status S] [--author NAME] [--text WORDS] "
            + "[--session NAME] [--limit N] [--format table|json|jsonl|csv]",
        example: "corpus sources --source-kind official",
        details: ["Sources with the same name in different sessions are one; the same as claimdesk sources --across."],
        flags: [CorpusFilterFlags.by, CorpusFilterFlags.sourceKind, CorpusFilterFlags.tag, CorpusFilterFlags.status,
                CorpusFilterFlags.author, CorpusFilterFlags.text, CorpusFilterFlags.session, CorpusFilterFlags.limit,
                CorpusFilterFlags.format])

    var filters: CorpusFilterFlags.Values
    var format: String?

    init(_ arguments: ParsedArguments) {
        filters = CorpusFilterFlags.Values(arguments)
        format = arguments[CorpusFilterFlags.format]
    }

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        try context.corpusTable(.sourcesAcross(try filters.query(.sources)), format: try CorpusFilterFlags.format(format))
    }
}
