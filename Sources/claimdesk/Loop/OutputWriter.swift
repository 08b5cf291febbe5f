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

    /// The prompt for libedit: colour escapes wrapped in its invisible-character marker.
    func prompt(_ line: StyledLine) -> String {
        let marker = String(UnicodeScalar(UInt8(LineEditor.promptEscape)))
        var out = ""
        for run in line.runs {
            let text = TerminalSafeText.escape(run.text)
            if renderer.color, let code = TextRenderer.code(run.style) {
                out += marker + "\u{1B}[" + code + "m" + marker + text + marker + "\u{1B}[0m" + marker
            } else {
                out += text
            }
        }
        return out
    }
}
