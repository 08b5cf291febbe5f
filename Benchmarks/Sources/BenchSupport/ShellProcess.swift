import Foundation
import Glibc

/// The shell in batch mode, fed one command at a time over a pipe (scale-bench, store-bench).
public final class ShellProcess {
    let process = Process()
    let input = Pipe()
    let output = Pipe()
    var buffer = Data()

    public init(binary: String, arguments: [String], folder: String) throws {
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["CLAIMDESK_ANALYST"] = "bench"
        process.environment = environment
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
    }

    /// Sends a command and waits until a line containing `marker` comes back; returns the seconds taken.
    public func time(_ command: String, until marker: String) -> Double {
        let start = Self.now()
        input.fileHandleForWriting.write(Data((command + "\n").utf8))
        readUntil(marker)
        return Self.now() - start
    }

    /// Reads until `marker` has been printed, and drops what came before it.
    public func readUntil(_ marker: String) {
        let needle = Data(marker.utf8)
        while buffer.range(of: needle) == nil {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { fatalError("claimdesk ended before printing \(marker): \(String(decoding: buffer.suffix(2000), as: UTF8.self))") }
            buffer.append(chunk)
            // A refused command never prints its marker: stop with the error instead of waiting forever.
            if buffer.range(of: needle) == nil, let error = buffer.range(of: Data(": error: ".utf8)) {
                fatalError("claimdesk refused a command while \(marker) was awaited: "
                           + String(decoding: buffer[error.lowerBound...].prefix(300), as: UTF8.self))
            }
        }
        if let found = buffer.range(of: needle) { buffer = Data(buffer[found.upperBound...]) }
    }

    public func finish() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
