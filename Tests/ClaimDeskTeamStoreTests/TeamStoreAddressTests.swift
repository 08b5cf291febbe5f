import ClaimDeskTeamStore
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
}
