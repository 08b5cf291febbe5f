import ArgumentParser
import ClaimDeskCore
import ClaimDeskShell
import Foundation

/// `claimdesk diff A B [--format text|json]`: where two analysts' sessions differ.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two sessions of the same articles, annotation by annotation.",
        discussion: """
            Articles are matched by the SHA-256 of their text; claims and mentions by span (identical, or \
            overlapping by at least half their characters), stances by holder and target. Prints the counts, \
            then what only A has, what only B has, and annotations both have with different claimant, chain, \
            kind, verdict, source or stance label. Exit status 0 when the sessions agree, 1 when they differ, \
            2 on an error (as diff(1) does). See docs/review.md.
            """)

    @Argument(help: "The first session: a name in the sessions folder or a path to a session .json file.",
              completion: .file(extensions: ["json"]))
    var left: String

    @Argument(help: "The second session.", completion: .file(extensions: ["json"]))
    var right: String

    @Option(help: "Output format: text or json.")
    var format: ReviewFormat = .text

    @OptionGroup var sessionsOption: SessionsFolderOption

    func run() throws {
        let loaded: [SessionArguments.Loaded]
        do { loaded = try SessionArguments.read([left, right], folder: sessionsOption.sessionsFolder) } catch { throw ExitCode(2) }
        let names = SessionArguments.analystNames(loaded)
        let diff = SessionDiff(left: loaded[0].session, right: loaded[1].session)
        switch format {
        case .text: SessionArguments.printLines(diff.textLines(left: names[0], right: names[1]))
        case .json: FileHandle.standardOutput.write(Data(diff.json(left: names[0], right: names[1])))
        }
        if !diff.isEmpty { throw ExitCode(1) }
    }
}
