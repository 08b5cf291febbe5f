import ClaimDeskCore

/// The table of shell commands, in the order `help` lists them.
public enum CommandCatalog {
    public static let all: [CommandSpec] = [
        // Articles and reading
        CommandSpec(
            name: .load, group: "Articles and reading",
            summary: "Load an article (.txt, .md, a saved web page or an http(s) URL) and make it active",
            usage: "load PATH|URL", example: "load docs/examples/harbor-talks.txt",
            details: [
                "A web page (.html, or a URL) gives its story's text with its headline, byline, dates, outlet and URL.",
                "`load -` reads the article from standard input (batch mode only).",
            ],
            arguments: [ArgumentSpec("PATH", .path)], flags: []),
        CommandSpec(
            name: .articles, group: "Articles and reading",
            summary: "List the session's articles; * marks the active one",
            usage: "articles", example: "articles", details: [], arguments: [], flags: []),
        CommandSpec(
            name: .use, group: "Articles and reading",
            summary: "Switch the active article",
            usage: "use N|ARTICLE", example: "use 2", details: ["N is the number `articles` shows; a2 works too."],
            arguments: [ArgumentSpec("N", .id([.article]))], flags: []),
        CommandSpec(
            name: .show, group: "Articles and reading",
            summary: "Show the article, part of it, or one annotation",
            usage: "show [SEL|ID]", example: "show s4-s6",
            details: [
                "With no argument shows the whole active article, one sentence per line under its paragraph.",
                "Annotated spans appear as {text}ID; with an annotation id, shows that annotation in full.",
            ],
            arguments: [ArgumentSpec("SEL", .selection, optional: true)], flags: []),
        CommandSpec(
            name: .find, group: "Articles and reading",
            summary: "Find words or a /regex/ in the active article",
            usage: "find WORDS | find /REGEX/[i]", example: "find O'Keefe",
            details: [
                "Words match case-insensitively; typed and typographic quotes and runs of white space are equal.",
                "A /regex/ is case-sensitive unless followed by i.",
            ],
            arguments: [ArgumentSpec("WORDS", .text, rest: true)], flags: [], readsWholeLine: true),

        CommandSpec(
            name: .rebase, group: "Articles and reading",
            summary: "Load a new version of an article and move its annotations onto it",
            usage: "rebase [ARTICLE] FILE", example: "rebase a1 harbor-talks-corrected.txt",
            details: [
                "Every claim, mention and stance evidence on the article is found again in the new text: exactly where it was,",
                "moved, or fuzzily after edits; what cannot be found safely is orphaned, never guessed (list --orphaned).",
                "The old version's hash is kept in the article's revisions; undo undoes the whole rebase.",
            ],
            arguments: [ArgumentSpec("ARTICLE", .id([.article]), optional: true), ArgumentSpec("FILE", .path)], flags: []),

        // Annotating
        CommandSpec(
            name: .sourceAdd, group: "Annotating",
            summary: "Add a source to the session's registry",
            usage: "source add NAME [--kind K] [--alias A]... [--role TEXT]",
            example: "source add \"Helen R. Marsh\" --kind official --alias Marsh --role \"Secretary of State\"",
            details: ["Several words without quotes make one name: source add The New York Times --kind outlet"],
            arguments: [ArgumentSpec("NAME", .text, rest: true)],
            flags: [
                FlagSpec("--kind", value: "K", .label(.sourceKind), "what kind of source (taxonomy source kinds)"),
                FlagSpec("--alias", value: "A", .text, repeatable: true, "another name it goes by"),
                FlagSpec("--role", value: "TEXT", .text, "role or affiliation"),
            ]),
        CommandSpec(
            name: .sources, group: "Annotating",
            summary: "List the source registry with kinds, aliases and use counts",
            usage: "sources", example: "sources", details: [], arguments: [], flags: []),
        CommandSpec(
            name: .sourcesExport, group: "Annotating",
            summary: "Write the source registry (names, kinds, aliases, roles) to a file other sessions can import",
            usage: "sources export FILE.json", example: "sources export desk-sources.json",
            details: ["The file is JSON (format claimdesk.sources); it keeps no annotations, only who the sources are."],
            arguments: [ArgumentSpec("FILE", .path)], flags: []),
        CommandSpec(
            name: .sourcesImport, group: "Annotating",
            summary: "Add the sources of a registry file to this session's registry",
            usage: "sources import FILE.json", example: "sources import desk-sources.json",
            details: [
                "New names become sources; a name the session has already gains the file's aliases, and its kind and role where it has none.",
                "suggest then recognises the imported names and aliases (Pompeo as Secretary of State Mike Pompeo) and takes their kinds. One change: undo takes it back.",
            ],
            arguments: [ArgumentSpec("FILE", .path)], flags: []),
        CommandSpec(
            name: .mention, group: "Annotating",
            summary: "Mark a span that names a source",
            usage: "mention SEL SOURCE", example: "mention \"Marsh\"#1 Marsh",
            details: ["An unknown SOURCE is created on the spot (kind other), with a notice."],
            arguments: [ArgumentSpec("SEL", .selection), ArgumentSpec("SOURCE", .source, rest: true)], flags: []),
        CommandSpec(
            name: .claim, group: "Annotating",
            summary: "Mark a claim, who makes it and through whom it reached the reader",
            usage: "claim SEL [--by SOURCE] [--via SOURCE]... [--like CLAIM] [--cue SEL] [--kind K] [--verdict V] [--check-worthy yes|no] [--tag T]... [--note TEXT]",
            example: "claim s3 --by \"American officials\" --via \"The Daily Courier\" --via \"The Gulf Ledger\"",
            details: [
                "--via is ordered from the claimant outwards: the last --via is the outlet the reader saw.",
                "--cue marks the reporting words (\"said\", \"according to\") in the same article.",
                "--like c3 takes c3's claimant, chain, kind and tags, so a chain is typed once; --by, --via and --kind given too win.",
                "Unknown sources are created on the spot with a notice; a near-miss of a known name is refused.",
            ],
            arguments: [ArgumentSpec("SEL", .selection)],
            flags: [
                FlagSpec("--by", value: "SOURCE", .source, "who makes the claim"),
                FlagSpec("--via", value: "SOURCE", .source, repeatable: true, "who relays it, in order"),
                FlagSpec("--like", value: "CLAIM", .id([.claim]), "copy claimant, chain, kind and tags from this claim"),
                FlagSpec("--cue", value: "SEL", .selection, "the reporting words (said, according to)"),
                FlagSpec("--kind", value: "K", .label(.claimKind), "claim kind (default: the taxonomy's first)"),
                FlagSpec("--verdict", value: "V", .label(.verdict), "verdict (default: unverified)"),
                FlagSpec("--check-worthy", value: "yes|no", .choice(["yes", "no"]), "worth checking?"),
                FlagSpec("--tag", value: "T", .tag, repeatable: true, "a tag"),
                FlagSpec("--note", value: "TEXT", .text, "a note"),
            ]),
        CommandSpec(
            name: .propositionAdd, group: "Annotating",
            summary: "Add a proposition: a statement actors take stances on",
            usage: "proposition add TEXT", example: "proposition add The U.S. should answer the seizure with force",
            details: [], arguments: [ArgumentSpec("TEXT", .text, rest: true)], flags: []),
        CommandSpec(
            name: .stance, group: "Annotating",
            summary: "Record a source's stance towards a proposition or a claim",
            usage: "stance HOLDER LABEL TARGET [--evidence SEL]...", example: "stance Marsh favor pr1 --evidence s3",
            details: ["TARGET is a proposition (pr1) or a claim (c2)."],
            arguments: [
                ArgumentSpec("HOLDER", .source, rest: true), ArgumentSpec("LABEL", .label(.stanceLabel)),
                ArgumentSpec("TARGET", .id([.proposition, .claim])),
            ],
            flags: [FlagSpec("--evidence", value: "SEL", .selection, repeatable: true, "a span that shows the stance")]),
        CommandSpec(
            name: .link, group: "Annotating",
            summary: "Relate two annotations",
            usage: "link ID RELATION ID", example: "link c3 supports c1", details: [],
            arguments: [
                ArgumentSpec("ID", .id([.claim, .mention, .proposition, .stance])),
                ArgumentSpec("RELATION", .label(.relationType)),
                ArgumentSpec("ID", .id([.claim, .mention, .proposition, .stance])),
            ], flags: []),
        CommandSpec(
            name: .tag, group: "Annotating",
            summary: "Add tags to an annotation or source",
            usage: "tag ID TAG...", example: "tag c1 disputed escalation", details: [],
            arguments: [ArgumentSpec("ID", .id(taggable)), ArgumentSpec("TAG", .tag, rest: true)], flags: []),
        CommandSpec(
            name: .untag, group: "Annotating",
            summary: "Remove tags from an annotation or source",
            usage: "untag ID TAG...", example: "untag c1 disputed", details: [],
            arguments: [ArgumentSpec("ID", .id(taggable)), ArgumentSpec("TAG", .tag, rest: true)], flags: []),
        CommandSpec(
            name: .note, group: "Annotating",
            summary: "Attach a note to an annotation or source",
            usage: "note ID TEXT", example: "note c1 Check against the Ledger's copy",
            details: ["Remove a note with rm and its id (n1)."],
            arguments: [ArgumentSpec("ID", .id(taggable)), ArgumentSpec("TEXT", .text, rest: true)], flags: []),
        CommandSpec(
            name: .set, group: "Annotating",
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
            arguments: [
                ArgumentSpec("ID", .id(taggable + [.article])), ArgumentSpec("FIELD", .text),
                ArgumentSpec("VALUE", .text, rest: true),
            ], flags: []),
        CommandSpec(
            name: .rm, group: "Annotating",
            summary: "Remove an annotation, source or note",
            usage: "rm ID", example: "rm c4",
            details: ["Relations and stances that point at it go with it; a source still in use is refused."],
            arguments: [ArgumentSpec("ID", .id(taggable + [.note]))], flags: []),
        CommandSpec(
            name: .reattach, group: "Annotating",
            summary: "Put an orphaned annotation back on a span by hand",
            usage: "reattach ID SEL", example: "reattach c4 s9",
            details: ["For a stance, the first orphaned piece of evidence is put back."],
            arguments: [ArgumentSpec("ID", .id([.claim, .mention, .stance])), ArgumentSpec("SEL", .selection)], flags: []),
        CommandSpec(
            name: .list, group: "Annotating",
            summary: "List annotations, filtered by type, source, tag, label or span",
            usage: "list [claims|sources|mentions|stances|propositions|relations] [--by S] [--tag T] [--label L] [--in SEL] [--orphaned] [--status STATUS] [--author NAME] [--changed]",
            example: "list claims --by Reyes",
            details: [
                "Without a type lists every annotation of the session, grouped by type.",
                "--by matches the claimant, the via chain, a mention's source or a stance's holder.",
                "--label matches a claim's kind or verdict, a stance's label, a source's kind, a relation's type.",
            ],
            arguments: [ArgumentSpec("TYPE", .choice(listTypes), optional: true)],
            flags: [
                FlagSpec("--by", value: "S", .source, "only those of this source"),
                FlagSpec("--tag", value: "T", .tag, "only those with this tag"),
                FlagSpec("--label", value: "L", .text, "only those with this label"),
                FlagSpec("--in", value: "SEL", .selection, "only those overlapping this span"),
                FlagSpec("--orphaned", .text, "only those that lost their text in a new version of the article"),
                FlagSpec("--status", value: "STATUS", .choice(reviewStates), "only those open, accepted, rejected, or changed (text moved, not yet reviewed)"),
                FlagSpec("--author", value: "NAME", .text, "only those made by this analyst (or merged from them)"),
                FlagSpec("--changed", .text, "only those whose text re-anchoring changed"),
            ]),

        // Sessions
        CommandSpec(
            name: .undo, group: "Sessions",
            summary: "Undo the last change", usage: "undo", example: "undo", details: [], arguments: [], flags: []),
        CommandSpec(
            name: .redo, group: "Sessions",
            summary: "Redo the last undone change", usage: "redo", example: "redo", details: [], arguments: [], flags: []),
        CommandSpec(
            name: .save, group: "Sessions",
            summary: "Save the session (to sessions/NAME.json, or a path ending in .json)",
            usage: "save [NAME|PATH]", example: "save harbor-talks",
            details: ["With no argument saves where the session was opened or last saved."],
            arguments: [ArgumentSpec("NAME", .sessionName, optional: true)], flags: []),
        CommandSpec(
            name: .open, group: "Sessions",
            summary: "Open a saved session by name or path, or look at a journal kept aside",
            usage: "open NAME|PATH | open --journal FILE | open --find WORDS", example: "open harbor-talks",
            details: [
                "open --journal FILE opens, read-only, the session the journal sits beside with the journal's changes on it,",
                "each record as the journal left it; save NEWNAME keeps that as a session of its own.",
                "open --find WORDS searches the corpus index (corpus index builds it): one matching session opens,",
                "several are listed best first.",
            ],
            arguments: [ArgumentSpec("NAME", .sessionName, optional: true)],
            flags: [FlagSpec("--journal", value: "FILE", .path, "a journal file to look at (read-only)"),
                    FlagSpec("--find", value: "WORDS", .text, "open the session whose text holds these words (corpus index)")]),
        CommandSpec(
            name: .sessions, group: "Sessions",
            summary: "List saved sessions", usage: "sessions", example: "sessions", details: [], arguments: [], flags: []),
        CommandSpec(
            name: .status, group: "Sessions",
            summary: "Show the session's name, file, articles, counts and unsaved changes",
            usage: "status", example: "status", details: [], arguments: [], flags: []),
        CommandSpec(
            name: .taxonomy, group: "Sessions",
            summary: "Show the label sets this session uses",
            usage: "taxonomy", example: "taxonomy", details: [], arguments: [], flags: []),
        CommandSpec(
            name: .taxonomyLoad, group: "Sessions",
            summary: "Replace the session's label sets with those of a JSON file",
            usage: "taxonomy load FILE.json", example: "taxonomy load docs/examples/taxonomy.json",
            details: ["The file has the keys sourceKinds, claimKinds, verdicts, stanceLabels, relationTypes; missing keys keep their labels."],
            arguments: [ArgumentSpec("FILE", .path)], flags: []),

        // Reviewing
        CommandSpec(
            name: .review, group: "Reviewing",
            summary: "Walk the open annotations one by one, in reading order, and decide on each",
            usage: "review [--by S] [--tag T] [--label L] [--author NAME] [--status STATUS] [--changed]",
            example: "review --by Reyes",
            details: [
                "Keys: a accept, r reject (asks a reason), c comment, e run a command on it (set verdict false, tag disputed…),",
                "n next, p previous, q leave. Each decision is one change (undo reverses it) with your name and the time.",
                "Without --status walks the open ones; in a script lists them (use accept and reject there).",
            ],
            arguments: [],
            flags: [
                FlagSpec("--by", value: "S", .source, "only those of this source"),
                FlagSpec("--tag", value: "T", .tag, "only those with this tag"),
                FlagSpec("--label", value: "L", .text, "only those with this label"),
                FlagSpec("--author", value: "NAME", .text, "only those made by this analyst"),
                FlagSpec("--status", value: "STATUS", .choice(reviewStates), "open (default), accepted, rejected or changed"),
                FlagSpec("--changed", .text, "only those whose text re-anchoring changed"),
            ]),
        CommandSpec(
            name: .accept, group: "Reviewing",
            summary: "Accept annotations after review",
            usage: "accept ID... [--comment TEXT]", example: "accept c1 c3 st2",
            details: ["Records you as reviewer with the time; show ID lists every decision; undo reverses all of them at once.",
                      "accept g1 g3 or accept all [--min N] (suggestion ids, from suggest): makes each suggestion a claim with its claimant and chain, and mentions of its sources; new sources get a kind guessed from the name (said in a notice)."],
            arguments: [ArgumentSpec("ID", .id(reviewableKinds), rest: true)],
            flags: [FlagSpec("--comment", value: "TEXT", .text, "a comment kept with the decision"),
                    FlagSpec("--min", value: "N", .number, "with all: only suggestions of at least this confidence (0 to 1)")]),
        CommandSpec(
            name: .reject, group: "Reviewing",
            summary: "Reject annotations, with the reason",
            usage: "reject ID... --reason TEXT", example: "reject c4 --reason the quote is the reporter's, not Reyes's",
            details: ["A rejected annotation stays in the session (list --status rejected) and is left out of ClaimReview exports.",
                      "reject g2 (a suggestion id, from suggest): records them as not a claim, so suggest does not offer them again; no --reason needed."],
            arguments: [ArgumentSpec("ID", .id(reviewableKinds), rest: true)],
            flags: [FlagSpec("--reason", value: "TEXT", .text, "why it is rejected (required)")]),
        CommandSpec(
            name: .suggest, group: "Reviewing",
            summary: "Suggest attributions (claims, sources, cues, chains) in the active article",
            usage: "suggest [SEL]", example: "suggest p3",
            details: [
                "Lists what quotes, reporting verbs, titles and outlets signal: g1, g2 … with a confidence (0 to 1), the rule that fired, claimant and chain, the content, then the cue and source words.",
                "Ids stay the same while the article's text is unchanged. accept g1 g3 or accept all --min 0.8 makes claims; reject g2 marks a suggestion not a claim.",
                "Already claimed or rejected suggestions are not listed. docs/suggestions.md describes the rules.",
            ],
            arguments: [ArgumentSpec("SEL", .selection, optional: true)], flags: []),
        CommandSpec(
            name: .suggestWalk, group: "Reviewing",
            summary: "Walk the open suggestions one by one and take or dismiss each with a key",
            usage: "suggest walk [SEL]", example: "suggest walk p3",
            details: [
                "Shows each open suggestion in its sentences, content marked, then its line as suggest prints it.",
                "Keys: a accept (makes the claim, as accept g3), e accept then correct it with a command (set by Marsh),",
                "r reject (not a claim), s or Enter skip, p previous, q leave.",
                "Each decision is one change (undo reverses it). In a script, lists the suggestions as suggest does.",
            ],
            arguments: [ArgumentSpec("SEL", .selection, optional: true)], flags: []),
        CommandSpec(
            name: .reopen, group: "Reviewing",
            summary: "Set annotations back to open, for another look",
            usage: "reopen ID... [--comment TEXT]", example: "reopen c4",
            details: [],
            arguments: [ArgumentSpec("ID", .id(reviewableKinds), rest: true)],
            flags: [FlagSpec("--comment", value: "TEXT", .text, "a comment kept with the decision")]),
        CommandSpec(
            name: .diff, group: "Reviewing",
            summary: "Compare this session with another analyst's session of the same articles",
            usage: "diff NAME|PATH", example: "diff harbor-bob",
            details: [
                "Articles match by text; annotations by span (identical, or sharing at least half their characters); stances by holder and target.",
                "Prints the counts, then what only this session has, what only the other has, and fields that differ (this | other).",
            ],
            arguments: [ArgumentSpec("NAME", .sessionName)], flags: []),
        CommandSpec(
            name: .curate, group: "Reviewing",
            summary: "Walk a merged session's conflicts and settle each",
            usage: "curate", example: "curate",
            details: [
                "Keys: a, b, c take that session's version (1-9 by position), k keep every version, d drop the annotation,",
                "e run a command on it (set verdict mixed…) and count it settled, n next, p previous, q leave.",
                "Each settlement is one change (undo reverses it); in a script lists the open conflicts (use resolve there).",
            ],
            arguments: [], flags: []),
        CommandSpec(
            name: .resolve, group: "Reviewing",
            summary: "Settle one conflict of a merged session: take a version, keep all, or drop",
            usage: "resolve ID a|b|…|keep|drop", example: "resolve x3 b",
            details: ["show ID shows a conflict's versions; the kept annotation records who settled it, when and how."],
            arguments: [ArgumentSpec("ID", .id([.conflict])), ArgumentSpec("CHOICE", .text)], flags: []),

        // Exporting and importing
        CommandSpec(
            name: .export, group: "Exporting and importing",
            summary: "Export the session: w3c, claimreview, brat, csv, markdown or html",
            usage: "export FORMAT [PATH] [--all]", example: "export html",
            details: [
                "Formats: w3c (W3C Web Annotation JSON-LD), claimreview (schema.org ClaimReview), brat (a folder of .txt/.ann),",
                "csv (one row per annotation), markdown (a review document), html (a self-contained review report).",
                "Without PATH writes exports/SESSION.EXT (a folder for brat); a PATH ending in / is a folder to write into.",
                "claimreview writes accepted claims with a verdict only, and says how many it left out; --all writes every claim with a verdict.",
            ],
            arguments: [ArgumentSpec("FORMAT", .choice(ExportFormat.names)), ArgumentSpec("PATH", .path, optional: true)],
            flags: [FlagSpec("--all", .text, "claimreview: publish claims not yet accepted in review too")]),
        CommandSpec(
            name: .importAnnotations, group: "Exporting and importing",
            summary: "Import W3C annotations (a .jsonld/.json file) or a brat folder into the session",
            usage: "import w3c|brat PATH [--map MAP.json]", example: "import w3c exports/harbor.w3c.jsonld",
            details: [
                "Spans are anchored on the article whose text the file names, else on the active article,",
                "by position when the text there is the quote, else by the quote and its context.",
                "What cannot be anchored is listed; the rest comes in as one change that undo reverses.",
                "brat --map MAP.json reads another project's types: the map names the entity types that are claims,",
                "mentions (with their sources' kind) and cues, and the events or relations that attribute a claim.",
            ],
            arguments: [ArgumentSpec("FORMAT", .choice(importFormats)), ArgumentSpec("PATH", .path)],
            flags: [FlagSpec("--map", value: "MAP.json", .path, "brat: how the corpus's types become claims, mentions and attributions")]),

        // The corpus: every saved session, through the index
        CommandSpec(
            name: .corpusIndex, group: "Corpus",
            summary: "Build or refresh the index of every saved session, for corpus query",
            usage: "corpus index", example: "corpus index",
            details: ["Reads only sessions whose files changed since the last refresh; the same as claimdesk index."],
            arguments: [], flags: []),
        CommandSpec(
            name: .corpusQuery, group: "Corpus",
            summary: "Ask the corpus index: claims, sources or stances across every saved session",
            usage: "corpus query [claims|sources|stances] [--by S] [--via S] [--source-kind K] [--kind K] [--verdict V] [--tag T] "
                + "[--status S] [--author NAME] [--since DATE] [--until DATE] [--text WORDS] [--session NAME] [--limit N] "
                + "[--format table|json|jsonl|csv] | corpus query --sql 'SELECT …'",
            example: "corpus query --by Reyes --verdict misleading",
            details: [
                "The same filters as claimdesk query; all must hold. --since and --until compare the article's published day.",
                "--sql runs one read-only statement over the views of docs/corpus.md. The index answers as of its last refresh.",
            ],
            arguments: [ArgumentSpec("TYPE", .choice(CorpusQuery.Subject.allCases.map(\.rawValue)), optional: true)],
            flags: corpusFilterFlags + [
                FlagSpec("--format", value: "FORMAT", .choice(CorpusTable.Format.allCases.map(\.rawValue)), "table (default), json, jsonl or csv"),
                FlagSpec("--sql", value: "SQL", .text, "one read-only SQL statement over the index's views"),
            ]),
        CommandSpec(
            name: .corpusSources, group: "Corpus",
            summary: "Per source across every saved session: claims, carriers, verdicts, stances",
            usage: "corpus sources [--by S] [--source-kind K] [--session NAME] [--limit N] [--format table|json|jsonl|csv]",
            example: "corpus sources --source-kind official",
            details: ["Sources with the same name in different sessions are one; the same as claimdesk sources --across."],
            arguments: [],
            flags: [corpusFilterFlags[0], corpusFilterFlags[2], corpusFilterFlags[11], corpusFilterFlags[12],
                    FlagSpec("--format", value: "FORMAT", .choice(CorpusTable.Format.allCases.map(\.rawValue)), "table (default), json, jsonl or csv")]),

        // The shell
        CommandSpec(
            name: .help, group: "The shell",
            summary: "List commands, or show one command's usage and an example",
            usage: "help [COMMAND]", example: "help claim", details: [],
            arguments: [ArgumentSpec("COMMAND", .command, optional: true, rest: true)], flags: []),
        CommandSpec(
            name: .quit, group: "The shell",
            summary: "Leave the shell (also exit, or Ctrl-D on an empty line)",
            usage: "quit", example: "quit", details: [], arguments: [], flags: []),
    ]

