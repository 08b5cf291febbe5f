import ClaimDeskCore

/// `load PATH|URL`: an article (text, Markdown, a saved web page, a URL, or `-`), made active.
struct LoadCommand: PathCommand {
    static let spec = CommandSpec(
        "load", group: CommandGroup.reading,
        summary: "Load an article (.txt, .md, a saved web page or an http(s) URL) and make it active",
        usage: "load PATH|URL", example: "load docs/examples/harbor-talks.txt",
        details: [
            "A web page (.html, or a URL) gives its story's text with its headline, byline, dates, outlet and URL.",
            "`load -` reads the article from standard input (batch mode only).",
        ],
        arguments: [Positional("PATH", .path)])

    var path: String

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        try context.load(path)
    }
}
