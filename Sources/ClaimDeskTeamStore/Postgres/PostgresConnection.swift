import CLibPQ
import Foundation

/// One connection to a PostgreSQL server through libpq: statements with text parameters, rows of text.
///
/// libpq is opened on first use (see `CLibPQ/shim.h`), so a shell that never names a store never
/// loads it. A connection is never re-established behind the caller's back: the team store's
/// leases are advisory locks held by this very connection, and a new one holds none of them.
final class PostgresConnection {
    private var handle: OpaquePointer?
    /// Statements prepared on this connection, by SQL text: their names on the server.
    private var prepared: [String: String] = [:]

    /// Connects, or throws a one-line error (`.unreachable` when no server answered).
    init(_ conninfo: String) throws(PostgresError) {
        guard claimdesk_pq_available() != 0 else {
            throw PostgresError(kind: .unavailable,
                                message: "libpq is not installed, so the team store cannot be reached; install it (apt-get install libpq5)")
        }
        let raw = conninfo.withCString { claimdesk_pq_connect($0) }
        guard let raw else { throw PostgresError(kind: .unreachable, message: "libpq could not start a connection (out of memory?)") }
        let connection = OpaquePointer(raw)
        guard claimdesk_pq_status(UnsafeRawPointer(connection)) == CLAIMDESK_PQ_CONNECTION_OK else {
            let message = PostgresError.oneLine(claimdesk_pq_error_message(UnsafeRawPointer(connection)))
            claimdesk_pq_finish(UnsafeMutableRawPointer(connection))
            throw PostgresError(kind: .unreachable, message: message)
        }
        handle = connection
    }

    deinit { close() }

    /// Ends the connection (and so releases every advisory lock it held).
    func close() {
        if let handle { claimdesk_pq_finish(UnsafeMutableRawPointer(handle)) }
        handle = nil
        prepared.removeAll()
    }

    /// Whether the connection is still up as far as libpq knows (it learns of a loss on the next statement).
    var isOpen: Bool {
        guard let handle else { return false }
        return claimdesk_pq_status(UnsafeRawPointer(handle)) == CLAIMDESK_PQ_CONNECTION_OK
    }

    /// The server process serving this connection.
    var backendPID: Int32 {
        handle.map { claimdesk_pq_backend_pid(UnsafeRawPointer($0)) } ?? 0
    }

    /// Runs one statement with `$1…` parameters (nil is SQL NULL) and returns its rows as text.
    @discardableResult
    func query(_ sql: String, _ parameters: [String?] = []) throws(PostgresError) -> [[String?]] {
        guard let handle else { throw PostgresError(kind: .connectionLost, message: "the connection was closed") }
        let result = sql.withCString { text in
            Self.withCStrings(parameters) { values in
                claimdesk_pq_exec_params(UnsafeMutableRawPointer(handle), text, Int32(values.count), values.baseAddress)
            }
        }
        return try rows(of: result)
    }

    /// Runs a statement that is run again and again (once per change) as a prepared statement: the
    /// server parses and plans it once per connection, and each run is one round trip carrying
    /// only the parameters.
    @discardableResult
    func queryPrepared(_ sql: String, _ parameters: [String?]) throws(PostgresError) -> [[String?]] {
        guard let handle else { throw PostgresError(kind: .connectionLost, message: "the connection was closed") }
        let name: String
        if let known = prepared[sql] {
            name = known
        } else {
            name = "claimdesk_\(prepared.count + 1)"
            let result = name.withCString { label in
                sql.withCString { claimdesk_pq_prepare(UnsafeMutableRawPointer(handle), label, $0, Int32(parameters.count)) }
            }
            _ = try rows(of: result)
            prepared[sql] = name
        }
        let result = name.withCString { label in
            Self.withCStrings(parameters) { values in
                claimdesk_pq_exec_prepared(UnsafeMutableRawPointer(handle), label, Int32(values.count), values.baseAddress)
            }
        }
        return try rows(of: result)
    }

    /// Calls `body` with the parameters as C strings (nil as SQL NULL): each one's bytes stay
    /// alive for the call, strdup'd before it and freed after it.
    private static func withCStrings<Result>(_ parameters: [String?],
                                             _ body: (UnsafeBufferPointer<UnsafePointer<CChar>?>) -> Result) -> Result {
        let copies: [UnsafeMutablePointer<CChar>?] = parameters.map { $0.flatMap { strdup($0) } }
        defer { copies.forEach { free($0) } }
        return copies.map { UnsafePointer($0) }.withUnsafeBufferPointer(body)
    }

    /// Runs statements without parameters (`BEGIN`, `COMMIT`, the schema's DDL).
    func execute(_ sql: String) throws(PostgresError) {
        guard let handle else { throw PostgresError(kind: .connectionLost, message: "the connection was closed") }
        let result = sql.withCString { claimdesk_pq_exec(UnsafeMutableRawPointer(handle), $0) }
        _ = try rows(of: result)
    }

    private func rows(of result: UnsafeMutableRawPointer?) throws(PostgresError) -> [[String?]] {
        guard let result else { throw failure(nil) }
        defer { claimdesk_pq_clear(result) }
        let status = claimdesk_pq_result_status(result)
        guard status == CLAIMDESK_PQ_PGRES_COMMAND_OK || status == CLAIMDESK_PQ_PGRES_TUPLES_OK else { throw failure(result) }
        let count = claimdesk_pq_rows(result), width = claimdesk_pq_columns(result)
        var rows: [[String?]] = []
        rows.reserveCapacity(Int(count))
        for row in 0..<count {
            var values: [String?] = []
            values.reserveCapacity(Int(width))
            for column in 0..<width {
                if claimdesk_pq_is_null(result, row, column) != 0 { values.append(nil); continue }
                let length = Int(claimdesk_pq_length(result, row, column))
                guard let bytes = claimdesk_pq_value(result, row, column) else { values.append(nil); continue }
                let buffer = UnsafeRawBufferPointer(start: bytes, count: length)
                values.append(String(decoding: buffer, as: UTF8.self))
            }
            rows.append(values)
        }
        return rows
    }

    /// The error of a failed statement; `.connectionLost` when the connection went down with it.
    private func failure(_ result: UnsafeMutableRawPointer?) -> PostgresError {
        let lost = !isOpen
        let text = result.flatMap { claimdesk_pq_result_error(UnsafeRawPointer($0)) }
            ?? handle.flatMap { claimdesk_pq_error_message(UnsafeRawPointer($0)) }
        let state = result.flatMap { claimdesk_pq_result_sqlstate(UnsafeRawPointer($0)) }.map { String(cString: $0) }
        // Class 08 is "connection exception"; 57P01–57P03 are an administrator or crash shutdown.
        let shutdown = state.map { $0.hasPrefix("08") || $0.hasPrefix("57P") } ?? false
        return PostgresError(kind: lost || shutdown ? .connectionLost : .statement, message: PostgresError.oneLine(text), sqlState: state)
    }
}
