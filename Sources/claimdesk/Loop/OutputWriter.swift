import ClaimDeskShell
import Foundation
#if canImport(Glibc)
import Glibc
#endif

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
        Self.writeAll(renderer.render(lines), to: STDOUT_FILENO)
    }

    /// Writes every byte of `text` to standard output with `write(2)`, retrying short writes and
    /// interruptions: what `FileHandle.standardOutput.write` did, without creating Foundation's
    /// file handle on the way to the first prompt. Should a write fail, the rest goes to
    /// `FileHandle` after all, so that a failure ends exactly as it did before.
    static func writeAll(_ text: String, to fd: Int32) {
        var text = text
        let unwritten: [UInt8] = text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count, let base = bytes.baseAddress {
                let n = Glibc.write(fd, base + offset, bytes.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return Array(bytes[offset...]) }
                offset += n
            }
            return []
        }
        if !unwritten.isEmpty { FileHandle(fileDescriptor: fd, closeOnDealloc: false).write(Data(unwritten)) }
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
