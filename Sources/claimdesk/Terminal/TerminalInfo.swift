import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Facts about the terminal: whether there is one, its width, whether colour is wanted.
enum TerminalInfo {
    static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// Columns of the terminal on standard output, 80 when unknown.
    static func width() -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    /// The columns to wrap the shell's answers to, nil when standard output is not a terminal (a
    /// pipe or a file gets one record per line): `COLUMNS` when it is set to a number (a user's
    /// override, as for `ls`), else the window's width asked of the terminal now (so a resize
    /// counts from the next answer on), else 80.
    static func outputWidth(environment: ProcessEnvironment = ProcessEnvironment()) -> Int? {
        guard isTerminal(STDOUT_FILENO) else { return nil }
        if let value = environment["COLUMNS"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), value > 0 {
            return min(value, 1000)
        }
        return width()
    }

    /// Colour only on a terminal, never with `NO_COLOR` set or `TERM=dumb`.
    static func wantsColor(environment: ProcessEnvironment = ProcessEnvironment()) -> Bool {
        guard isTerminal(STDOUT_FILENO) else { return false }
        if environment["NO_COLOR"] != nil { return false }
        if environment["TERM"] == "dumb" { return false }
        return true
    }

    /// libedit drops every non-ASCII byte in the C locale: take the user's locale, or C.UTF-8.
    static func prepareLocale() {
        let current = setlocale(LC_CTYPE, "").map { String(cString: $0) } ?? "C"
        if current == "C" || current == "POSIX" || !current.lowercased().contains("utf") {
            if setlocale(LC_CTYPE, "C.UTF-8") == nil { setlocale(LC_CTYPE, "en_US.UTF-8") }
        }
    }
}
