/// The team store's tables, created on first use and versioned (see docs/team-store.md).
enum TeamStoreSchema {
    static let version = 1

    /// The first key of every lease's two-key advisory lock ("ClDk"); the second is the session's id.
    static let leaseClass: Int64 = 0x436C_446B

    /// Creates the tables when the database has none, in one transaction under a transaction-level
    /// advisory lock, so two clients starting at once do not race; refuses a newer schema.
    static func prepare(_ connection: PostgresConnection) throws(PostgresError) {
        if let found = try installedVersion(connection) {
            try check(found)
            return
        }
        try connection.execute("BEGIN")
        do {
            try connection.query("SELECT pg_advisory_xact_lock($1, 0)", [String(leaseClass)])
            if let found = try installedVersion(connection) {
                try connection.execute("COMMIT")
                try check(found)
                return
            }
            try connection.execute(ddl)
            try connection.query("INSERT INTO claimdesk_schema (version) VALUES ($1)", [String(version)])
            try connection.execute("COMMIT")
        } catch {
            try? connection.execute("ROLLBACK")
            throw error
        }
    }

    private static func installedVersion(_ connection: PostgresConnection) throws(PostgresError) -> Int? {
        let present = try connection.query("SELECT to_regclass('claimdesk_schema') IS NOT NULL")
        guard present.first?.first == "t" else { return nil }
        let rows = try connection.query("SELECT max(version) FROM claimdesk_schema")
        return rows.first?.first.flatMap { $0.flatMap(Int.init) }
    }

    private static func check(_ found: Int) throws(PostgresError) {
        guard found <= version else {
            throw PostgresError(kind: .statement,
                                message: "its tables are schema version \(found), newer than this ClaimDesk knows (\(version)); upgrade ClaimDesk")
        }
    }

    static let ddl = """
        CREATE TABLE claimdesk_schema (
            version integer NOT NULL
        );
        CREATE TABLE claimdesk_sessions (
            id bigserial PRIMARY KEY,
            name text NOT NULL UNIQUE,
            snapshot text,
            snapshot_sha256 text,
            through_seq bigint NOT NULL DEFAULT 0,
            saved_at timestamptz,
            saved_by text
        );
        CREATE TABLE claimdesk_changes (
            session_id bigint NOT NULL REFERENCES claimdesk_sessions (id) ON DELETE CASCADE,
            seq bigint NOT NULL,
            line text NOT NULL,
            written_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (session_id, seq)
        );
        CREATE TABLE claimdesk_set_aside (
            session_name text NOT NULL,
            reason text NOT NULL,
            seq bigint NOT NULL,
            line text NOT NULL,
            set_aside_at timestamptz NOT NULL DEFAULT now()
        );
        """
}
