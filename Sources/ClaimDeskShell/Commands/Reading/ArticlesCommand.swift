import ClaimDeskCore
import Foundation

/// `articles`: the session's articles, the active one marked.
struct ArticlesCommand: ArgumentlessCommand {
    static let spec = CommandSpec(
        "articles", group: CommandGroup.reading,
        summary: "List the session's articles; * marks the active one")

    func run(in context: CommandContext) -> [StyledLine] {
        let all = context.workspace.session.orderedArticles
        guard !all.isEmpty else { return ["no articles yet; load one with load PATH"] }
        return all.map { article in
            let active = article.id == context.workspace.activeArticle
            let claims = context.workspace.session.claims.values.filter { $0.anchor.article == article.id }.count
            var line = StyledLine(active ? "* " : "  ", .strong)
            line.append("\(article.id.number ?? 0)  ")
            line.append(article.id.rawValue, .id)
            line.append("  ")
            line.appendIsolated(article.title, .strong)
            if let credit = context.articleCredit(article) { line.append("  " + credit) }
            line.append("  \(count(article.content.paragraphCount, "paragraph")), \(count(article.content.sentenceCount, "sentence")), \(count(claims, "claim"))", .dim)
            return line
        }
    }
}
