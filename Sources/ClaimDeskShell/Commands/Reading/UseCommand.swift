import ClaimDeskCore
import Foundation

/// `use N|ARTICLE`: switches the active article.
struct UseCommand: ShellCommand {
    static let article = Positional("N", .id([.article]))

    static let spec = CommandSpec(
        "use", group: CommandGroup.reading,
        summary: "Switch the active article",
        usage: "use N|ARTICLE", example: "use 2", details: ["N is the number `articles` shows; a2 works too."],
        arguments: [article])

    var article: String

    init(_ arguments: ParsedArguments) throws(ShellError) {
        article = try arguments.required(Self.article)
    }

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        let which = article
        let id = Int(which).map { AnnotationID(kind: .article, number: $0) } ?? AnnotationID(which)
        guard let article = context.workspace.session.articles[id] else {
            let count = context.workspace.session.articles.count
            throw ShellError(count == 0 ? "no articles yet; load one with load PATH"
                : "no article \(which); articles lists the \(count) there are")
        }
        context.workspace.activeArticle = article.id
        var line = StyledLine("Now on \(article.id) ")
        line.appendIsolated("\"\(article.title)\"")
        return [line]
    }
}
