import CPseudoTerminal
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why driving the terminal failed; the description carries what the terminal showed,
/// so a failing test explains itself in the log.
struct PseudoTerminalError: Error, CustomStringConvertible {
    var description: String
}

/// The built `claimdesk` running in a pseudo-terminal, typed at as a user would.
///
/// Standard input, output and error are all the pty's terminal side, so the binary
/// takes its interactive path (libedit, prompt, colour), and everything it writes
/// reaches the master side, in order, which this type reads into ``transcript``.
/// Nothing is stripped or translated: the terminal's own echo, `\r\n` line ends and
/// libedit's cursor movements are all there.
final class PseudoTerminalSession {
    /// Generous, because other builds share the machine: a timeout means "it never
    /// came", never "it came too slowly".
    static let defaultTimeout: Duration = .seconds(10)

    /// Bytes a terminal sends for keys.
    enum Key {
        static let tab = "\t"
        /// The Return key: a terminal sends a carriage return, not a line feed.
        static let enter = "\r"
        static let up = "\u{1B}[A"
        static let controlC = "\u{03}"
        static let controlD = "\u{04}"
    }

    let processID: pid_t
    private let master: Int32
    /// Everything the program wrote to the terminal so far.
    private(set) var transcript: [UInt8] = []
    /// Where the last successful ``expect(_:timeout:)`` match ended; the next one looks after it,
    /// so waiting for a prompt never matches a prompt that was already there.
    private var matchedUpTo = 0
    private var endOfOutput = false
    private var exitCode: Int32?
    private var isClosed = false

