import ClaimDeskShell
import Foundation

/// Writes rendered output and errors; the only place the executable prints shell results.
struct OutputWriter {
    let renderer: TextRenderer

    func write(_ lines: [StyledLine]) {
        guard !lines.isEmpty else { return }
        FileHandle.standardOutput.write(Data(renderer.render(lines).utf8))
    }

    /// An error on standard error, `LOCATION: error: message` in batch mode, `error: message` otherwise.
    func writeError(_ message: String, location: String? = nil) {
        var text = (location.map { $0 + ": " } ?? "") + "error: " + TerminalSafeText.escape(message)
        if renderer.color { text = "\u{1B}[31m" + text + "\u{1B}[0m" }
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// The prompt for libedit: bold, with its colour escapes wrapped in libedit's invisible-character
    /// marker. One escape before the text and one after it, followed by visible characters: libedit
    /// mishandles several escapes in a row and drops one at the very end of a prompt.
    func prompt(_ line: StyledLine) -> String {
        let text = TerminalSafeText.escape(line.description)
        guard renderer.color, text.hasSuffix("> ") else { return text }
        let marker = String(UnicodeScalar(UInt8(LineEditor.promptEscape)))
        return marker + "\u{1B}[1m" + marker + text.dropLast(2) + marker + "\u{1B}[0m" + marker + "> "
    }
}
