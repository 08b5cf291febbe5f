import ArgumentParser
import ClaimDeskShell
import ClaimDeskTeamStore
import Foundation

/// The options `push` and `pull` share: the session, the two places, and `--force`.
struct TransferOptions: ParsableArguments {
    @Argument(help: "The session's name (the same in the sessions folder and in the store).")
    var name: String

    @Option(name: .customLong("store"), help: ArgumentHelp("The team store (default: $CLAIMDESK_STORE).", valueName: "postgresql://…"))
    var store: String?

    @OptionGroup var sessionsOption: SessionsFolderOption

    @Flag(help: "Replace the other side even when it has changes this side has not seen.")
    var force = false

    /// Runs a transfer: notices on standard error, what it did on standard output; a failure is one line on standard error and status 1.
    func run(_ body: (SessionTransfer) throws(SessionTransfer.Failure) -> SessionTransfer.Outcome) throws {
        let environment = ProcessEnvironment()
        let folder = sessionsOption.folder
        do {
            guard let url = store ?? environment["CLAIMDESK_STORE"], !url.isEmpty else {
                throw SessionTransfer.Failure("no team store given; pass --store postgresql://… or set CLAIMDESK_STORE")
            }
            let team: TeamSessionStore
            do { team = try SessionHome.teamStore(url, folder: folder, environment: environment) } catch {
                throw SessionTransfer.Failure(error.message)
            }
            defer { team.close() }
            let disk = DiskSessionStore(folder: folder)
            defer { disk.unlockAll() }
            let outcome = try body(SessionTransfer(disk: disk, team: team, folder: folder))
            FileHandle.standardError.write(Data(outcome.notices.map { TerminalSafeText.escape($0) + "\n" }.joined().utf8))
            FileHandle.standardOutput.write(Data((TerminalSafeText.escape(outcome.summary) + "\n").utf8))
        } catch let error as SessionTransfer.Failure {
            FileHandle.standardError.write(Data(("error: " + TerminalSafeText.escape(error.message) + "\n").utf8))
            throw ExitCode(1)
        }
    }
}

/// `claimdesk push NAME`: sends a local session to the team store.
struct PushCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Send a session from the sessions folder to the team store.",
        discussion: "Refuses to replace the store's copy when it changed since it was last pulled or pushed from here (--force does). See docs/team-store.md.")

    @OptionGroup var options: TransferOptions

    func run() throws {
        try options.run { (transfer) throws(SessionTransfer.Failure) in try transfer.push(options.name, force: options.force) }
    }
}

/// `claimdesk pull NAME`: copies a session from the team store into the sessions folder.
struct PullCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull",
        abstract: "Copy a session from the team store into the sessions folder.",
        discussion: "Refuses to replace a local copy with changes never pushed (--force does). See docs/team-store.md.")

    @OptionGroup var options: TransferOptions

    func run() throws {
        try options.run { (transfer) throws(SessionTransfer.Failure) in try transfer.pull(options.name, force: options.force) }
    }
}
