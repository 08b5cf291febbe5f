import ClaimDeskCore
import Foundation

/// The ids an `accept`, `reject` or `reopen` names, read the same way by all three.
private let reviewedIDs = Positional("ID", .id(CommandCatalog.reviewableKinds), rest: true)

/// The comment `accept` and `reopen` keep with a decision.
private let decisionComment = ValueFlag("--comment", value: "TEXT", .text, "a comment kept with the decision")

/// `accept ID... [--comment TEXT]`, or `accept g1 g3 | accept all [--min N]` for suggestions.
struct AcceptCommand: ShellCommand {
    static let minimum = ValueFlag("--min", value: "N", .number, "with all: only suggestions of at least this confidence (0 to 1)")

    static let spec = CommandSpec(
        "accept", group: CommandGroup.reviewing,
        summary: "Accept annotations after review",
        usage: "accept ID... [--comment TEXT]", example: "accept c1 c3 st2",
        details: ["Records you as reviewer with the time; show ID lists every decision; undo reverses all of them at once.",
                  "accept g1 g3 or accept all [--min N] (suggestion ids, from suggest): makes each suggestion a claim with its claimant and chain, and mentions of its sources; new sources get a kind guessed from the name (said in a notice)."],
        arguments: [reviewedIDs], flags: [decisionComment, minimum])

    var ids: [String]
    var comment: String?
    var minimum: String?

    init(_ arguments: ParsedArguments) {
        ids = arguments.words(reviewedIDs)
        comment = arguments[decisionComment]
        minimum = arguments[Self.minimum]
    }

    /// Accepts these suggestions (`g3`), as the suggestion walk's `a` key does.
    init(suggestions: [String]) {
        ids = suggestions
    }

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        if ArticleSuggestions.names(ids) { return try acceptSuggestions(in: context) }
        if minimum != nil { throw ShellError("--min goes with suggestions: accept all --min 0.8") }
        try refuseMixedIDs(ids, verb: "accept")
        return try context.decide(ids, status: .accepted, comment: comment)
    }

    /// `accept g1 g3` / `accept all --min 0.8`: claims with claimant and chain, and mentions of their sources, in one change.
    func acceptSuggestions(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        let words = ids
        let article = try context.activeArticle()
        let chosen = try context.namedSuggestions(words, minimum: minimum, in: article)
        let session = context.workspace.session
        let taxonomy = session.taxonomy
        let kind = try context.label(taxonomy.defaultLabel(.claimKind), .claimKind)
        let verdict = try context.label(taxonomy.defaultLabel(.verdict), .verdict)
        var created: [Source] = []
        var notices: [StyledLine] = []
        var claims: [Claim] = []
        var mentions: [Mention] = []
        let claimIDs = session.nextIDs(.claim, count: chosen.count)
        var mentionSpans: [(Range<Int>, AnnotationID)] = []
        for ((_, suggestion), id) in zip(chosen, claimIDs) {
            guard let first = suggestion.content.first else { continue }
            let claimant = try suggestion.claimant.map { name throws(ShellError) in try context.suggestedSource(name, creating: &created, notices: &notices) }
            var via: [AnnotationID] = []
            for name in suggestion.via {
                let source = try context.suggestedSource(name, creating: &created, notices: &notices)
                if source != claimant && !via.contains(source) { via.append(source) }
            }
            // The article's outlet (set a1 outlet) ends every chain, as with claim.
            if let outlet = article.metadata.publisher, outlet != claimant, !via.contains(outlet) { via.append(outlet) }
            let anchor = Anchor(article: article.id, range: first, in: article.content)
            // A cue in two parts ("reported … quoting", "quoted … as saying") keeps its first, the context.verb.
            let cue = suggestion.cue?.first.map { Anchor(article: article.id, range: $0, in: article.content) }
            var claim = Claim(id: id, anchor: anchor, claimant: claimant, via: via, kind: kind, verdict: verdict,
                              author: context.workspace.analyst, created: context.workspace.now, cue: cue)
            // A quote split by its cue becomes one claim in fragments, as `claim SEL+SEL` makes it.
            claim.fragments = suggestion.content.map { Anchor(article: article.id, range: $0, in: article.content) }
            claims.append(claim)
            if let claimant, let span = suggestion.source?.first, !CommandContext.isPronoun(article.content.slice(span)) {
                mentionSpans.append((span, claimant))
            }
            for (span, name) in zip(suggestion.viaSpans, suggestion.via) {
                if let source = created.first(where: { Session.sameSourceName($0.name, name) })?.id ?? context.lookupID(name) {
                    mentionSpans.append((span, source))
                }
            }
        }
        var seen = Set<String>()
        let unique = mentionSpans.filter { span, source in
            let key = "\(span.lowerBound)-\(span.upperBound)-\(source)"
            guard !seen.contains(key) else { return false }
            seen.insert(key)
            let anchor = Anchor(article: article.id, range: span, in: article.content)
            return !session.mentions(onSpan: anchor).contains { $0.source == source }
        }
        for ((span, source), id) in zip(unique, session.nextIDs(.mention, count: unique.count)) {
            mentions.append(Mention(id: id, anchor: Anchor(article: article.id, range: span, in: article.content), source: source,
                                    author: context.workspace.analyst, created: context.workspace.now))
        }
        let edits = created.map { Change.Edit(before: nil, after: .source($0)) }
            + claims.map { Change.Edit(before: nil, after: .claim($0)) }
            + mentions.map { Change.Edit(before: nil, after: .mention($0)) }
        let names = chosen.map { ArticleSuggestions.id($0.0) }
        try context.commit("accept \(names.joined(separator: " "))", edits)
        var lines = notices
        for (claim, name) in zip(claims, names) {
            lines.append(context.newClaimLine(claim, from: name, quoteLimit: 160))
        }
        if !mentions.isEmpty {
            lines.append(StyledLine("and \(Plural.count(mentions.count, "mention")) of their sources (\(mentions.map(\.id.rawValue).joined(separator: " ")))", .dim))
        }
        return lines
    }
}

