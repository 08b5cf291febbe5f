import ArgumentParser
import ClaimDeskCore
import ClaimDeskShell
import Foundation

/// `claimdesk [FILE|SESSION]`: the interactive shell, or batch mode when stdin is not a terminal.
struct ShellCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shell",
        abstract: "Open the ClaimDesk shell (the default).",
        discussion: """
            With a terminal on standard input this is the interactive shell. Otherwise, or with \
            --script or -c, commands are read without prompts and errors are reported as \
            FILE:LINE: error: …, with exit status 1 when any command failed.
            """)

    @Argument(help: "An article to load (.txt or .md) or a session to open (NAME or PATH.json).",
              completion: .file())
    var target: String?

    @Option(name: .customLong("script"), help: ArgumentHelp("Run the commands in FILE, then exit.", valueName: "file"),
            completion: .file())
    var script: String?

    @Option(name: .customShort("c"), help: ArgumentHelp("Run these commands (separated by ;), then exit.", valueName: "commands"))
    var commands: String?

    @Flag(help: "In batch mode, stop at the first command that fails.")
    var bail = false

    @Option(help: ArgumentHelp("Who is annotating (default: $CLAIMDESK_ANALYST, else $USER).", valueName: "name"))
    var analyst: String?

    @Option(name: .customLong("sessions"),
            help: ArgumentHelp("The folder for sessions (default: $CLAIMDESK_SESSIONS, else ./sessions).", valueName: "folder"),
            completion: .directory)
    var sessionsFolder: String?

    @Option(name: .customLong("store"),
            help: ArgumentHelp("Keep sessions in a team store, a PostgreSQL database (default: $CLAIMDESK_STORE; see docs/team-store.md).",
                               valueName: "postgresql://…"))
    var store: String?

    func validate() throws {
        if script != nil && commands != nil { throw ValidationError("give either --script or -c, not both") }
    }

    func run() throws {
        let status = ShellLauncher(target: target, script: script, commands: commands, bail: bail, analyst: analyst,
                                   sessionsFolder: sessionsFolder, store: store).run()
        if status != 0 { throw ExitCode(status) }
    }
}

/// The shell with its options decided: what `claimdesk [FILE|SESSION] [options]` runs.
///
/// Kept apart from the argument parsing so that the commonest start, `claimdesk` or
/// `claimdesk FILE`, need not pay for it (see ``ClaimDesk/main()``).
struct ShellLauncher {
    var target: String?
    var script: String?
    var commands: String?
    var bail = false
    var analyst: String?
    var sessionsFolder: String?
    var store: String?

    /// Runs the shell; returns the exit status.
    func run() -> Int32 {
        // Over a file-size limit a write should fail with an error we can report, not kill us.
        signal(SIGXFSZ, SIG_IGN)
        let environment = ProcessEnvironment()
        let batch = script != nil || commands != nil || !TerminalInfo.isTerminal(STDIN_FILENO)
        let sessions: SessionHome
        do {
            sessions = try SessionHome(folder: sessionsFolder, store: store, environment: environment)
        } catch {
            FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
            return 2
        }
        let store = sessions.store
        let stdinCarriesCommands = batch && script == nil && commands == nil
        let host = DiskHost(store: store, standardInputIsFree: !stdinCarriesCommands && !TerminalInfo.isTerminal(STDIN_FILENO))
        let who = analyst ?? environment["CLAIMDESK_ANALYST"] ?? environment["USER"] ?? "analyst"
        let shell = Shell(host: host, analyst: who, batch: batch, clock: { ClaimDeskClock.now() })
        defer {
            shell.close()
            // No lock file is left behind by a run that ends normally, and no lease is kept.
            sessions.close()
        }

        if batch {
            return BatchRunner(shell: shell, bail: bail).run(start: startTarget(), source: batchSource())
        }
        InteractiveLoop(shell: shell).run(start: startTarget(), historyPath: Self.historyPath(environment))
        return 0
    }

    /// The article or session given on the command line, if any.
    func startTarget() -> StartTarget? {
        guard let target else { return nil }
        let exists = POSIXFile.exists(target)
        if target.hasSuffix(".json") || (!exists && !target.contains("/") && !target.contains(".")) {
            return .session(target)
        }
        return .article(target)
    }

    func batchSource() -> BatchRunner.Source {
        if let commands { return .text(commands, name: "<command>") }
        if let script { return .file(script) }
        return .standardInput
    }

    /// `$CLAIMDESK_HISTORY`, else `${XDG_STATE_HOME:-~/.local/state}/claimdesk/history`.
    static func historyPath(_ environment: ProcessEnvironment) -> String? {
        if let path = environment["CLAIMDESK_HISTORY"] { return path.isEmpty ? nil : path }
        let state = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["HOME"].map { $0 + "/.local/state" }
        guard let state else { return nil }
        let folder = state + "/claimdesk"
        POSIXFile.makeFolders(folder)
        return folder + "/history"
    }
}
