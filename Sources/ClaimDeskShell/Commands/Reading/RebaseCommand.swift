import ClaimDeskCore
import ClaimDeskWeb
import Foundation

/// `rebase [ARTICLE] FILE`: a new version of an article, its annotations moved onto it.
struct RebaseCommand: ShellCommand {
    static let article = Positional("ARTICLE", .id([.article]), optional: true)
    static let file = Positional("FILE", .path)

    static let spec = CommandSpec(
        "rebase", group: CommandGroup.reading,
        summary: "Load a new version of an article and move its annotations onto it",
        usage: "rebase [ARTICLE] FILE", example: "rebase a1 harbor-talks-corrected.txt",
        details: [
            "Every claim, mention and stance evidence on the article is found again in the new text: exactly where it was,",
            "moved, or fuzzily after edits; what cannot be found safely is orphaned, never guessed (list --orphaned).",
            "The old version's hash is kept in the article's revisions; undo undoes the whole rebase.",
        ],
        arguments: [article, file])

    var article: String?
    var file: String

    init(_ arguments: ParsedArguments) throws(ShellError) {
        article = arguments.text(Self.article)
        file = try arguments.required(Self.file)
    }

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        let which = article
        let article: Article
        if let which {
            let id = Int(which).map { AnnotationID(kind: .article, number: $0) } ?? AnnotationID(which)
            guard let found = context.workspace.session.articles[id] else {
                throw ShellError("no article \(which); articles lists them")
            }
            article = found
        } else {
            article = try context.activeArticle()
        }
        let data: Data
        do { data = try context.host.readFile(file) } catch { throw ShellError("cannot read \(file): \(error.message)") }
        let text: String
        let extensionName = PathText.pathExtension(file).lowercased()
        if WebPageReader.isWebPage(extensionName: extensionName, bytes: [UInt8](data)) {
            // A new version of a saved page: its story, as load would take it.
            text = try context.webArticle([UInt8](data), fetched: nil, path: file).text
        } else {
            do { text = try ArticleDecoder.decode(data) } catch { throw ShellError("cannot read \(file): \(error.message)") }
        }
        guard SHA256Digest.hex(of: text) != article.sha256 else {
            return [StyledLine("\(file) is the same text as \(article.id); nothing to do")]
        }
        var updated = article
        updated.replaceText(with: text, origin: PathText.lastComponent(file), at: context.workspace.now)
        let outcome = context.reanchorEdits(on: article.id, onto: updated.content, because: "rebase")
        try context.commit("rebase \(article.id)", [Change.Edit(before: .article(article), after: .article(updated))] + outcome.edits)
        return [StyledLine("Rebased \(article.id) onto \(file): ") + outcome.summary] + outcome.changedLines + outcome.orphanLines
    }
}
