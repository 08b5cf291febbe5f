import ClaimDeskCore
import Foundation

/// The clock the executable uses; `CLAIMDESK_NOW` (seconds since 1970) pins it for reproducible tests.
enum ClaimDeskClock {
    /// The times an ISO-8601 timestamp can write: years 0000 to 9999. A pinned time outside them
    /// is ignored (it would overflow when written out).
    static let writable: ClosedRange<Int64> = -62_167_219_200...253_402_300_799

    /// Asked once per change: `getenv` reads the one variable, where `ProcessInfo.environment`
    /// copied the whole environment into a dictionary each time (a sixth of a change's CPU).
    static func now() -> Timestamp {
        if let pinned = getenv("CLAIMDESK_NOW").map({ String(cString: $0) }), let seconds = Int64(pinned), writable.contains(seconds) {
            return Timestamp(secondsSince1970: seconds)
        }
        return Timestamp.now()
    }
}
