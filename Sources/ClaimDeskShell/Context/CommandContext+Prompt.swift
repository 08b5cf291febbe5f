extension CommandContext {
    /// The prompt: the session's name, `*` when there are unsaved changes, `(read-only)` when so.
    ///
    /// It ends with a visible `>` and a space: libedit drops a colour escape at
    /// the very end of a prompt.
    public var prompt: StyledLine {
        let name = persistence.place.location.flatMap { $0.isUnsaved ? nil : $0.name } ?? "untitled"
        var line = StyledLine(name, .strong)
        if workspace.unsavedChanges > 0 { line.append("*", .warning) }
        if persistence.place.readOnlyReason != nil { line.append(" (read-only)", .warning) }
        line.append("> ")
        return line
    }

    /// Whether leaving now would lose work: changes that are neither saved nor journalled.
    public var hasUnjournaledChanges: Bool {
        workspace.unsavedChanges > 0 && persistence.journalBroken != nil
    }

    /// Releases the session's lock; call before the process ends.
    public func close() {
        persistence.release()
    }
}
