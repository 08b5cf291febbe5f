import ClaimDeskCore
import Foundation

/// The command interpreter: a line in, output lines or an error out.
///
/// It owns one ``CommandContext`` (the workspace, the host, the journal) and talks to the outside
/// world only through its ``ShellHost``. Each command is a ``ShellCommand`` type; commands that
/// change the session produce one ``Change`` each, which is journalled before the command returns.
public final class Shell {
    /// What commands run in.
    public let context: CommandContext

    public init(host: ShellHost, analyst: String, batch: Bool,
                clock: @escaping @Sendable () -> Timestamp = { Timestamp.now() }) {
        context = CommandContext(host: host, analyst: analyst, batch: batch, clock: clock)
    }

    public var workspace: Workspace {
        get { context.workspace }
        set { context.workspace = newValue }
    }
    public var host: ShellHost { context.host }
    public var batch: Bool { context.batch }
    /// See ``CommandContext/outputWidth``.
    public var outputWidth: Int? {
        get { context.outputWidth }
        set { context.outputWidth = newValue }
    }
    /// The review or curate pass in progress, if any: the loop reads single keys while it is set.
    public internal(set) var reviewWalk: ReviewWalk? {
        get { context.reviewWalk }
        set { context.reviewWalk = newValue }
    }
    /// Why journalling stopped, if a write failed; cleared by a successful save.
    public var journalBroken: String? { context.persistence.journalBroken }
    /// Changes kept in memory only since journalling stopped; cleared by a successful save.
    public var unjournalledChanges: Int { context.persistence.unjournalledChanges }
    /// Where the session is saved and journalled; nil until it is given one.
    public var sessionLocation: SessionLocation? { context.persistence.place.location }
    /// Why the session may not be changed here, if so.
    public var readOnlyReason: String? { context.persistence.place.readOnlyReason }

    /// Runs one command (no `;`: split lines with ``Tokenizer/commands(_:)`` first).
    public func execute(_ line: String) -> ShellResult { context.execute(line) }

    /// Runs one command of a line as ``Tokenizer/commands(_:)`` scanned it, without scanning it again.
    public func execute(_ command: Tokenizer.Command) -> ShellResult { context.execute(command) }

    /// Says that a result's lines are on the screen: work that only prepares for later commands
    /// (encoding an opened session for its first save) starts now, not before the output.
    public func outputShown() { context.persistence.startWarmUp() }

    /// Loads the article or opens the session named on the command line.
    public func start(_ target: StartTarget) -> ShellResult {
        switch target {
        case .article(let path): context.perform(LoadCommand(path: path))
        case .session(let name): context.perform(OpenCommand(session: name))
        }
    }

    /// One key of a review or curate pass.
    public func reviewKey(_ key: Character) -> ShellResult { context.reviewKey(key) }

    /// The text asked for by the last key of a pass: a reason, a comment or a command.
    public func reviewAnswer(_ text: String) -> ShellResult { context.reviewAnswer(text) }

    /// The current item of a review pass.
    public func reviewItemLines() -> [StyledLine] { context.reviewItemLines() }

    /// Opens the unsaved session a crashed shell left, if any: see ``CommandContext/recoverAbandonedSession()``.
    public func recoverAbandonedSession() -> [StyledLine] { context.recoverAbandonedSession() }

    /// What Tab offers at `cursor` (in Characters) in `line`.
    public func complete(line: String, cursor: Int) -> Completion { context.complete(line: line, cursor: cursor) }

    /// The prompt: the session's name, `*` when there are unsaved changes, `(read-only)` when so.
    public var prompt: StyledLine { context.prompt }

    /// Whether leaving now would lose work: changes that are neither saved nor journalled.
    public var hasUnjournaledChanges: Bool { context.hasUnjournaledChanges }

    /// Releases the session's lock; call before the process ends.
    public func close() { context.close() }
}
