import CSQLite
import ClaimDeskCore

/// A prepared statement: bind values, step through rows, read columns.
public final class SQLiteStatement {
    private var handle: OpaquePointer?
    unowned let database: SQLiteDatabase

    init(_ handle: OpaquePointer, database: SQLiteDatabase) {
        self.handle = handle
        self.database = database
    }

    deinit { finalize() }

    func finalize() {
        if let handle { _ = claimdesk_sqlite3_finalize(handle) }
        handle = nil
    }

    func reset() {
        guard let handle else { return }
        _ = claimdesk_sqlite3_reset(handle)
        _ = claimdesk_sqlite3_clear_bindings(handle)
    }

    /// Whether the statement only reads (SQLite's own judgement, as `sqlite3_stmt_readonly`).
    public var isReadOnly: Bool {
        guard let handle else { return true }
        return claimdesk_sqlite3_stmt_readonly(handle) != 0
    }

    public var columnNames: [String] {
        guard let handle else { return [] }
        return (0..<claimdesk_sqlite3_column_count(handle)).map { String(cString: claimdesk_sqlite3_column_name(handle, $0)) }
    }

    func bind(_ values: [CorpusValue]) throws(SQLiteError) {
        guard let handle else { throw SQLiteError("the statement was finalized") }
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32
            switch value {
            case .null: status = claimdesk_sqlite3_bind_null(handle, index)
            case .integer(let n): status = claimdesk_sqlite3_bind_int64(handle, index, n)
            case .real(let d): status = claimdesk_sqlite3_bind_double(handle, index, d)
            case .text(let s):
                // The byte count keeps text with a NUL character whole.
                let count = Int32(clamping: s.utf8.count)
                status = s.withCString { claimdesk_sqlite3_bind_text(handle, index, $0, count) }
            }
            guard status == SQLITE_OK else { throw SQLiteError(database.lastError) }
        }
    }

    /// Advances to the next row: true while there is one.
    public func step() throws(SQLiteError) -> Bool {
        guard let handle else { return false }
        switch claimdesk_sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw SQLiteError(database.lastError)
        }
    }

    /// One column of the current row as text, or nil when it is NULL or not text.
    func text(_ column: Int32) -> String? {
        guard let handle, claimdesk_sqlite3_column_type(handle, column) == SQLITE_TEXT,
              let text = claimdesk_sqlite3_column_text(handle, column) else { return nil }
        let count = Int(claimdesk_sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    /// Calls `body` with one column's text bytes (none for NULL), without making a string.
    func withBytes<T>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        guard let handle, let text = claimdesk_sqlite3_column_text(handle, column) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return body(UnsafeBufferPointer(start: text, count: Int(claimdesk_sqlite3_column_bytes(handle, column))))
    }

    /// One column of the current row as an integer (0 for NULL), read without making a value.
    func integer(_ column: Int32) -> Int64 {
        guard let handle else { return 0 }
        return claimdesk_sqlite3_column_int64(handle, column)
    }

    /// The current row's values.
    public func row() -> [CorpusValue] {
        guard let handle else { return [] }
        return (0..<claimdesk_sqlite3_column_count(handle)).map { column in
            switch claimdesk_sqlite3_column_type(handle, column) {
            case SQLITE_INTEGER: return .integer(claimdesk_sqlite3_column_int64(handle, column))
            case SQLITE_FLOAT: return .real(claimdesk_sqlite3_column_double(handle, column))
            case SQLITE_NULL: return .null
            default:
                guard let text = claimdesk_sqlite3_column_text(handle, column) else { return .null }
                let count = Int(claimdesk_sqlite3_column_bytes(handle, column))
                return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
            }
        }
    }
}
