import CSQLite
import ClaimDeskCore

/// One connection to an SQLite database file, through the system library loaded on first use.
///
/// Small on purpose: statements, bindings, rows and transactions are all the index needs.
public final class SQLiteDatabase {
    let handle: OpaquePointer
    /// Prepared statements kept for the connection's life, by SQL text (inserts run thousands of times).
    private var cache: [String: SQLiteStatement] = [:]

    /// Opens (and with `create`, makes) the database at `path`; `readOnly` opens it so that no
    /// statement can write, whatever it says.
    public init(path: String, readOnly: Bool = false, create: Bool = true) throws(SQLiteError) {
        guard claimdesk_sqlite_get() != nil else {
            throw SQLiteError("the SQLite library (libsqlite3.so.0) is not installed; install Debian's libsqlite3-0")
        }
        var db: OpaquePointer?
        let flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0)
        let status = claimdesk_sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard status == SQLITE_OK, let db else {
            let message = db.map { String(cString: claimdesk_sqlite3_errmsg($0)) } ?? "out of memory"
            if let db { _ = claimdesk_sqlite3_close_v2(db) }
            throw SQLiteError(message)
        }
        handle = db
        _ = claimdesk_sqlite3_busy_timeout(db, 5000)
        if readOnly { try execute("PRAGMA query_only = 1") }
    }

    deinit {
        for statement in cache.values { statement.finalize() }
        _ = claimdesk_sqlite3_close_v2(handle)
    }

    /// The library's version, such as `3.40.1`.
    public static var libraryVersion: String? {
        claimdesk_sqlite_get() == nil ? nil : String(cString: claimdesk_sqlite3_libversion())
    }

    var lastError: String { String(cString: claimdesk_sqlite3_errmsg(handle)) }

    /// Runs statements that return no rows (schema, pragmas, transactions).
    public func execute(_ sql: String) throws(SQLiteError) {
        guard claimdesk_sqlite3_exec(handle, sql) == SQLITE_OK else { throw SQLiteError(lastError) }
    }

    /// A statement for this SQL, prepared once and reused.
    func cached(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        if let statement = cache[sql] {
            statement.reset()
            return statement
        }
        let statement = try prepare(sql)
        cache[sql] = statement
        return statement
    }

    /// A new statement for one SQL statement; anything after its end but spaces and `;` is refused.
    public func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        var statement: OpaquePointer?
        var rest = ""
        let status = sql.withCString { text -> Int32 in
            var tail: UnsafePointer<CChar>?
            let status = claimdesk_sqlite3_prepare_v2(handle, text, -1, &statement, &tail)
            if let tail { rest = String(cString: tail) }
            return status
        }
        guard status == SQLITE_OK, let statement else {
            throw SQLiteError(status == SQLITE_OK ? "the SQL holds no statement" : lastError)
        }
        let prepared = SQLiteStatement(statement, database: self)
        guard rest.allSatisfy({ $0.isWhitespace || $0 == ";" }) else {
            prepared.finalize()
            throw SQLiteError("give one statement at a time")
        }
        return prepared
    }

    /// Runs a statement with bindings, returning nothing.
    func run(_ sql: String, _ values: [CorpusValue]) throws(SQLiteError) {
        let statement = try cached(sql)
        try statement.bind(values)
        while try statement.step() {}
    }

    /// Rows of a query, each a list of values in column order.
    func rows(_ sql: String, _ values: [CorpusValue] = []) throws(SQLiteError) -> [[CorpusValue]] {
        let statement = try cached(sql)
        try statement.bind(values)
        var rows: [[CorpusValue]] = []
        while try statement.step() { rows.append(statement.row()) }
        return rows
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func transaction<T>(_ body: () throws(SQLiteError) -> T) throws(SQLiteError) -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }
}
