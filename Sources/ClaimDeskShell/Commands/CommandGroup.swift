/// The headings `help` groups commands under; the folders of `Commands/` follow them.
enum CommandGroup {
    static let reading = "Articles and reading"
    static let annotating = "Annotating"
    static let sessions = "Sessions"
    static let reviewing = "Reviewing"
    static let exporting = "Exporting and importing"
    static let corpus = "Corpus"
    static let shell = "The shell"
}
