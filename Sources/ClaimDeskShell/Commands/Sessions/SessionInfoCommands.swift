import ClaimDeskCore
import Foundation

/// `sessions`: the saved sessions.
struct SessionsCommand: ShellCommand {
    static let spec = CommandSpec(
        "sessions", group: CommandGroup.sessions,
        summary: "List saved sessions", usage: "sessions", example: "sessions")

    init(_ arguments: ParsedArguments) {}

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        let listings: [SessionListing]
        do { listings = try context.host.store.list() } catch { throw ShellError("cannot list sessions: \(error.message)") }
        guard !listings.isEmpty else { return ["no saved sessions yet; save one with save NAME"] }
        let width = listings.map { DisplayWidth.of(TerminalSafeText.escape($0.location.name)) }.max() ?? 0
        return listings.map { listing in
            let current = listing.location.key == context.workspace.location?.key
            var line = StyledLine(current ? "* " : "  ", .strong)
            line.append(DisplayWidth.padded(TerminalSafeText.escape(listing.location.name), to: width + 2), .strong)
            if listing.location.isUnsaved {
                line.append("unsaved", .warning)
            } else {
                line.append(listing.location.displayPath, .dim)
                line.append("  \(CommandContext.size(listing.bytes))", .dim)
            }
            if let modified = listing.modified {
                line.append("  " + Timestamp(modified).description, .dim)
            }
            if listing.pendingChanges > 0 { line.append("  \(count(listing.pendingChanges, "change")) in the journal", .notice) }
            if let holder = listing.heldBy, !current { line.append("  open in \(holder)", .warning) }
            return line
        }
    }
}

/// `status`: the session's name, file, articles, counts and unsaved changes.
struct StatusCommand: ShellCommand {
    static let spec = CommandSpec(
        "status", group: CommandGroup.sessions,
        summary: "Show the session's name, file, articles, counts and unsaved changes",
        usage: "status", example: "status")

    init(_ arguments: ParsedArguments) {}

    func run(in context: CommandContext) -> [StyledLine] {
        context.status()
    }
}
