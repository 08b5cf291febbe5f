import ArgumentParser
import Glibc

/// The `claimdesk` executable: the shell by default, and subcommands that work without it.
@main
struct ClaimDesk: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "claimdesk",
        abstract: "An editorial annotation workbench for news claims, sources and stances.",
        usage: shellUsage + "\nclaimdesk <subcommand>",
        discussion: "Without a subcommand, opens the shell: 'claimdesk help shell' describes its options, 'claimdesk manual' prints the manual page.",
        version: version,
        subcommands: subcommandTypes,
        defaultSubcommand: ShellCommand.self
    )

    /// The subcommands, apart from ``configuration`` so that ``main()`` can tell their names
    /// without building it: its usage line makes the parser reflect over every shell option.
    static let subcommandTypes: [any ParsableCommand.Type] = [
        ShellCommand.self, SegmentCommand.self, SuggestCommand.self, ReanchorCommand.self, ExportCommand.self, ExtractCommand.self,
        DiffCommand.self, AgreeCommand.self, MergeCommand.self, MergeDriverCommand.self,
        IndexCommand.self, QueryCommand.self, SourcesCommand.self,
        PushCommand.self, PullCommand.self, ManualCommand.self,
    ]

    /// Whether `word` could be a subcommand's name: a file's path (with a `/` or a `.`) cannot, and
    /// the subcommands' configurations, built on first use, are then not asked for their names.
    static func mayNameSubcommand(_ word: String) -> Bool {
        !word.isEmpty && !word.utf8.contains(UInt8(ascii: "/")) && !word.utf8.contains(UInt8(ascii: "."))
    }

    /// The subcommand called `word`, if any.
    static func subcommandType(named word: String) -> (any ParsableCommand.Type)? {
        guard mayNameSubcommand(word) else { return nil }
        return subcommandTypes.first { $0.configuration.commandName == word }
    }

    /// The shell's usage line (`claimdesk [<target>] … [-c <commands>] …`), from its own option declarations.
    static var shellUsage: String {
        "claimdesk" + ShellCommand.usageString().drop(while: { $0 != " " })
    }

    /// Starting the shell is what users do most, and parsing every subcommand's options to find
    /// that out costs several milliseconds of start-up; so the shell's own options are parsed
    /// directly unless the first argument names a subcommand or asks for help or the version.
    /// `claimdesk` and `claimdesk FILE` touch no part of the argument parser at all: even building
    /// ``configuration`` (its usage line) was 2–3 ms, about a fifth of the start.
    ///
    /// A first argument with a `/` or a `.` (a file's path) cannot name a subcommand, so the
    /// subcommands are not asked for their names then: each name is in a configuration that is
    /// built on first use.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let leading = LeadingShellOptions(arguments)
        // `claimdesk --store URL pull NAME`: the subcommand's name first, then its options.
        var named: (any ParsableCommand.Type)?
        if let reordered = leading.subcommandFirst(isSubcommand: { named = subcommandType(named: $0); return named != nil }),
           let subcommand = named {
            // Said here, by name: the subcommand's own parser would take the value for an argument.
            let help = subcommand.helpMessage(columns: 1_000)
            if let foreign = reordered.optionNames.first(where: { !help.contains($0 + " ") }) {
                OutputWriter.writeAll("claimdesk: error: \(reordered.subcommand) does not take \(foreign); "
                                      + "see 'claimdesk \(reordered.subcommand) --help' for what it takes\n", to: STDERR_FILENO)
                exit(withError: ExitCode(64))
            }
            main(reordered.arguments)
            return
        }
        // `claimdesk`, `claimdesk FILE` and `claimdesk --sessions DIR NAME`: nothing for the parser.
        if let start = leading.shellStart(isSubcommand: { $0 == "help" || subcommandType(named: $0) != nil }) {
            let status = ShellLauncher(target: start.target, analyst: start.analyst, sessionsFolder: start.sessions, store: start.store).run()
            if status != 0 { exit(withError: ExitCode(status)) }
            return
        }
        let first = arguments.first ?? ""
        let subcommands = mayNameSubcommand(first) ? subcommandTypes.compactMap { $0.configuration.commandName } + ["help"] : []
        guard !subcommands.contains(first), !first.hasPrefix("-h"), !first.hasPrefix("--help"), !first.hasPrefix("--version"),
              !first.hasPrefix("--generate-completion"),
              var shell = try? ShellCommand.parseAsRoot(Array(CommandLine.arguments.dropFirst())) else {
            // Anything else, including mistakes, goes through the whole command tree for its words.
            main(nil)
            return
        }
        do {
            try shell.run()
        } catch {
            exit(withError: error)
        }
    }
}
