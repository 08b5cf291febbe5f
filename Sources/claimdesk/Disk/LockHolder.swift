#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a lock or a lease names the process that holds it, for people to read:
/// `claimdesk pid 4242 on desk-3 since 2026-12-07T21:40:00Z`.
enum LockHolder {
    /// This process, now. The host's name comes from `gethostname`: Foundation's
    /// `ProcessInfo.hostName` cost about 50 µs of a session's opening (a `Host` made and resolved).
    static func thisProcess() -> String {
        "claimdesk pid \(getpid()) on \(hostName()) since \(ClaimDeskClock.now())"
    }

    private static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty ? "localhost" : name
    }
}
