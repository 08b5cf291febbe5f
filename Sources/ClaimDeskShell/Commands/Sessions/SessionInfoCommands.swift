import ClaimDeskCore
import Foundation

/// `sessions`: the saved sessions.
struct SessionsCommand: ArgumentlessCommand {
    static let spec = CommandSpec(
        "sessions", group: CommandGroup.sessions,
        summary: "List saved sessions")

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        let listings: [SessionListing]
        do { listings = try context.host.store.list() } catch { throw ShellError("cannot list sessions: \(error.message)") }
        guard !listings.isEmpty else { return ["no saved sessions yet; save one with save NAME"] }
        let width = listings.map { DisplayWidth.of(TerminalSafeText.escape($0.location.name)) }.max() ?? 0
        return listings.map { listing in
            let current = listing.location.key == context.persistence.place.location?.key
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
struct StatusCommand: ArgumentlessCommand {
    static let spec = CommandSpec(
        "status", group: CommandGroup.sessions,
        summary: "Show the session's name, file, articles, counts and unsaved changes")

    func run(in context: CommandContext) -> [StyledLine] {
        let s = context.workspace.session
        var lines: [StyledLine] = []
        var first = StyledLine("session   ") + StyledLine(context.persistence.place.location?.name ?? "untitled", .strong)
        if let location = context.persistence.place.location, !location.isUnsaved { first.append("  " + location.displayPath, .dim) }
        if let reason = context.persistence.place.readOnlyReason { first.append("  read-only: " + reason, .warning) }
        lines.append(first)
        lines.append(StyledLine("analyst   \(context.workspace.analyst)"))
        if let article = context.workspace.article {
            lines.append(StyledLine("articles  \(s.articles.count), active \(article.id) \"\(article.title)\""))
            lines += context.articleMetadataLines(article)
        } else {
            lines.append(StyledLine("articles  \(s.articles.count)"))
        }
        lines.append(StyledLine("counts    \(count(s.sources.count, "source")), \(count(s.claims.count, "claim")), "
                                + "\(count(s.mentions.count, "mention")), \(count(s.propositions.count, "proposition")), "
                                + "\(count(s.stances.count, "stance")), \(count(s.relations.count, "relation"))"))
        if context.workspace.unsavedChanges == 0 && !context.workspace.heldBackChanges.isEmpty {
            lines.append(StyledLine("changes   none yet (a loaded article is kept from your first change on)"))
        } else if context.workspace.unsavedChanges == 0 {
            lines.append(StyledLine("changes   all saved"))
        } else {
            let kept = context.persistence.journalBroken == nil ? "kept in the journal" : "NOT journalled: save now"
            lines.append(StyledLine("changes   \(count(context.workspace.unsavedChanges, "unsaved change")) (\(kept))",
                                    context.persistence.journalBroken == nil ? .plain : .warning))
        }
        lines.append(StyledLine("review    " + context.reviewProgress()))
        if !s.conflicts.isEmpty { lines.append(StyledLine("merge     \(context.conflictsProgress()) (curate settles them)", .warning)) }
        lines.append(StyledLine("history   \(count(context.workspace.undoStack.count, "step")) to undo, \(context.workspace.redoStack.count) to redo", .dim))
        return lines
    }
}
