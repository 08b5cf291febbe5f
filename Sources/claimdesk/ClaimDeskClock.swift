import ClaimDeskCore
import Foundation

/// The clock the executable uses; `CLAIMDESK_NOW` (seconds since 1970) pins it for reproducible tests.
enum ClaimDeskClock {
    static func now() -> Timestamp {
        if let pinned = ProcessInfo.processInfo.environment["CLAIMDESK_NOW"], let seconds = Int64(pinned) {
            return Timestamp(secondsSince1970: seconds)
        }
        return Timestamp.now()
    }
}
