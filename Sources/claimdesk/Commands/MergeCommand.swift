import ArgumentParser
import ClaimDeskCore
import ClaimDeskShell
import Foundation

/// `claimdesk merge A B [C …] -o OUT.json [--analyst NAME]`: several analysts' sessions into one,
/// what they agree on kept once and each disagreement kept as a conflict for `curate`.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge analysts' sessions of the same articles into one, marking each disagreement as a conflict.",
        discussion: """
            Articles are joined by the SHA-256 of their text, sources by name or alias, annotations as \
            'claimdesk diff' matches them. What every session has alike is kept once; anything else is kept \
            as the first session's version with a conflict that lists every session's version: open OUT and \
            type curate. The first session keeps its ids; the others are renumbered after it. Exit status 0 \
            when nothing conflicts, 1 when conflicts were written, 2 on an error. See docs/review.md.
            """)

    @Argument(help: "Two or more sessions: names in the sessions folder or paths to session .json files.",
              completion: .file(extensions: ["json"]))
    var sessions: [String]

    @Option(name: [.short, .customLong("output")], help: "The merged session file to write (a new .json path).",
            completion: .file(extensions: ["json"]))
    var output: String

    @Option(help: "Who the merged session belongs to (default: $CLAIMDESK_ANALYST, else $USER).")
    var analyst: String?

    @Flag(help: "Replace OUT if it exists.")
    var force = false

    @OptionGroup var sessionsOption: SessionsFolderOption

    func validate() throws {
        guard sessions.count >= 2 else { throw ValidationError("merge needs at least two sessions") }
    }

    func run() throws {
        let loaded = try SessionArguments.read(sessions, folder: sessionsOption.sessionsFolder)
        for item in loaded where !item.session.conflicts.isEmpty {
            Self.fail("\(item.argument) has \(Plural.count(item.session.conflicts.count, "open conflict")) from an earlier merge; "
                      + "settle them with curate first")
        }
        if !force, FileManager.default.fileExists(atPath: output) {
            Self.fail("\(output) exists; choose another path or add --force to replace it")
        }
        let environment = ProcessInfo.processInfo.environment
        let who = analyst ?? environment["CLAIMDESK_ANALYST"] ?? environment["USER"] ?? "analyst"
        let inputs = loaded.map { SessionMerge.Input(name: Self.inputName($0.argument), session: $0.session) }
        let merge = SessionMerge(inputs, analyst: who, time: ClaimDeskClock.now(),
                                 name: PathText.deletingExtension(PathText.lastComponent(output)))
        do {
            try POSIXFile.writeAtomically(SessionDocument.encode(merge.session), to: output)
        } catch {
            Self.fail("cannot write \(output): \(error.message); choose another path")
        }
        SessionArguments.printLines(merge.textLines(output: output))
        if !merge.session.conflicts.isEmpty { throw ExitCode(1) }
    }

    /// The name provenance records for a session argument: its file name without `.json`.
    static func inputName(_ argument: String) -> String {
        PathText.deletingExtension(PathText.lastComponent(argument))
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data(("error: " + TerminalSafeText.escape(message) + "\n").utf8))
        Foundation.exit(2)
    }
}
