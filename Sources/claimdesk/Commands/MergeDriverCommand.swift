import ArgumentParser
import ClaimDeskCore
import ClaimDeskShell
import Foundation

/// `claimdesk merge-driver %O %A %B [%P]`: git's merge driver for session files.
///
/// Git hands over three temporary files (the common ancestor, ours, theirs) and expects the
/// result in the second, with exit status 0 for a clean merge and anything else for conflicts.
/// A session that cannot be read leaves the second file as it was (ours), so git reports a
/// conflict on a file that still opens.
struct MergeDriverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-driver",
        abstract: "Merge two edits of one session file against their common ancestor (a git merge driver).",
        discussion: """
            Records are merged by id: a change one side made is taken, a change both made alike is kept \
            once, and a claim, mention, stance or relation both changed differently becomes a conflict that \
            'curate' opens. Writes the result to OURS; exit status 0 when clean, 1 when conflicts remain, \
            2 when a file cannot be read or merged (OURS is then left as it was). In .gitattributes: \
            'sessions/*.json merge=claimdesk'; in git config: merge.claimdesk.driver \
            'claimdesk merge-driver %O %A %B %P'. See docs/review.md.
            """)

    @Argument(help: "The common ancestor's version (git's %O).", completion: .file(extensions: ["json"]))
    var ancestor: String

    @Argument(help: "Our version, where the result is written (git's %A).", completion: .file(extensions: ["json"]))
    var ours: String

    @Argument(help: "Their version (git's %B).", completion: .file(extensions: ["json"]))
    var theirs: String

    @Argument(help: "The file's path in the repository (git's %P), for messages and provenance.")
    var path: String?

    func run() throws {
        let name = path.map { PathText.lastComponent($0) } ?? PathText.lastComponent(ours)
        let base = try Self.read(ancestor, as: "the common ancestor of \(name)")
        let mine = try Self.read(ours, as: "our \(name)")
        let yours = try Self.read(theirs, as: "their \(name)")
        let merge = ThreeWayMerge(base: base, ours: mine, theirs: yours, names: (ours: "ours", theirs: "theirs"),
                                  time: ClaimDeskClock.now())
        if let failure = merge.failure { Self.fail("cannot merge \(name): \(failure)") }
        var merged = merge.session
        do {
            let repairs = try SessionIntegrity.check(&merged)
            if !repairs.isEmpty { Self.say(repairs.map { "\(name): repaired \($0)" }) }
        } catch {
            Self.fail("cannot merge \(name): the result would not open (\(error.message)); merge it by hand")
        }
        do {
            try POSIXFile.writeAtomically(SessionDocument.encode(merged), to: ours)
        } catch {
            Self.fail("cannot write \(ours): \(error.message)")
        }
        Self.say(merge.notes.map { "\(name): \($0)" })
        let open = merged.orderedConflicts
        guard !open.isEmpty else { return }
        Self.say(["\(name): \(Plural.count(open.count, "conflict")) (" + open.map { "\($0.id) on \($0.subject)" }.joined(separator: ", ")
                  + "); open it and type curate, then git add it"])
        throw ExitCode(1)
    }

    static func read(_ path: String, as what: String) throws -> Session {
        guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(what) (\(path))") }
        do {
            return try SessionDocument.decode(data)
        } catch {
            fail("cannot read \(what): \(error.message)")
        }
    }

    static func say(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        FileHandle.standardError.write(Data(lines.map { TerminalSafeText.escape($0) + "\n" }.joined().utf8))
    }

    static func fail(_ message: String) -> Never {
        say(["error: " + message])
        Foundation.exit(2)
    }
}
