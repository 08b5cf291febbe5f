import ClaimDeskCore
import Foundation

/// `show [SEL|ID]`: the article, part of it, or one annotation in full.
struct ShowCommand: SelectionCommand {
    static let spec = CommandSpec(
        "show", group: CommandGroup.reading,
        summary: "Show the article, part of it, or one annotation",
        usage: "show [SEL|ID]", example: "show s4-s6",
        details: [
            "With no argument shows the whole active article, one sentence per line under its paragraph.",
            "Annotated spans appear as {text}ID; with an annotation id, shows that annotation in full.",
        ],
        arguments: [Positional("SEL", .selection, optional: true)])

    /// The selection as typed, if any.
    var selection: String?

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        let raw = selection
        if let raw {
            let id = AnnotationID(raw)
            if let kind = id.kind, kind != .article {
                return try context.describe(id)
            }
            if id.kind == .article, let article = context.workspace.session.articles[id] {
                return context.articleLines(article, sentences: 0..<article.content.sentenceCount, highlight: nil, header: true)
            }
        }
        let article = try context.activeArticle()
        guard let raw else {
            return context.articleLines(article, sentences: 0..<article.content.sentenceCount, highlight: nil, header: true)
        }
        // A selection in fragments shows the sentences from the first to the last, each fragment marked.
        let ranges = try context.fragments(raw).map(\.range)
        guard let first = ranges.first, let last = ranges.last else { throw ShellError("\(raw) names no text") }
        let selection = try? SelectionParser.parse(raw)
        let wholeSentences: Bool
        switch selection {
        case .sentences?, .paragraphs?: wholeSentences = true
        default: wholeSentences = false
        }
        let sentences = article.content.sentenceIndices(overlapping: first.lowerBound..<last.upperBound)
        return context.articleLines(article, sentences: sentences, highlights: wholeSentences ? [] : ranges, header: false)
    }
}
