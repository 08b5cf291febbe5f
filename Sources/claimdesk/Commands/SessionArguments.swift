import ArgumentParser
import ClaimDeskCore
import ClaimDeskShell
import Foundation

/// Reading the sessions named on a command line, for the commands that compare several of them.
enum SessionArguments {
    struct Loaded {
        let argument: String
        let session: Session
    }

    /// Reads each session (snapshot plus journal, in memory, writing nothing); on the first failure
    /// says which one on standard error and exits with status 2.
    static func read(_ arguments: [String], folder: String?) throws -> [Loaded] {
        let store = DiskSessionStore(folder: folder ?? ProcessEnvironment()["CLAIMDESK_SESSIONS"] ?? "sessions")
        var loaded: [Loaded] = []
        for argument in arguments {
            do {
                let (session, notices) = try ExportCommand.read(argument, from: store)
                ExportCommand.report(notices)
                loaded.append(Loaded(argument: argument, session: session))
            } catch {
                FileHandle.standardError.write(Data(("error: " + TerminalSafeText.escape(error.message) + "\n").utf8))
                throw ExitCode(2)
            }
        }
        return loaded
    }

    /// A name per session for the report: its analyst, or the file name where analysts repeat.
    static func analystNames(_ loaded: [Loaded]) -> [String] {
        let analysts = loaded.map(\.session.analyst)
        return loaded.map { item in
            let file = PathText.deletingExtension(PathText.lastComponent(item.argument))
            let analyst = item.session.analyst
            let name = analysts.filter { $0 == analyst }.count > 1 || analyst.isEmpty ? file : analyst
            return name
        }
    }

    /// Prints lines with untrusted text made safe for the terminal.
    static func printLines(_ lines: [String]) {
        FileHandle.standardOutput.write(Data(lines.map { TerminalSafeText.escape($0) + "\n" }.joined().utf8))
    }
}
