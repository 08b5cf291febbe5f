import ArgumentParser

/// `claimdesk reanchor ANNOTATIONS --to NEW.txt`: moves W3C annotations onto a new version of a text.
struct ReanchorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reanchor",
        abstract: "Re-anchor W3C Web Annotations onto a new version of a text.")

    func run() throws {}
}
