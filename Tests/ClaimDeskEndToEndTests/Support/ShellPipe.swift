import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The built `claimdesk` in batch mode, fed one command at a time over a pipe, so a test can
/// act between commands: wait for an answer, or kill the process at a chosen moment.
final class ShellPipe: @unchecked Sendable {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let lock = NSLock()
    private var received = Data()
    private var consumed = 0

    init(_ arguments: [String], in directory: URL, environment: [String: String] = [:],
         executable: URL = ClaimDeskProcess.executableURL, prefix: [String] = []) throws {
        process.executableURL = prefix.isEmpty ? executable : URL(fileURLWithPath: prefix[0])
        process.arguments = prefix.isEmpty ? arguments : Array(prefix.dropFirst()) + [executable.path] + arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["CLAIMDESK_ANALYST"] = "tester"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let chunk = handle.availableData
            guard let self, !chunk.isEmpty else { return }
            self.lock.lock()
            self.received.append(chunk)
            self.lock.unlock()
        }
        try process.run()
    }

    deinit {
        output.fileHandleForReading.readabilityHandler = nil
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    var pid: Int32 { process.processIdentifier }

    /// Everything printed so far (standard output and error together).
    var transcript: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: received, as: UTF8.self)
    }

    func send(_ line: String) {
        input.fileHandleForWriting.write(Data((line + "\n").utf8))
    }

    /// Waits until `text` appears after what earlier waits matched; false on timeout.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 20) -> Bool {
        let needle = Data(text.utf8)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            lock.lock()
            if let range = received.range(of: needle, in: consumed..<received.count) {
                consumed = range.upperBound
                lock.unlock()
                return true
            }
            lock.unlock()
            usleep(2_000)
        }
        return false
    }

    /// Closes standard input (end of the script) and waits for the exit status.
    func finish() -> Int32 {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Kills the process at once, as a crash or a dropped connection would.
    func killNow() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
