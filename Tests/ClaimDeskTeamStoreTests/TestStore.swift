import ClaimDeskCore
import ClaimDeskTeamStore
import Foundation
import Testing

/// The PostgreSQL server the team-store tests use: `CLAIMDESK_TEST_STORE`, set by `.ci/test`
/// (which starts a throw-away server with `.ci/postgres`).
///
/// Without it these tests fail with a message saying how to start one, rather than pass unseen;
/// `CLAIMDESK_SKIP_STORE_TESTS=1` turns them off instead (they are then reported as skipped).
enum TestStore {
    static let environment = ProcessInfo.processInfo.environment
    static let url = environment["CLAIMDESK_TEST_STORE"].flatMap { $0.isEmpty ? nil : $0 }
    static let enabled = url != nil || environment["CLAIMDESK_SKIP_STORE_TESTS"] != "1"

    static let missing = "CLAIMDESK_TEST_STORE is not set: run the tests with bash .ci/test, or start a server with "
        + "eval \"$(.ci/postgres start /tmp/claimdesk-pg)\" first (CLAIMDESK_SKIP_STORE_TESTS=1 skips these tests)"

    /// The server's address; records a failure and returns nil when none was given.
    static func address() -> TeamStoreAddress? {
        guard let url else {
            Issue.record(Comment(rawValue: missing))
            return nil
        }
        return try? TeamStoreAddress(url)
    }

    /// A session name no other test uses.
    static func uniqueName(_ stem: String) -> String {
        stem + "-" + UUID().uuidString.prefix(8).lowercased()
    }

    /// A store client as one analyst's process would have it, with its own local folder.
    static func client(_ address: TeamStoreAddress, folder: URL, holder: String = "test client") -> TeamSessionStore {
        TeamSessionStore(address: address, localFolder: folder.path, holder: holder, retryInterval: 0, now: { Timestamp(secondsSince1970: 1_790_000_000) })
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("claimdesk-store-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
