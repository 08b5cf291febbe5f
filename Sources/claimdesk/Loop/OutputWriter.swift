import ClaimDeskShell
import Foundation

/// Writes rendered output and errors; the only place the executable prints shell results.
///
/// On a terminal the width is asked again for every answer (`width`), so output follows a resized
/// window from the next command on.
struct OutputWriter {
    let color: Bool
    /// The columns to wrap to, read when output is written; nil for none.
    let width: () -> Int?

    init(color: Bool, width: @escaping () -> Int? = { nil }) {
        self.color = color
        self.width = width
    }

    var renderer: TextRenderer { TextRenderer(color: color, width: width()) }

    func write(_ lines: [StyledLine]) {
        guard !lines.isEmpty else { return }
        FileHandle.standardOutput.write(Data(renderer.render(lines).utf8))
    }

    /// An error on standard error, `LOCATION: error: message` in batch mode, `error: message` otherwise.
    func writeError(_ message: String, location: String? = nil) {
        var text = (location.map { $0 + ": " } ?? "") + "error: " + TerminalSafeText.escape(message)
        if let width = width() {
            // On a terminal, wrapped like any answer, continuation lines under the message.
            var line = StyledLine((location.map { $0 + ": " } ?? "") + "error: ")
            line.markTextColumn()
            line.append(TerminalSafeText.escape(message))
            text = TextRenderer(color: false, width: width).render(line)
        }
        if color { text = "\u{1B}[31m" + text + "\u{1B}[0m" }
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// The prompt for libedit: bold, with its colour escapes wrapped in libedit's invisible-character
    /// marker. One escape before the text and one after it, followed by visible characters: libedit
    /// mishandles several escapes in a row and drops one at the very end of a prompt.
    func prompt(_ line: StyledLine) -> String {
        let text = TerminalSafeText.escape(line.description)
        guard color, text.hasSuffix("> ") else { return text }
        let marker = String(UnicodeScalar(UInt8(LineEditor.promptEscape)))
        return marker + "\u{1B}[1m" + marker + text.dropLast(2) + marker + "\u{1B}[0m" + marker + "> "
    }
}
