import ClaimDeskCore

/// `claim SEL [--by SOURCE] [--via SOURCE]... [--like CLAIM] [--cue SEL] …`: a claim, who makes it
/// and through whom it reached the reader.
struct ClaimCommand: ShellCommand {
    static let selection = Positional("SEL", .selection)
    static let by = ValueFlag("--by", value: "SOURCE", .source, "who makes the claim")
    static let via = RepeatedFlag("--via", value: "SOURCE", .source, "who relays it, in order")
    static let like = ValueFlag("--like", value: "CLAIM", .id([.claim]), "copy claimant, chain, kind and tags from this claim")
    static let cue = ValueFlag("--cue", value: "SEL", .selection, "the reporting words (said, according to)")
    static let kind = ValueFlag("--kind", value: "K", .label(.claimKind), "claim kind (default: the taxonomy's first)")
    static let verdict = ValueFlag("--verdict", value: "V", .label(.verdict), "verdict (default: unverified)")
    static let checkWorthy = ValueFlag("--check-worthy", value: "yes|no", .choice(["yes", "no"]), "worth checking?")
    static let tag = RepeatedFlag("--tag", value: "T", .tag, "a tag")
    static let note = ValueFlag("--note", value: "TEXT", .text, "a note")

    static let spec = CommandSpec(
        "claim", group: CommandGroup.annotating,
        summary: "Mark a claim, who makes it and through whom it reached the reader",
        usage: "claim SEL [--by SOURCE] [--via SOURCE]... [--like CLAIM] [--cue SEL] [--kind K] [--verdict V] [--check-worthy yes|no] [--tag T]... [--note TEXT]",
        example: "claim s3 --by \"American officials\" --via \"The Daily Courier\" --via \"The Gulf Ledger\"",
        details: [
            "--via is ordered from the claimant outwards: the last --via is the outlet the reader saw.",
            "--cue marks the reporting words (\"said\", \"according to\") in the same article.",
            "--like c3 takes c3's claimant, chain, kind and tags, so a chain is typed once; --by, --via and --kind given too win.",
            "Unknown sources are created on the spot with a notice; a near-miss of a known name is refused.",
        ],
        arguments: [selection], flags: [by, via, like, cue, kind, verdict, checkWorthy, tag, note])

    /// The selection as typed.
    var selection: String
    var claimant: String?
    var relays: [String]
    var like: String?
    /// The cue's selection as typed.
    var cue: String?
    var kind: String?
    var verdict: String?
    var checkWorthy: String?
    var tags: [String]
    var note: String?

    init(_ arguments: ParsedArguments) throws(ShellError) {
        selection = try arguments.requiredRaw(Self.selection)
        claimant = arguments[Self.by]
        relays = arguments[Self.via]
        like = arguments[Self.like]
        cue = arguments[Self.cue]
        kind = arguments[Self.kind]
        verdict = arguments[Self.verdict]
        checkWorthy = arguments[Self.checkWorthy]
        tags = arguments[Self.tag]
        note = arguments[Self.note]
    }

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        let fragments = try context.fragments(selection)
        let session = context.workspace.session
        let taxonomy = session.taxonomy
        // A claim like another: its chain, kind and tags, so a long chain is typed once.
        let model = try like.map { raw throws(ShellError) in try Self.likeClaim(raw, in: session) }
        let kind = try context.label(kind ?? model?.kind ?? taxonomy.defaultLabel(.claimKind), .claimKind)
        let verdict = try context.label(verdict ?? taxonomy.defaultLabel(.verdict), .verdict)
        let checkWorthy = try checkWorthy.map { value throws(ShellError) in try context.yesNo(value) }
        let tags = try (model?.tags ?? []) + context.tagWords(tags)
        var created: [Source] = []
        var notices: [StyledLine] = []
        var claimantID = try claimant.map { name throws(ShellError) in try context.source(name, creating: &created, notices: &notices) }
        var via: [AnnotationID] = []
        let noRelays = try Self.viaNone(relays)
        for name in relays where !noRelays { via.append(try context.source(name, creating: &created, notices: &notices)) }
        if let model {
            if claimant == nil { claimantID = model.claimant }
            if relays.isEmpty { via = model.via }
        }
        if !noRelays, let outlet = try context.activeArticle().metadata.publisher, outlet != claimantID, !via.contains(outlet) {
            via.append(outlet)
            notices.append(StyledLine("via \(context.sourceName(outlet)), the article's outlet, as the last link (--via none leaves it off)", .dim))
        }
        if let claimantID, via.contains(claimantID) {
            throw context.ownRelay(claimantID, created: created, fix: "drop it from --via or give another --by")
        }
        if let same = session.claims(onFragments: fragments).first(where: { $0.claimant == claimantID && $0.via == via }) {
            throw ShellError("\(same.id) already marks this span as a claim with the same source chain; change it with set \(same.id) FIELD VALUE")
        }
        let cue = try cue.map { raw throws(ShellError) in try context.anchor(raw, for: "a cue") }
        guard let first = fragments.first else { throw ShellError("the selection names no text; give a sentence, a quote or @START-END") }
        let analyst = context.workspace.analyst
        var claim = Claim(id: session.nextID(.claim), anchor: first, claimant: claimantID, via: via, kind: kind,
                          checkWorthy: checkWorthy, verdict: verdict, author: analyst, created: context.workspace.now, cue: cue)
        claim.fragments = fragments
        claim.addTags(tags)
        if let note {
            claim.notes.append(Note(id: session.nextID(.note), text: note, author: analyst, created: context.workspace.now))
        }
        let edits = created.map { Change.Edit(before: nil, after: .source($0)) } + [Change.Edit(before: nil, after: .claim(claim))]
        try context.commit("claim \(claim.id)", edits)
        return notices + [context.newClaimLine(claim, quoteLimit: 240)]
    }

    /// Whether `--via none` was given: no relays, not even the article's outlet.
    static func viaNone(_ values: [String]) throws(ShellError) -> Bool {
        guard values.contains(where: { $0.lowercased() == "none" }) else { return false }
        guard values.count == 1 else { throw ShellError("--via none means no relays at all; give it alone, without other --via") }
        return true
    }

    /// The claim `--like` names, or why it cannot be copied.
    private static func likeClaim(_ raw: String, in session: Session) throws(ShellError) -> Claim {
        let id = AnnotationID(raw)
        guard id.kind == .claim else {
            throw ShellError("--like takes a claim id such as c3, not \(raw); list claims shows them")
        }
        guard let claim = session.claims[id] else { throw ShellError("no claim \(id) in this session; list claims shows them") }
        return claim
    }
}
