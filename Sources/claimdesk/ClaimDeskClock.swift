import ClaimDeskCore
import Foundation

/// The clock the executable uses; `CLAIMDESK_NOW` (seconds since 1970) pins it for reproducible tests.
enum ClaimDeskClock {
    /// The times an ISO-8601 timestamp can write: years 0000 to 9999. A pinned time outside them
    /// is ignored (it would overflow when written out).
    static let writable: ClosedRange<Int64> = -62_167_219_200...253_402_300_799

    static func now() -> Timestamp {
        if let pinned = ProcessInfo.processInfo.environment["CLAIMDESK_NOW"], let seconds = Int64(pinned), writable.contains(seconds) {
            return Timestamp(secondsSince1970: seconds)
        }
        return Timestamp.now()
    }
}
