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

    @OptionGroup var sessionsOption: SessionsFolderOption

    func run() throws {
        let store = DiskSessionStore(folder: sessionsOption.folder)
        do {
            let (loaded, notices) = try Self.read(session, from: store)
            let options = ExportOptions(includeUnaccepted: includeUnaccepted)
            let host = DiskHost(store: store, standardInputIsFree: false)
            let name = ExportNaming.safeFileName(loaded.name ?? PathText.deletingExtension(PathText.lastComponent(session)),
                                                 fallback: "untitled")
            // One-file formats go out as they are made, so the whole document is never in memory.
            if format.streamingExporter(options) != nil {
                let (summary, written) = try stream(loaded, options: options, host: host, defaultName: format.defaultName(for: name))
                Self.report(notices + summary.warnings.map { "note: " + $0 }
                            + (written.map { ["Exported \(Plural.count(summary.count, "annotation")) as \(format.title) to \($0)"] } ?? []))
                return
            }
            // A folder (brat) goes out file by file, each written as soon as it is made.
            let (summary, written) = try streamFolder(loaded, options: options, host: host)
            Self.report(notices + summary.warnings.map { "note: " + $0 }
                        + ["Exported \(Plural.count(summary.count, "annotation")) as \(format.title) to \(written)"])
        } catch {
            // Every step throws a `Failure`, so the error is one.
            FileHandle.standardError.write(Data(("error: " + TerminalSafeText.escape(error.message) + "\n").utf8))
            throw ExitCode(1)
        }
    }

    /// Writes a one-file export to standard output, or atomically to the file `-o` names (nil
    /// where it went for standard output).
    private func stream(_ session: Session, options: ExportOptions, host: DiskHost,
                        defaultName: String) throws(Failure) -> (ExportSummary, String?) {
        func export(to descriptor: Int32) throws(Failure) -> ExportSummary {
            var out = DescriptorExportOutput(descriptor: descriptor)
            let summary: ExportSummary?
            do { summary = try format.export(session, options: options, to: &out) } catch {
                throw Failure("cannot export \(format.rawValue): \(error.message)")
            }
            guard let summary else { throw Failure("\(format.rawValue) writes a folder; give one with -o DIR") }
            if let failure = out.failure { throw Failure("cannot write \(output ?? "the export"): \(failure.message)") }
            return summary
        }
        guard let output else { return (try export(to: STDOUT_FILENO), nil) }
        // The export's own refusal is kept apart from the file's, so it is reported as it is.
        var refusal: Failure?
        var summary = ExportSummary(count: 0)
        let target: String
        do {
            target = try ExportWriter(host: host).fileTarget(output, defaultName: defaultName)
            try host.writeFile(to: target) { descriptor throws(HostError) in
                do throws(Failure) { summary = try export(to: descriptor) } catch {
                    refusal = error
                    throw HostError(error.message)
                }
            }
        } catch {
            throw refusal ?? Failure("cannot write \(output): \(error.message); choose another path")
        }
        return (summary, target)
    }

    /// Writes a folder export into the folder `-o` names, one file at a time; where it went.
    private func streamFolder(_ session: Session, options: ExportOptions, host: DiskHost) throws(Failure) -> (ExportSummary, String) {
        let fileNames: [String]?
        do { fileNames = try format.folderFileNames(session, options: options) } catch {
            throw Failure("cannot export \(format.rawValue): \(error.message)")
        }
        guard let names = fileNames else { throw Failure("\(format.rawValue) does not write a folder") }
        guard let output else { throw Failure("\(format.rawValue) writes a folder; give one with -o DIR") }
        let writer = ExportWriter(host: host)
        do {
            let folder = try writer.folderTarget(output, names: names)
            let summary = try format.exportFolder(session, options: options) { (file: ExportedFile) throws(HostError) in
                try writer.write(file, into: folder)
            }
            return (summary ?? ExportSummary(count: 0), folder.hasSuffix("/") ? folder : folder + "/")
        } catch {
            throw Failure("cannot write \(output): \(error.message); choose another path")
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
        do { return try stored.replayedInMemory(at: location) } catch { throw Failure(error.message) }
    }
}
