import ClaimDeskCore
import Foundation

/// `find WORDS | find /REGEX/[i]`: where words or a pattern occur in the active article.
struct FindCommand: ShellCommand {
    static let words = Positional("WORDS", .text, rest: true)

    static let spec = CommandSpec(
        "find", group: CommandGroup.reading,
        summary: "Find words or a /regex/ in the active article",
        usage: "find WORDS | find /REGEX/[i]", example: "find O'Keefe",
        details: [
            "Words match case-insensitively; typed and typographic quotes and runs of white space are equal.",
            "A /regex/ is case-sensitive unless followed by i.",
        ],
        arguments: [words], readsWholeLine: true)

    /// The rest of the line exactly as typed: quotes in it are text.
    var query: String

    init(_ arguments: ParsedArguments) {
        query = arguments.restOfLine
    }

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        let article = try context.activeArticle()
        guard !query.isEmpty else { throw ShellError("find needs words or a /regex/; usage: find WORDS") }
        let hits: [Range<Int>]
        let shown: String
        if query.count >= 2, query.hasPrefix("/"), let close = query.dropFirst().lastIndex(of: "/") {
            let pattern = String(query[query.index(after: query.startIndex)..<close])
            let flags = query[query.index(after: close)...]
            guard flags.isEmpty || flags == "i" else {
                throw ShellError("unknown regex flag \(flags); only /REGEX/i (case-insensitive) is supported")
            }
            hits = try context.regexHits(pattern, caseInsensitive: flags == "i", in: article.content)
            shown = query
        } else {
            let words = query.hasPrefix("\"") && query.hasSuffix("\"") && query.count >= 2
                ? String(query.dropFirst().dropLast()) : query
            let pattern = FoldedText.pattern(words, caseInsensitive: true)
            hits = FoldedText(article.content.scalars, caseInsensitive: true).occurrences(of: pattern)
            shown = "\"\(words)\""
        }
        // The hits are numbered f1, f2 … and stay selections until the next find.
        context.lastFind = FindHits(article: article.id, ranges: hits, textDigest: article.sha256)
        guard !hits.isEmpty else { return [StyledLine("no match for \(shown)")] }
        var lines: [StyledLine] = []
        let limit = 200
        let width = FindHits.name(min(hits.count, limit) - 1).count + 1
        for (index, hit) in hits.prefix(limit).enumerated() {
            let name = FindHits.name(index)
            lines.append(StyledLine(name.padding(toLength: max(width, 4), withPad: " ", startingAt: 0), .id)
                         + context.hitLine(hit, in: article.content))
        }
        let sentences = Set(hits.compactMap { article.content.sentenceIndex(containing: $0.lowerBound) }).count
        var summary = "\(count(hits.count, "match", plural: "matches")) in \(count(sentences, "sentence"))"
        if hits.count > limit { summary += " (first \(limit) shown)" }
        lines.append(StyledLine(summary, .dim))
        return lines
    }
}
