import ArgumentParser
import ClaimDeskCore
import ClaimDeskShell
import Foundation

extension ExportFormat: ExpressibleByArgument {}

/// `claimdesk export SESSION --format FORMAT [-o PATH]`: exports a saved session without the shell.
///
/// The session is only read: no lock is taken and nothing is written beside it. Changes still in
/// its journal (the shell quit without `save`) are replayed in memory, so the export shows what
/// `open` would show.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a session to W3C Web Annotation, ClaimReview, brat, CSV, Markdown or HTML.",
        discussion: """
            SESSION is a name in the sessions folder or a path to a session .json file. Without -o, \
            single-file formats go to standard output; brat writes a folder and needs -o. \
            Formats are described in docs/exports.md.
            """)

    @Argument(help: "A session name (in the sessions folder) or a path to a session .json file.", completion: .file(extensions: ["json"]))
    var session: String

    @Option(name: [.short, .long], help: "The format: \(ExportFormat.names.joined(separator: ", ")).")
    var format: ExportFormat

    @Option(name: [.short, .customLong("output")], help: "Where to write: a file, or a folder (brat). Default: standard output.",
            completion: .file())
    var output: String?

    @Flag(name: .customLong("all"), help: "claimreview: publish claims not yet accepted in review too.")
    var includeUnaccepted = false

    @Option(name: .customLong("sessions"), help: "The folder for sessions (default: $CLAIMDESK_SESSIONS, else ./sessions).",
            completion: .directory)
    var sessionsFolder: String?

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let store = DiskSessionStore(folder: sessionsFolder ?? environment["CLAIMDESK_SESSIONS"] ?? "sessions")
        do {
            let (loaded, notices) = try Self.read(session, from: store)
            let result: ExportResult
            do { result = try format.export(loaded, options: ExportOptions(includeUnaccepted: includeUnaccepted)) } catch { throw Failure("cannot export \(format.rawValue): \(error.message)") }
            guard let output else {
                guard let data = result.data else {
                    throw Failure("\(format.rawValue) writes a folder; give one with -o DIR")
                }
                FileHandle.standardOutput.write(data)
                Self.report(notices + result.warnings.map { "note: " + $0 })
                return
            }
            let host = DiskHost(store: store, standardInputIsFree: false)
            let name = ExportNaming.safeFileName(loaded.name ?? PathText.deletingExtension(PathText.lastComponent(session)),
                                                 fallback: "untitled")
            let written: String
            do {
                written = try ExportWriter(host: host).write(result, to: output, defaultName: format.defaultName(for: name))
            } catch {
                throw Failure("cannot write \(output): \(error.message); choose another path")
            }
            Self.report(notices + result.warnings.map { "note: " + $0 }
                        + ["Exported \(result.count) annotation\(result.count == 1 ? "" : "s") as \(format.title) to \(written)"])
        } catch let failure as Failure {
            FileHandle.standardError.write(Data(("error: " + TerminalSafeText.escape(failure.message) + "\n").utf8))
            throw ExitCode(1)
        }
    }

    struct Failure: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    static func report(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        FileHandle.standardError.write(Data(lines.map { TerminalSafeText.escape($0) + "\n" }.joined().utf8))
    }

    /// Reads a session's snapshot and replays its journal in memory, writing nothing.
    static func read(_ nameOrPath: String, from store: DiskSessionStore) throws(Failure) -> (Session, [String]) {
        let location: SessionLocation
        let stored: StoredSession
        do {
            location = try store.location(for: nameOrPath)
            stored = try store.read(location)
        } catch {
            throw Failure("cannot read the session \(nameOrPath): \(error.message)")
        }
        var snapshot: Session? = nil
        if let data = stored.snapshot {
            do { snapshot = try SessionDocument.decode(data) } catch {
                throw Failure("cannot read \(location.displayPath): \(error.message)")
            }
        }
        // The same rules as opening: a journal goes only onto the snapshot it continues.
        let plan = JournalReplay(lines: stored.journal, snapshot: snapshot, fingerprint: stored.snapshot.map(SHA256Digest.hex(ofData:)))
        let journal = stored.journalPath ?? "the journal"
        guard var session = snapshot ?? (plan.outcome == .continues || plan.outcome == .empty ? plan.base : nil) else {
            throw Failure("no session \(location.name) (\(location.displayPath))")
        }
        if snapshot == nil { session.name = location.name }
        var notices: [String] = []
        for change in plan.changes { session.apply(change) }
        switch plan.outcome {
        case .otherSnapshot:
            notices.append("warning: \(journal) continues another version of \(location.displayPath); its changes were left out")
        case .newerVersion(let version):
            notices.append("warning: \(journal) was written by a newer ClaimDesk (journal version \(version)); its changes were left out")
        case .noHeader:
            notices.append("warning: \(journal) is damaged at line 1; its changes were left out")
        case .empty, .continues, .alreadySaved:
            break
        }
        switch plan.stop {
        case .damaged(let line)?:
            notices.append("warning: \(location.name)'s journal is damaged at line \(line); the changes before it are included")
        case .mismatch(let line, _, let record)?:
            notices.append("warning: \(location.name)'s journal expects \(record) otherwise at line \(line); the changes before it are included")
        case .inconsistent(let line, _, let problem)?:
            notices.append("warning: \(location.name)'s journal would leave the session inconsistent at line \(line) (\(problem)); the changes before it are included")
        case nil:
            break
        }
        if !plan.changes.isEmpty {
            notices.append("included \(plan.changes.count) journalled change\(plan.changes.count == 1 ? "" : "s") not yet saved in \(location.displayPath)")
        }
        if stored.tornTail { notices.append("warning: the journal's last line was cut off; it was left out") }
        return (session, notices)
    }
}
