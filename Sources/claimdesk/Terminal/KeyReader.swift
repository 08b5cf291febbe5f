import ClaimDeskShell
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads one key press from the terminal, for the review pass's single-key answers.
///
/// The terminal leaves line mode (no echo, no waiting for Enter, Ctrl-C as a key) for exactly
/// that read and is put back as it was, so libedit finds it as it left it.
enum KeyReader {
    /// How a key pressed in a walk is echoed: a control key in caret notation (Ctrl-C as `^C`), as
    /// terminals show it, anything else made safe for the terminal.
    static func echo(_ key: Character) -> String {
        let scalars = key.unicodeScalars
        if scalars.count == 1, let scalar = scalars.first, scalar.value < 0x20 {
            return "^" + String(Character(Unicode.Scalar(UInt8(scalar.value + 0x40))))
        }
        return TerminalSafeText.escape(String(key))
    }

    /// The key pressed: a character (UTF-8 decoded), Enter as "\n"; nil when input ended.
    /// Arrow keys read as n (right, down) and p (left, up).
    static func readKey() -> Character? {
        var saved = termios()
        let isTerminal = tcgetattr(STDIN_FILENO, &saved) == 0
        if isTerminal {
            var raw = saved
            raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG)
            withUnsafeMutableBytes(of: &raw.c_cc) { bytes in
                bytes[Int(VMIN)] = 1
                bytes[Int(VTIME)] = 0
            }
            tcsetattr(STDIN_FILENO, TCSANOW, &raw)
        }
        defer { if isTerminal { tcsetattr(STDIN_FILENO, TCSANOW, &saved) } }

        guard let first = readByte() else { return nil }
        if first == 0x1B {
            // An escape sequence: ESC [ A..D for the arrows; anything else is ignored as ESC.
            guard let bracket = readByte(timeoutMilliseconds: 30), bracket == 0x5B || bracket == 0x4F,
                  let code = readByte(timeoutMilliseconds: 30) else { return "\u{1B}" }
            switch code {
            case 0x41, 0x44: return "p"
            case 0x42, 0x43: return "n"
            default: return "\u{1B}"
            }
        }
        if first == 0x0D || first == 0x0A { return "\n" }
        var bytes = [first]
        let length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1
        while bytes.count < length, let next = readByte(timeoutMilliseconds: 50) { bytes.append(next) }
        return String(decoding: bytes, as: UTF8.self).first
    }

    private static func readByte(timeoutMilliseconds: Int32? = nil) -> UInt8? {
        if let timeoutMilliseconds {
            var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, timeoutMilliseconds) > 0 else { return nil }
        }
        var byte: UInt8 = 0
        while true {
            let count = read(STDIN_FILENO, &byte, 1)
            if count == 1 { return byte }
            if count < 0 && errno == EINTR { continue }
            return nil
        }
    }
}
