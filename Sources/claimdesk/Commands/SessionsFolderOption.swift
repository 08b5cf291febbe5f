import ArgumentParser
import Foundation

/// `--sessions FOLDER`: where the subcommands that read or write saved sessions find them by name.
struct SessionsFolderOption: ParsableArguments {
    @Option(name: .customLong("sessions"), help: "The folder for sessions (default: $CLAIMDESK_SESSIONS, else ./sessions).",
            completion: .directory)
    var sessionsFolder: String?

    /// The folder itself: the option, else `$CLAIMDESK_SESSIONS`, else `sessions`.
    var folder: String { sessionsFolder ?? ProcessEnvironment()["CLAIMDESK_SESSIONS"] ?? "sessions" }
}
