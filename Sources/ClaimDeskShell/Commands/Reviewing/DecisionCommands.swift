import ClaimDeskCore
import Foundation

/// The ids an `accept`, `reject` or `reopen` names, read the same way by all three.
private let reviewedIDs = Positional("ID", .id(CommandCatalog.reviewableKinds), rest: true)

/// `accept ID... [--comment TEXT]`, or `accept g1 g3 | accept all [--min N]` for suggestions.
struct AcceptCommand: ShellCommand {
    static let ids = reviewedIDs
    static let comment = ValueFlag("--comment", value: "TEXT", .text, "a comment kept with the decision")
    static let minimum = ValueFlag("--min", value: "N", .number, "with all: only suggestions of at least this confidence (0 to 1)")

    static let spec = CommandSpec(
        "accept", group: CommandGroup.reviewing,
        summary: "Accept annotations after review",
        usage: "accept ID... [--comment TEXT]", example: "accept c1 c3 st2",
        details: ["Records you as reviewer with the time; show ID lists every decision; undo reverses all of them at once.",
                  "accept g1 g3 or accept all [--min N] (suggestion ids, from suggest): makes each suggestion a claim with its claimant and chain, and mentions of its sources; new sources get a kind guessed from the name (said in a notice)."],
        arguments: [ids], flags: [comment, minimum])

    var ids: [String]
    var comment: String?
    var minimum: String?

    init(_ arguments: ParsedArguments) {
        ids = arguments.words(Self.ids)
        comment = arguments[Self.comment]
        minimum = arguments[Self.minimum]
    }

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        if ArticleSuggestions.names(ids) { return try context.acceptSuggestions(ids, minimum: minimum) }
        if minimum != nil { throw ShellError("--min goes with suggestions: accept all --min 0.8") }
        try refuseMixedIDs(ids, verb: "accept")
        return try context.decide(ids, status: .accepted, comment: comment)
    }
}

/// `reject ID... --reason TEXT`, or `reject g2` for a suggestion.
struct RejectCommand: ShellCommand {
    static let ids = reviewedIDs
    static let reason = ValueFlag("--reason", value: "TEXT", .text, "why it is rejected (required)")

    static let spec = CommandSpec(
        "reject", group: CommandGroup.reviewing,
        summary: "Reject annotations, with the reason",
        usage: "reject ID... --reason TEXT", example: "reject c4 --reason the quote is the reporter's, not Reyes's",
        details: ["A rejected annotation stays in the session (list --status rejected) and is left out of ClaimReview exports.",
                  "reject g2 (a suggestion id, from suggest): records them as not a claim, so suggest does not offer them again; no --reason needed."],
        arguments: [ids], flags: [reason])

    var ids: [String]
    var reason: String?

    init(_ arguments: ParsedArguments) {
        ids = arguments.words(Self.ids)
        reason = arguments[Self.reason]
    }

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        if ArticleSuggestions.names(ids) { return try context.rejectSuggestions(ids) }
        try refuseMixedIDs(ids, verb: "reject")
        guard let reason, !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ShellError("say why with --reason TEXT, for example reject c4 --reason not a claim")
        }
        return try context.decide(ids, status: .rejected, comment: reason)
    }
}

/// `reopen ID... [--comment TEXT]`: back to open, for another look.
struct ReopenCommand: ShellCommand {
    static let ids = reviewedIDs
    static let comment = ValueFlag("--comment", value: "TEXT", .text, "a comment kept with the decision")

    static let spec = CommandSpec(
        "reopen", group: CommandGroup.reviewing,
        summary: "Set annotations back to open, for another look",
        usage: "reopen ID... [--comment TEXT]", example: "reopen c4",
        arguments: [ids], flags: [comment])

    var ids: [String]
    var comment: String?

    init(_ arguments: ParsedArguments) {
        ids = arguments.words(Self.ids)
        comment = arguments[Self.comment]
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
