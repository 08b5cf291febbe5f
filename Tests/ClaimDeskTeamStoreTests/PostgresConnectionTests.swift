@testable import ClaimDeskTeamStore
import Foundation
import Testing

@Suite(.enabled(if: TestStore.enabled, "CLAIMDESK_SKIP_STORE_TESTS=1"))
struct PostgresConnectionTests {
    func connection() throws -> PostgresConnection? {
        guard let address = TestStore.address() else { return nil }
        return try PostgresConnection(address.conninfo(applicationName: "connection test"))
    }

    /// A change's statement is parsed once per connection: later runs send only the values.
    @Test func aRepeatedStatementIsPreparedOnceAndRunsWithNewValues() throws {
        guard let connection = try connection() else { return }
        defer { connection.close() }
        let sql = "SELECT $1::text || '-' || $2::text"
        #expect(try connection.queryPrepared(sql, ["a", "1"]) == [["a-1"]])
        #expect(try connection.queryPrepared(sql, ["b", nil]) == [[nil]])
        #expect(try connection.queryPrepared(sql, ["c", "3"]) == [["c-3"]])
        #expect(try connection.query("SELECT count(*) FROM pg_prepared_statements") == [["1"]])
        #expect(try connection.query("SELECT statement FROM pg_prepared_statements") == [[sql]])
    }

    /// A new connection (after a lost one) prepares its statements again rather than naming one
    /// the server never saw.
    @Test func aNewConnectionPreparesAgain() throws {
        guard let first = try connection(), let second = try connection() else { return }
        defer { second.close() }
        let sql = "SELECT $1::integer + 1"
        #expect(try first.queryPrepared(sql, ["1"]) == [["2"]])
        first.close()
        #expect(throws: PostgresError.self) { try first.queryPrepared(sql, ["1"]) }
        #expect(try second.queryPrepared(sql, ["41"]) == [["42"]])
        #expect(try second.query("SELECT count(*) FROM pg_prepared_statements") == [["1"]])
    }

    /// A statement the server refuses to prepare is an error, and the next one still works.
    @Test func aStatementThatCannotBePreparedIsAnErrorNotACrash() throws {
        guard let connection = try connection() else { return }
        defer { connection.close() }
        #expect(throws: PostgresError.self) { try connection.queryPrepared("SELECT FROM no_such_table_here WHERE x = $1", ["1"]) }
        #expect(try connection.queryPrepared("SELECT $1::text", ["ok"]) == [["ok"]])
        #expect(try connection.query("SELECT count(*) FROM pg_prepared_statements") == [["1"]])
    }
}
