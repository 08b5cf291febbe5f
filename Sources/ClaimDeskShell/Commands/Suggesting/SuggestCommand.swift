import ClaimDeskCore
import Foundation

/// `suggest [SEL]`: candidate attributions in the active article, as `g1`, `g2` …
struct SuggestCommand: SelectionCommand {
    static let spec = CommandSpec(
        "suggest", group: CommandGroup.reviewing,
        summary: "Suggest attributions (claims, sources, cues, chains) in the active article",
        usage: "suggest [SEL]", example: "suggest p3",
        details: [
            "Lists what quotes, reporting verbs, titles and outlets signal: g1, g2 … with a confidence (0 to 1), the rule that fired, claimant and chain, the content, then the cue and source words.",
            "Ids stay the same while the article's text is unchanged. accept g1 g3 or accept all --min 0.8 makes claims; reject g2 marks a suggestion not a claim.",
            "Already claimed or rejected suggestions are not listed. docs/suggestions.md describes the rules.",
        ],
        arguments: [Positional("SEL", .selection, optional: true)])

    /// The selection as typed, if any.
    var selection: String?

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        let (article, all, open) = try context.openSuggestions(within: selection)
        guard !open.isEmpty else {
            return [StyledLine(all.isEmpty ? "no suggestions: the rules found no attribution here"
                               : "no open suggestions here: the others are accepted, claimed or rejected")]
        }
        return open.flatMap { index in context.suggestionLines(all[index], index: index, in: article) }
            + [StyledLine("\(Plural.count(open.count, "suggestion")); accept ID… (or accept all --min 0.8) makes claims, reject ID… marks them not a claim", .dim)]
    }
}
