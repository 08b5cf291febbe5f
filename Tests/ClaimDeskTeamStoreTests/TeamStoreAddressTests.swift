@testable import ClaimDeskTeamStore
import Testing

struct TeamStoreAddressTests {
    @Test(arguments: [
        ("postgresql://analyst:s3cret@db.example.org:5432/claimdesk", "postgresql://analyst@db.example.org:5432/claimdesk"),
        ("postgres://me:pw@host/db?sslmode=require", "postgres://me@host/db?sslmode=require"),
        ("postgresql://me@host/db", "postgresql://me@host/db"),
        ("postgresql:///claimdesk?host=/run/postgresql", "postgresql:///claimdesk?host=/run/postgresql"),
    ])
    func messagesNeverShowThePassword(url: String, shown: String) throws {
        #expect(try TeamStoreAddress(url).display == shown)
    }

    @Test func anythingButAPostgreSQLURLIsRefusedWithAnExample() {
        let error = #expect(throws: TeamStoreError.self) { try TeamStoreAddress("sessions.db") }
        #expect(error?.message == "the store must be a PostgreSQL URL such as postgresql://analyst@db.example.org/claimdesk, not \"sessions.db\"")
    }

    @Test func aServerThatStopsAnsweringIsGivenUpOnUnlessTheURLSaysOtherwise() throws {
        let plain = try TeamStoreAddress("postgresql://me@db/claimdesk").conninfo(applicationName: "claimdesk pid 1")
        #expect(plain == "postgresql://me@db/claimdesk?connect_timeout=5&keepalives_idle=10&keepalives_interval=5"
                + "&keepalives_count=3&tcp_user_timeout=15000&application_name=claimdesk%20pid%201")
        let own = try TeamStoreAddress("postgresql://me@db/claimdesk?connect_timeout=30").conninfo(applicationName: "x")
        #expect(own == "postgresql://me@db/claimdesk?connect_timeout=30&keepalives_idle=10&keepalives_interval=5"
                + "&keepalives_count=3&tcp_user_timeout=15000&application_name=x")
    }
}
