import ClaimDeskCore
import Foundation

/// `save [NAME|PATH]`: writes the session's snapshot and starts a fresh journal.
struct SaveCommand: ShellCommand {
    static let name = Positional("NAME", .sessionName, optional: true)

    static let spec = CommandSpec(
        "save", group: CommandGroup.sessions,
        summary: "Save the session (to sessions/NAME.json, or a path ending in .json)",
        usage: "save [NAME|PATH]", example: "save harbor-talks",
        details: ["With no argument saves where the session was opened or last saved."],
        arguments: [name])

    var target: String?

    init(_ arguments: ParsedArguments) {
        target = arguments.text(Self.name)
    }

    func run(in context: CommandContext) throws(ShellError) -> [StyledLine] {
        let store = context.host.store
        let current = context.workspace.location
        let location: SessionLocation
        if let target {
            do { location = try store.location(for: target) } catch { throw ShellError("cannot save to \(target): \(error.message)") }
        } else if let current, !current.isUnsaved {
            location = current
        } else {
            throw ShellError("this session has no name yet; save it with save NAME (it lands in the sessions folder)")
        }
        let sameAsCurrent = location.key == current?.key
        if sameAsCurrent {
            // Also notices a lock taken by another process after its file was deleted.
            try context.requireWritable()
            try context.checkUnchangedOnDisk(location)
        }
        // Only the lock holder may remove the journal of the session it came from (a read-only copy never does).
        let ownsCurrent = context.workspace.readOnlyReason == nil
        var lockNote: StyledLine? = nil
        if !sameAsCurrent {
            if store.exists(location) {
                throw ShellError("\(location.displayPath) exists already; choose another name, or open it to work on it")
            }
            let outcome: LockOutcome
            do { outcome = try store.lock(location) } catch { throw ShellError("cannot save to \(location.displayPath): \(error.message)") }
            switch outcome {
            case .acquired: break
            case .tookOver(let previous): lockNote = StyledLine("took over a stale lock left by \(previous)", .dim)
            case .heldBy(let holder): throw ShellError("\(location.displayPath) is being edited by \(holder); choose another name")
            }
        }
        var session = context.workspace.session
        session.name = location.name
        let data = SessionDocument.encode(session, cache: &context.workspace.encodingCache)
        do {
            try store.writeSnapshot(data, to: location)
        } catch {
            if !sameAsCurrent { store.unlock(location) }
            throw ShellError("could not save to \(location.displayPath): \(error.message); your work is still here and in the journal")
        }
        if !sameAsCurrent, let current, ownsCurrent {
            store.discardJournal(at: current)
            store.unlock(current)
        }
        context.workspace.setName(location.name)
        context.workspace.location = location
        context.workspace.readOnlyReason = nil
        context.workspace.snapshotFingerprint = SHA256Digest.hex(ofData: data)
        context.workspace.markSaved()
        context.journalStarted = false
        context.journalBroken = nil
        context.unjournalledChanges = 0
        let s = context.workspace.session
        var lines = [StyledLine("Saved \(location.displayPath) (\(s.contentsSummary))")]
        if let lockNote { lines.append(lockNote) }
        return lines
    }
}
