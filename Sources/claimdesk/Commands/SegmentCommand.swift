import ArgumentParser

/// `claimdesk segment [FILE|-] [--format text|jsonl]`: prints an article's sentences.
struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Split an article into sentences.")

    func run() throws {}
}
