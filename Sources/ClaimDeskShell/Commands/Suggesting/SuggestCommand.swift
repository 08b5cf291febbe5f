import ClaimDeskCore
import Foundation

/// `suggest [SEL]`: candidate attributions in the active article, as `g1`, `g2` …
struct SuggestCommand: ShellCommand {
    static let selection = Positional("SEL", .selection, optional: true)

    static let spec = CommandSpec(
        "suggest", group: CommandGroup.reviewing,
        summary: "Suggest attributions (claims, sources, cues, chains) in the active article",
        usage: "suggest [SEL]", example: "suggest p3",
        details: [
            "Lists what quotes, reporting verbs, titles and outlets signal: g1, g2 … with a confidence (0 to 1), the rule that fired, claimant and chain, the content, then the cue and source words.",
            "Ids stay the same while the article's text is unchanged. accept g1 g3 or accept all --min 0.8 makes claims; reject g2 marks a suggestion not a claim.",
            "Already claimed or rejected suggestions are not listed. docs/suggestions.md describes the rules.",
        ],
        arguments: [selection])

    /// The selection as typed, if any.
    var selection: String?

    init(_ arguments: ParsedArguments) {
        selection = arguments.raw(Self.selection)
    }

    init(selection: String?) {
        self.selection = selection
    }

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        let raw = selection
        let article = try context.activeArticle()
        let within = try raw.map { value throws(ShellError) in try context.resolve(value, in: article) }
        let list = context.suggestions(for: article).all
        var lines: [StyledLine] = []
        let isOpen = context.openSuggestionTest(on: article)
        for (index, suggestion) in list.enumerated() where isOpen(suggestion) {
            if let within, !(suggestion.contentHull.overlaps(within)) { continue }
            lines += context.suggestionLines(suggestion, index: index, in: article)
        }
        guard !lines.isEmpty else {
            return [StyledLine(list.isEmpty ? "no suggestions: the rules found no attribution here"
                               : "no open suggestions here: the others are accepted, claimed or rejected")]
        }
        let shown = lines.count / 2
        lines.append(StyledLine("\(Plural.count(shown, "suggestion")); accept ID… (or accept all --min 0.8) makes claims, reject ID… marks them not a claim", .dim))
        return lines
    }
}