    /// Starts `executable ARGUMENTS` in a new `rows` x `columns` terminal, with exactly
    /// `environment` (nothing is inherited) and `directory` as its working directory.
    /// Wide by default, so that no test line wraps.
    init(executable: URL = ClaimDeskProcess.executableURL, arguments: [String] = [],
         environment: [String: String], directory: URL? = nil,
         rows: UInt16 = 40, columns: UInt16 = 200) throws {
        // Every C string is made before forking: the child may only make
        // async-signal-safe calls until execve, and allocating is not one.
        let path = executable.path
        let argv = CStringArray([path] + arguments)
        let envp = CStringArray(environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
        var master: Int32 = -1
        let pid = withExtendedLifetime((argv, envp)) {
            directory.map(\.path).withOptionalCString { directory in
                claimdesk_spawn_in_pty_at(path, argv.pointers, envp.pointers, directory, rows, columns, &master)
            }
        }
        guard pid > 0 else {
            throw PseudoTerminalError(description: "could not start \(path) in a pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        processID = pid
        self.master = master
        // Reads must never block: `expect` waits with poll and its own deadline.
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    }

    deinit { close() }

    /// Kills the program if it still runs and releases the terminal. Safe to call twice.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        if exitCode == nil {
            kill(processID, SIGKILL)
            var status: Int32 = 0
            while waitpid(processID, &status, 0) < 0 && errno == EINTR {}
        }
        _ = Glibc.close(master)
    }

    // MARK: Typing

    /// Types `text` as its UTF-8 bytes, as a terminal sends what a user types or pastes.
    /// See ``send(bytes:waitForLineEditor:)`` for when it types.
    func send(_ text: String, waitForLineEditor: Bool = true) throws {
        try send(bytes: Array(text.utf8), waitForLineEditor: waitForLineEditor)
    }

    /// Writes raw bytes to the terminal (control keys, escape sequences, any byte at all).
    ///
    /// By default it first waits until the line editor reads keys: libedit draws the prompt
    /// and only then takes the terminal out of canonical mode, at its first read. Keys that
    /// arrive in between meet the terminal's own line discipline, which echoes them itself
    /// (libedit then echoes them again) and treats control keys its own way. A user never
    /// types that fast; a test does, so it waits, as a user waits for the prompt.
    func send(bytes: [UInt8], waitForLineEditor: Bool = true) throws {
        if waitForLineEditor { try waitUntilReadingKeys() }
        var offset = 0
        let deadline = ContinuousClock.now + Self.defaultTimeout
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if written > 0 {
                offset += written
            } else if written < 0 && (errno == EAGAIN || errno == EINTR) {
                // The terminal's input queue is full until the program reads; wait for room.
                guard ContinuousClock.now < deadline else {
                    throw failure("could not type \(bytes.count - offset) more bytes: the program stopped reading")
                }
                var entry = pollfd(fd: master, events: Int16(POLLOUT), revents: 0)
                _ = poll(&entry, 1, 50)
            } else {
                throw failure("could not type: \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Waits until the terminal is out of canonical mode, which is how libedit sets it while
    /// it edits a line. On Linux the master side reports the terminal side's settings.
    private func waitUntilReadingKeys(timeout: Duration = defaultTimeout) throws {
        let deadline = ContinuousClock.now + timeout
        while true {
            var settings = termios()
            guard tcgetattr(master, &settings) == 0 else {
                throw failure("could not read the terminal's settings: \(String(cString: strerror(errno)))")
            }
            if settings.c_lflag & tcflag_t(ICANON) == 0 { return }
            if endOfOutput {
                throw failure("the program's output ended while waiting for it to read keys")
            }
            guard ContinuousClock.now < deadline else {
                throw failure("timed out after \(timeout) waiting for the line editor to read keys")
            }
            // Keep reading meanwhile, so a program that is still writing is never blocked.
            readAvailableOutput(waitingUntil: min(deadline, ContinuousClock.now + .milliseconds(2)))
        }
    }

    // MARK: Reading

    /// Reads until the output after the previous match contains `text` (compared as
    /// UTF-8 bytes, exactly). Returns the output from the previous match through this
    /// one, escape sequences and all. Throws, with the whole transcript, when `text`
    /// does not come within `timeout` or the program ends without writing it.
    @discardableResult
    func expect(_ text: String, timeout: Duration = defaultTimeout) throws -> String {
        let wanted = Array(text.utf8)
        let deadline = ContinuousClock.now + timeout
        while true {
            if let end = endOfMatch(of: wanted, from: matchedUpTo) {
                let chunk = transcript[matchedUpTo..<end]
                matchedUpTo = end
                return String(decoding: chunk, as: UTF8.self)
            }
            if endOfOutput {
                throw failure("the program's output ended without \(Self.quoted(text))")
            }
            guard ContinuousClock.now < deadline else {
                throw failure("timed out after \(timeout) waiting for \(Self.quoted(text))")
            }
            readAvailableOutput(waitingUntil: deadline)
        }
    }

    /// Reads until the terminal's cursor row shows exactly `line` (colours ignored),
    /// which is what the user sees after libedit redraws a line, for instance on Tab.
    /// Trailing spaces count: after a completion the cursor sits after one.
    func expectCursorLine(_ line: String, timeout: Duration = defaultTimeout) throws {
        let deadline = ContinuousClock.now + timeout
        while true {
            let shown = screen.cursorLine
            if shown == line { return }
            if endOfOutput {
                throw failure("the program's output ended; the cursor row shows \(Self.quoted(shown)), not \(Self.quoted(line))")
            }
            guard ContinuousClock.now < deadline else {
                throw failure("timed out after \(timeout): the cursor row shows \(Self.quoted(shown)), not \(Self.quoted(line))")
            }
            readAvailableOutput(waitingUntil: deadline)
        }
    }

    /// The transcript as text (invalid UTF-8 shows as U+FFFD).
    var transcriptText: String { String(decoding: transcript, as: UTF8.self) }

    /// What a terminal would show after the output so far.
    var screen: TerminalScreen { TerminalScreen(rendering: transcript) }

    /// Waits for new output until `deadline`, then reads all there is without blocking.
    private func readAvailableOutput(waitingUntil deadline: ContinuousClock.Instant) {
        guard !endOfOutput else { return }
        let remaining = ContinuousClock.now.duration(to: deadline) / .milliseconds(1)
        let milliseconds = Int32(max(0, min(remaining.rounded(.up), 1000)))
        var entry = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&entry, 1, milliseconds) > 0 else { return }
        drain()
    }

    /// Reads whatever the terminal holds right now. On Linux, reading the master side
    /// fails with EIO once every holder of the terminal side is gone: the end of output.
    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if count > 0 {
                transcript += buffer[0..<count]
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                if count == 0 || errno == EIO { endOfOutput = true }
                return
            }
        }
    }

    private func endOfMatch(of wanted: [UInt8], from start: Int) -> Int? {
        guard !wanted.isEmpty else { return start }
        guard transcript.count - start >= wanted.count else { return nil }
        for offset in start...(transcript.count - wanted.count)
        where transcript[offset] == wanted[0] && transcript[offset..<offset + wanted.count].elementsEqual(wanted) {
            return offset + wanted.count
        }
        return nil
    }

    // MARK: Exit

    /// Waits for the program to end, reading its last output meanwhile, and returns its
    /// exit status (128 + the signal's number when a signal ended it, as shells report).
    /// Kills it and throws when it is still running after `timeout`.
    /// Gives the terminal a new size, as a user dragging the window does: the kernel sends the
    /// program SIGWINCH, and `TIOCGWINSZ` reports the new size from now on.
    func resize(rows: UInt16, columns: UInt16) throws {
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        guard ioctl(master, UInt(TIOCSWINSZ), &size) == 0 else {
            throw PseudoTerminalError(description: "could not resize the terminal: \(String(cString: strerror(errno)))")
        }
    }

    func waitForExit(timeout: Duration = defaultTimeout) throws -> Int32 {
        if let exitCode { return exitCode }
        let deadline = ContinuousClock.now + timeout
        while true {
            var status: Int32 = 0
            let reaped = waitpid(processID, &status, WNOHANG)
            if reaped == processID {
                drain()
                let signal = status & 0x7F
                let code = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
                exitCode = code
                return code
            }
            if reaped < 0 && errno != EINTR {
                throw failure("waitpid failed: \(String(cString: strerror(errno)))")
            }
            guard ContinuousClock.now < deadline else {
                close()
                throw failure("still running after \(timeout); killed it")
            }
            // Keep reading: a program blocked on a full terminal would never exit.
            if endOfOutput {
                usleep(10_000)
            } else {
                readAvailableOutput(waitingUntil: min(deadline, ContinuousClock.now + .milliseconds(20)))
            }
        }
    }

    // MARK: Text helpers

    /// `text` without ANSI escape sequences (CSI such as colours and cursor moves, OSC,
    /// and two-byte escapes), for comparing what the user reads.
    static func removingEscapeSequences(from text: String) -> String {
        var result = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\u{1B}" else {
                result.append(scalar)
                continue
            }
            switch scalars.next() {
            case "["?:
                // Parameters and intermediates up to a final byte in @...~.
                while let next = scalars.next(), !(0x40...0x7E).contains(next.value) {}
            case "]"?:
                // Up to BEL or ESC \.
                while let next = scalars.next(), next != "\u{07}" {
                    if next == "\u{1B}" { _ = scalars.next(); break }
                }
            default:
                break
            }
        }
        return String(result)
    }

    private func failure(_ message: String) -> PseudoTerminalError {
        PseudoTerminalError(description: "\(message)\n--- the terminal showed (escaped) ---\n\(Self.visible(transcriptText))\n--- end ---")
    }

    /// Shows control characters and escapes legibly in failure messages.
    static func visible(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n\n"
            case "\r": out += "\\r"
            case "\u{1B}": out += "\\e"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += "\\x" + String(scalar.value, radix: 16, uppercase: true)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func quoted(_ text: String) -> String { "\"" + visible(text) + "\"" }
}

/// A NULL-terminated `char *[]` for execve, owning its strings until it is released.
private final class CStringArray {
    let pointers: [UnsafeMutablePointer<CChar>?]

    init(_ strings: [String]) {
        pointers = strings.map { strdup($0) } + [nil]
    }

    deinit { pointers.forEach { free($0) } }
}

private extension Optional where Wrapped == String {
    func withOptionalCString<R>(_ body: (UnsafePointer<CChar>?) -> R) -> R {
        switch self {
        case .some(let string): return string.withCString { body($0) }
        case .none: return body(nil)
        }
    }
}