    static let taggable: [AnnotationKind] = [.claim, .mention, .source, .proposition, .stance, .relation]
    static let listTypes = ["claims", "sources", "mentions", "stances", "propositions", "relations"]
    static let importFormats = ["w3c", "brat"]
    static let reviewStates = ["open", "accepted", "rejected", "changed"]

    /// The filters the corpus commands share with `claimdesk query`.
    static let corpusFilterFlags: [FlagSpec] = [
        FlagSpec("--by", value: "S", .text, "made by (claims), named (sources) or held by (stances) this source, across sessions"),
        FlagSpec("--via", value: "S", .text, "claims relayed by this source anywhere in their via chain"),
        FlagSpec("--source-kind", value: "K", .label(.sourceKind), "the kind of that source"),
        FlagSpec("--kind", value: "K", .label(.claimKind), "the claim kind"),
        FlagSpec("--verdict", value: "V", .label(.verdict), "the claim verdict"),
        FlagSpec("--tag", value: "T", .tag, "carrying this tag"),
        FlagSpec("--status", value: "STATUS", .choice(ReviewStatus.allCases.map(\.rawValue)), "review status"),
        FlagSpec("--author", value: "NAME", .text, "made by this analyst"),
        FlagSpec("--since", value: "DATE", .text, "articles published on or after this day (YYYY-MM-DD)"),
        FlagSpec("--until", value: "DATE", .text, "articles published on or before this day (YYYY-MM-DD)"),
        FlagSpec("--text", value: "WORDS", .text, "all these words in the record's text (full-text search)"),
        FlagSpec("--session", value: "NAME", .sessionName, "only this session"),
        FlagSpec("--limit", value: "N", .number, "at most this many rows"),
    ]
    static let reviewableKinds: [AnnotationKind] = [.claim, .mention, .stance, .relation]

    /// Words accepted in place of a command's own name.
    public static let aliases: [String: CommandName] = ["exit": .quit, "?": .help, "ls": .list]

    public static func spec(_ name: CommandName) -> CommandSpec {
        all.first { $0.name == name }!
    }

    /// Every name a user may type first: command words and aliases.
    public static var firstWords: [String] {
        var words: [String] = []
        for spec in all where !words.contains(spec.words[0]) { words.append(spec.words[0]) }
        return words + aliases.keys.sorted()
    }

    /// The command a line starts with: the longest match of its first words.
    public static func match(_ tokens: [Token]) -> (spec: CommandSpec, consumed: Int)? {
        guard let first = tokens.first?.value.lowercased() else { return nil }
        if tokens.count >= 2 {
            let two = first + " " + tokens[1].value.lowercased()
            if let spec = all.first(where: { $0.name.rawValue == two }) { return (spec, 2) }
        }
        if let spec = all.first(where: { $0.name.rawValue == first }) { return (spec, 1) }
        if let alias = aliases[first] { return (spec(alias), 1) }
        return nil
    }
}