/// `reject ID... --reason TEXT`, or `reject g2` for a suggestion.
struct RejectCommand: ShellCommand {
    static let reason = ValueFlag("--reason", value: "TEXT", .text, "why it is rejected (required)")

    static let spec = CommandSpec(
        "reject", group: CommandGroup.reviewing,
        summary: "Reject annotations, with the reason",
        usage: "reject ID... --reason TEXT", example: "reject c4 --reason the quote is the reporter's, not Reyes's",
        details: ["A rejected annotation stays in the session (list --status rejected) and is left out of ClaimReview exports.",
                  "reject g2 (a suggestion id, from suggest): records them as not a claim, so suggest does not offer them again; no --reason needed."],
        arguments: [reviewedIDs], flags: [reason])

    var ids: [String]
    var reason: String?

    init(_ arguments: ParsedArguments) {
        ids = arguments.words(reviewedIDs)
        reason = arguments[Self.reason]
    }

    /// Rejects these suggestions (`g3`), as the suggestion walk's `r` key does.
    init(suggestions: [String]) {
        ids = suggestions
    }

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        if ArticleSuggestions.names(ids) { return try rejectSuggestions(in: context) }
        try refuseMixedIDs(ids, verb: "reject")
        guard let reason, !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ShellError("say why with --reason TEXT, for example reject c4 --reason not a claim")
        }
        return try context.decide(ids, status: .rejected, comment: reason)
    }

    /// `reject g2`: the suggestions recorded as not a claim, so suggest does not offer them again.
    func rejectSuggestions(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        let words = ids
        let article = try context.activeArticle()
        if words == ["all"] { throw ShellError("reject names suggestions one by one (reject g2 g5); all is only for accept") }
        let chosen = try context.namedSuggestions(words, minimum: nil, in: article)
        var after = article
        for (_, suggestion) in chosen {
            let hull = suggestion.contentHull
            after.dismissedSuggestions.append(DismissedSuggestion(start: hull.lowerBound, end: hull.upperBound,
                                                                  exact: article.content.slice(hull)))
        }
        let names = chosen.map { ArticleSuggestions.id($0.0) }
        try context.commit("reject \(names.joined(separator: " "))", [Change.Edit(before: .article(article), after: .article(after))])
        let what = names.count == 1 ? names[0] : Plural.count(names.count, "suggestion")
        return [StyledLine(what, names.count == 1 ? .id : .plain) + StyledLine("  rejected: not a claim; it will not be suggested again (undo brings it back)")]
    }
}

/// `reopen ID... [--comment TEXT]`: back to open, for another look.
struct ReopenCommand: ShellCommand {
    static let spec = CommandSpec(
        "reopen", group: CommandGroup.reviewing,
        summary: "Set annotations back to open, for another look",
        usage: "reopen ID... [--comment TEXT]", example: "reopen c4",
        arguments: [reviewedIDs], flags: [decisionComment])

    var ids: [String]
    var comment: String?

    init(_ arguments: ParsedArguments) {
        ids = arguments.words(reviewedIDs)
        comment = arguments[decisionComment]
    }

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        try context.decide(ids, status: .open, comment: comment)
    }
}

/// Suggestion ids and annotation ids in one accept or reject: two different acts.
private func refuseMixedIDs(_ words: [String], verb: String) throws(ShellError) {
    guard let suggestion = words.first(where: { ArticleSuggestions.index($0) != nil }),
          let other = words.first(where: { ArticleSuggestions.index($0) == nil }) else { return }
    throw ShellError("suggestion ids (\(suggestion)) and annotation ids (\(other)) do not mix; \(verb) them in two commands")
}
