import ArgumentParser
import ClaimDeskCore
import ClaimDeskShell
import Foundation

/// `claimdesk agree A B [C …] [--format text|json]`: inter-annotator agreement between analysts
/// who annotated the same articles.
struct AgreeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agree",
        abstract: "Measure agreement between analysts' sessions of the same articles.",
        discussion: """
            Articles are matched by the SHA-256 of their text. Per layer (claim spans, mention spans, \
            stance evidence): span F1 for exact and overlapping matches, pairwise and averaged; Cohen's κ \
            (two analysts) or Fleiss' κ (more) on the labels of annotations all of them marked; \
            Krippendorff's α (nominal) over the article's non-space characters. See docs/review.md.
            """)

    @Argument(help: "Two or more sessions: names in the sessions folder or paths to session .json files.",
              completion: .file(extensions: ["json"]))
    var sessions: [String]

    @Option(help: "Output format: text or json.")
    var format: ReviewFormat = .text

    @OptionGroup var sessionsOption: SessionsFolderOption

    func validate() throws {
        guard sessions.count >= 2 else { throw ValidationError("agree needs at least two sessions to compare") }
    }

    func run() throws {
        let loaded = try SessionArguments.read(sessions, folder: sessionsOption.sessionsFolder)
        let report = AgreementReport(sessions: loaded.map(\.session), names: SessionArguments.analystNames(loaded))
        switch format {
        case .text: SessionArguments.printLines(report.textLines())
        case .json: FileHandle.standardOutput.write(Data(report.json()))
        }
    }
}
