import Foundation

/// A fresh folder for one pseudo-terminal test, with a short story in it, and the environment
/// that keeps every file the binary writes inside it (no colour, a pinned clock).
struct TerminalFolder {
    let url: URL

    /// `story` is written as `harbor-story.txt`.
    init(story: String) throws {
        url = try ClaimDeskProcess.temporaryDirectory()
        try story.write(to: url.appendingPathComponent("harbor-story.txt"), atomically: true, encoding: .utf8)
    }

    func environment(analyst: String) -> [String: String] {
        [
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "HOME": url.appendingPathComponent("home").path,
            "CLAIMDESK_HISTORY": url.appendingPathComponent("history").path,
            "CLAIMDESK_SESSIONS": url.appendingPathComponent("sessions").path,
            "CLAIMDESK_ANALYST": analyst,
            "CLAIMDESK_NOW": "1700000000",
            "TERM": "xterm",
            "NO_COLOR": "1",
        ]
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
