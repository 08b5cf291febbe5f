import ClaimDeskCore
import ClaimDeskShell
import Foundation

/// Sessions in a PostgreSQL database shared by a team: snapshots and journal changes as rows.
///
/// The promise is the one the disk keeps: a change is committed (one `INSERT` of its journal line,
/// keyed by session and sequence number) before the command returns. One process edits a session
/// at a time: it holds a session-level advisory lock (`pg_try_advisory_lock`) on its connection,
/// and the server releases that lock when the connection ends, so a killed client's lease is
/// free at once. While the server is out of reach, changes go to a local outbox (flushed like the
/// journal) and are sent, in order and at most once, when it is back.
public final class TeamSessionStore: SessionStore {
    public let address: TeamStoreAddress
    let outbox: TeamStoreOutbox
    /// How other clients see this one (`claimdesk pid 4242 on desk-1 since …`).
    let holder: String
    let now: () -> Timestamp
    /// How long to wait after a failed attempt before trying the server again.
    let retryInterval: TimeInterval

    private var connection: PostgresConnection?
    private var leases: [String: Lease] = [:]
    private var notices: [String] = []
    private var lastFailure: Date?

    /// A session this process edits.
    struct Lease {
        var id: Int64
        var name: String
        /// The sequence number the next change gets.
        var nextSeq: Int64
        /// The SHA-256 of the snapshot the changes continue (nil: never saved).
        var base: String?
        /// Set when the lease was lost while the server was away and someone else took the session.
        var lost: String?
        /// The SHA-256 of a snapshot being saved: a save whose answer was lost with the connection
        /// may have been committed, and is then no one else's change.
        var saving: String?
    }

    /// - Parameters:
    ///   - localFolder: the sessions folder; changes wait in its `.outbox/` while the store is away.
    public init(address: TeamStoreAddress, localFolder: String, holder: String, retryInterval: TimeInterval = 2,
                now: @escaping () -> Timestamp) {
        self.address = address
        outbox = TeamStoreOutbox(folder: localFolder + "/.outbox")
        self.holder = holder
        self.retryInterval = retryInterval
        self.now = now
    }

    // MARK: - The connection

    /// Connects (creating the tables on first use) and re-takes the leases a lost connection held.
    func connected() throws(HostError) -> PostgresConnection {
        if let connection, connection.isOpen { return connection }
        connection?.close()
        connection = nil
        let fresh: PostgresConnection
        do {
            fresh = try PostgresConnection(address.conninfo(applicationName: holder))
            try TeamStoreSchema.prepare(fresh)
        } catch {
            lastFailure = Date()
            throw describe(error)
        }
        connection = fresh
        lastFailure = nil
        retakeLeases(fresh)
        return fresh
    }

    /// Runs statements on the connection; one that fails because the connection broke is tried once
    /// more on a new connection (every statement here is safe to repeat).
    @discardableResult
    func run<T>(_ body: (PostgresConnection) throws(PostgresError) -> T) throws(HostError) -> T {
        for attempt in 0..<2 {
            let connection = try connected()
            do {
                return try body(connection)
            } catch where error.kind == .connectionLost && attempt == 0 {
                connection.close()
                continue
            } catch {
                if error.isOutage { connection.close(); lastFailure = Date() }
                throw describe(error)
            }
        }
        throw HostError(unreachable("the connection broke twice"))
    }

    private func describe(_ error: PostgresError) -> HostError {
        switch error.kind {
        case .unavailable: return HostError(error.message)
        case .unreachable, .connectionLost: return HostError(unreachable(error.message))
        case .statement: return HostError("the team store at \(address.display) refused it: \(error.message)")
        }
    }

    private func unreachable(_ why: String) -> String {
        "the team store at \(address.display) is out of reach (\(why))"
    }

    /// Whether the last failure is recent enough that trying again now would only wait for nothing.
    private var inBackoff: Bool {
        guard let lastFailure else { return false }
        return Date().timeIntervalSince(lastFailure) < retryInterval
    }

    /// After a reconnection: each lease is taken again, unless someone else took the session or
    /// changed it meanwhile; then it is lost, and the shell goes read-only at its next change.
    private func retakeLeases(_ connection: PostgresConnection) {
        for (key, lease) in leases where lease.lost == nil {
            do {
                let taken = try connection.query("SELECT pg_try_advisory_lock($1, $2::integer)", [String(TeamStoreSchema.leaseClass), String(lease.id)])
                guard taken.first?.first == "t" else {
                    let who = (try? holderOf(lease.id, on: connection)) ?? "another client"
                    leases[key]?.lost = "the team store went away and \(who) took \(lease.name) meanwhile"
                    continue
                }
                let state = try connection.query(
                    "SELECT snapshot_sha256, (SELECT coalesce(max(seq), 0) FROM claimdesk_changes WHERE session_id = $1) FROM claimdesk_sessions WHERE id = $1",
                    [String(lease.id)])
                let sha = state.first?[0] ?? nil
                let last = Self.int64(state, column: 1) ?? 0
                if sha != nil, sha == lease.saving { leases[key]?.base = sha }
                // One row past the last acknowledged one may be our own change whose answer was lost;
                // sending it again finds it there (see ``insert(_:session:on:)``).
                if state.isEmpty || (sha != lease.base && sha != lease.saving) || last > lease.nextSeq {
                    _ = try? connection.query("SELECT pg_advisory_unlock($1, $2::integer)", [String(TeamStoreSchema.leaseClass), String(lease.id)])
                    leases[key]?.lost = "\(lease.name) was changed in the team store while it was out of reach"
                }
            } catch {
                leases[key]?.lost = "its lease could not be taken again: \(error.message)"
            }
        }
    }

    /// Who holds a session's lease, as that client named itself.
    private func holderOf(_ id: Int64, on connection: PostgresConnection) throws(PostgresError) -> String? {
        let rows = try connection.query("""
            SELECT coalesce(nullif(a.application_name, ''), 'another client') FROM pg_locks l
            LEFT JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.classid::bigint = $1 AND l.objid::bigint = $2 AND l.objsubid = 2 AND l.granted
            LIMIT 1
            """, [String(TeamStoreSchema.leaseClass), String(id)])
        return rows.first?.first ?? nil
    }

    /// Ends the connection, which releases every lease (at exit).
    public func close() {
        connection?.close()
        connection = nil
        leases.removeAll()
    }

    /// Sessions whose changes still wait in this folder's outbox: where, and how many.
    public func waitingChanges() -> [(path: String, count: Int)] {
        outbox.names().compactMap { name in
            let count = outbox.count(name)
            return count > 0 ? (outbox.path(name), count) : nil
        }
    }

    public func takeNotices() -> [String] {
        defer { notices.removeAll() }
        return notices
    }

    // MARK: - Locations

    static func key(_ name: String) -> String { "store:" + name }

    private func location(named name: String, unsaved: Bool) -> SessionLocation {
        SessionLocation(name: name, displayPath: Self.key(name), isUnsaved: unsaved, key: Self.key(name))
    }

    public func location(for nameOrPath: String) throws(HostError) -> SessionLocation {
        let name = nameOrPath.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw HostError("the name is empty") }
        if name.hasPrefix("store:") { return try location(for: String(name.dropFirst(6))) }
        if name.hasSuffix(".json") || name.contains("/") {
            throw HostError("the team store keeps sessions by name, not by path; claimdesk push NAME sends a local session there")
        }
        try Self.checkName(name)
        let unsaved = (try? run { c throws(PostgresError) in
            try c.query("SELECT 1 FROM claimdesk_sessions WHERE name = $1 AND snapshot IS NULL", [name])
        })?.isEmpty == false
        return location(named: name, unsaved: unsaved)
    }

    /// The rule for names, as on the disk: letters, digits, `-`, `_`, `.`; not starting with `.`.
    static func checkName(_ name: String) throws(HostError) {
        let allowed = name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0) }
        guard allowed, !name.hasPrefix("."), name.count <= 120 else {
            throw HostError("a session name may use letters, digits, - _ and . (not first)")
        }
    }

    public func newUnsavedLocation() -> SessionLocation {
        let stamp = now().description.replacingOccurrences(of: ":", with: "").replacingOccurrences(of: "-", with: "")
        return location(named: "untitled-\(stamp.dropLast())-\(getpid())", unsaved: true)
    }

    /// Unsaved sessions in a shared store may be anyone's: `sessions` lists them, `open` takes them by name.
    public func abandonedUnsaved() -> [SessionLocation] { [] }

    public func list() throws(HostError) -> [SessionListing] {
        let rows = try run { c throws(PostgresError) in
            try c.query("""
                SELECT s.name, s.snapshot IS NULL, coalesce(octet_length(s.snapshot), 0),
                       extract(epoch FROM coalesce(s.saved_at, (SELECT max(written_at) FROM claimdesk_changes c WHERE c.session_id = s.id))),
                       (SELECT count(*) FROM claimdesk_changes c WHERE c.session_id = s.id AND c.seq > s.through_seq),
                       (SELECT coalesce(nullif(a.application_name, ''), 'another client') FROM pg_locks l
                          LEFT JOIN pg_stat_activity a ON a.pid = l.pid
                          WHERE l.locktype = 'advisory' AND l.classid::bigint = $1 AND l.objid::bigint = s.id AND l.objsubid = 2
                            AND l.granted AND l.pid <> pg_backend_pid() LIMIT 1)
                FROM claimdesk_sessions s
                WHERE s.snapshot IS NOT NULL OR EXISTS (SELECT 1 FROM claimdesk_changes c WHERE c.session_id = s.id)
                ORDER BY s.name
                """, [String(TeamStoreSchema.leaseClass)])
        }
        return rows.map { row in
            let name = row[0] ?? ""
            let location = location(named: name, unsaved: row[1] == "t")
            return SessionListing(location: location,
                                  modified: row[3].flatMap(Double.init).map { Date(timeIntervalSince1970: $0) },
                                  bytes: row[2].flatMap(Int.init) ?? 0,
                                  pendingChanges: row[4].flatMap(Int.init) ?? 0,
                                  heldBy: leases[location.key] != nil ? "this shell" : row[5] ?? nil)
        }
    }

    public func names() -> [String] {
        // Completion runs on every Tab: while the server is away it answers at once, with nothing.
        if inBackoff { return [] }
        let rows = try? run { c throws(PostgresError) in
            try c.query("SELECT name FROM claimdesk_sessions s WHERE s.snapshot IS NOT NULL OR EXISTS (SELECT 1 FROM claimdesk_changes c WHERE c.session_id = s.id) ORDER BY name")
        }
        return rows?.compactMap { $0.first ?? nil } ?? []
    }

    public func exists(_ location: SessionLocation) -> Bool {
        let rows = try? run { c throws(PostgresError) in
            try c.query("SELECT 1 FROM claimdesk_sessions s WHERE name = $1 AND (snapshot IS NOT NULL OR EXISTS (SELECT 1 FROM claimdesk_changes c WHERE c.session_id = s.id))",
                        [location.name])
        }
        return rows?.isEmpty == false
    }

    // MARK: - Reading

    public func read(_ location: SessionLocation) throws(HostError) -> StoredSession {
        let waiting = outbox.read(location.name)
        let found: (snapshot: String?, sha: String?, rows: [(Int64, String)])?
        do {
            found = try run { c throws(PostgresError) in
                let session = try c.query("SELECT id, snapshot, snapshot_sha256, through_seq FROM claimdesk_sessions WHERE name = $1", [location.name])
                guard let row = session.first, let id = row[0] else { return nil }
                let changes = try c.query("SELECT seq, line FROM claimdesk_changes WHERE session_id = $1 AND seq > $2 ORDER BY seq",
                                          [id, row[3] ?? "0"])
                return (row[1], row[2], changes.compactMap { change in
                    guard let seq = change[0].flatMap({ Int64($0) }), let line = change[1] else { return nil }
                    return (seq, line)
                })
            }
        } catch {
            if let waiting, !waiting.entries.isEmpty {
                throw HostError(error.message + "; \(waiting.entries.count) of \(location.name)'s changes are kept in \(outbox.path(location.name)) until it is back")
            }
            throw error
        }
        var journal: [Data] = []
        var lastSeq: Int64 = 0
        for (seq, line) in found?.rows ?? [] {
            journal += Self.lines(Data(line.utf8))
            lastSeq = seq
        }
        // Changes that waited here for the store, when they continue what it has.
        if let waiting, waiting.base == found?.sha {
            for entry in waiting.entries where entry.seq > lastSeq { journal += Self.lines(entry.row) }
        }
        guard found?.snapshot != nil || !journal.isEmpty else {
            throw HostError("no session \(location.name) in the team store at \(address.display); sessions lists them")
        }
        return StoredSession(snapshot: found?.snapshot.map { Data($0.utf8) }, journal: journal, tornTail: false,
                             journalPath: "the journal of \(Self.key(location.name))")
    }

    /// The first row's value in a column, as a number.
    static func int64(_ rows: [[String?]], column: Int) -> Int64? {
        guard let row = rows.first, column < row.count, let text = row[column] else { return nil }
        return Int64(text)
    }

    /// A row's journal lines, each without its newline.
    static func lines(_ row: Data) -> [Data] {
        row.split(separator: 0x0A).map { Data($0) }
    }

    public func currentSnapshot(_ location: SessionLocation) throws(HostError) -> Data? {
        let rows = try run { c throws(PostgresError) in
            try c.query("SELECT snapshot FROM claimdesk_sessions WHERE name = $1", [location.name])
        }
        return rows.first?.first.flatMap { $0.map { Data($0.utf8) } }
    }

    // MARK: - Leases

    public func lock(_ location: SessionLocation) throws(HostError) -> LockOutcome {
        if leases[location.key] != nil { return .acquired }
        let outcome: (Lease?, String?) = try run { c throws(PostgresError) in
            try c.query("INSERT INTO claimdesk_sessions (name) VALUES ($1) ON CONFLICT (name) DO NOTHING", [location.name])
            guard let id = try c.query("SELECT id FROM claimdesk_sessions WHERE name = $1", [location.name]).first?.first ?? nil,
                  let number = Int64(id) else {
                throw PostgresError(kind: .statement, message: "the session's row vanished as it was created")
            }
            let taken = try c.query("SELECT pg_try_advisory_lock($1, $2::integer)", [String(TeamStoreSchema.leaseClass), id])
            guard taken.first?.first == "t" else { return (nil, try holderOf(number, on: c) ?? "another client") }
            // Read after taking the lease, so no save by the previous holder can slip in between.
            let state = try c.query(
                "SELECT snapshot_sha256, greatest(through_seq, (SELECT coalesce(max(seq), 0) FROM claimdesk_changes WHERE session_id = $1)) FROM claimdesk_sessions WHERE id = $1",
                [id])
            let last = Self.int64(state, column: 1) ?? 0
            return (Lease(id: number, name: location.name, nextSeq: last + 1, base: state.first?[0] ?? nil), nil)
        }
        guard let lease = outcome.0 else { return .heldBy(outcome.1 ?? "another client") }
        leases[location.key] = lease
        sendWaiting(location.key)
        return .acquired
    }

    public func unlock(_ location: SessionLocation) {
        guard let lease = leases.removeValue(forKey: location.key), let connection, connection.isOpen else { return }
        // A row made by taking a lease for a save that never happened is removed again.
        _ = try? connection.query("""
            DELETE FROM claimdesk_sessions s WHERE id = $1 AND snapshot IS NULL
              AND NOT EXISTS (SELECT 1 FROM claimdesk_changes c WHERE c.session_id = s.id)
            """, [String(lease.id)])
        _ = try? connection.query("SELECT pg_advisory_unlock($1, $2::integer)", [String(TeamStoreSchema.leaseClass), String(lease.id)])
    }

    public func confirmLock(_ location: SessionLocation) -> String? {
        guard let lost = leases[location.key]?.lost else { return nil }
        leases[location.key] = nil
        return lost
    }

    private func lease(_ location: SessionLocation, to what: String) throws(HostError) -> Lease {
        guard let lease = leases[location.key] else { throw HostError("cannot \(what): this process does not hold the session's lease") }
        if let lost = lease.lost { throw HostError("cannot \(what): \(lost)") }
        return lease
    }

    // MARK: - Writing

    public func appendJournal(_ line: Data, at location: SessionLocation) throws(HostError) {
        var lease = try lease(location, to: "write the journal")
        let entry = TeamStoreOutbox.Entry(seq: lease.nextSeq, row: line)
        // While changes wait locally, this one waits behind them, unless the store is back.
        if outbox.read(location.name).map({ !$0.entries.isEmpty }) == true {
            if inBackoff || !sendWaiting(location.key) {
                try keepLocally(entry, location: location, lease: lease)
                return
            }
            lease = try self.lease(location, to: "write the journal")
        }
        do {
            try run { c throws(PostgresError) in
                try self.requireLease(location)
                try Self.insert(entry, session: lease.id, on: c)
            }
        } catch {
            // The store went away (or came back without our lease): the change is kept on the disk.
            try keepLocally(entry, location: location, lease: leases[location.key] ?? lease, outage: error.message)
            return
        }
        leases[location.key]?.nextSeq = entry.seq + 1
    }

    /// Refuses a write after a reconnection that lost the lease (checked inside each attempt).
    private func requireLease(_ location: SessionLocation) throws(PostgresError) {
        if let lost = leases[location.key]?.lost { throw PostgresError(kind: .statement, message: lost) }
    }

    /// One change's row, at most once: a row already there from an earlier attempt whose answer was
    /// lost is the same row; a different one means the session is no longer ours.
    static func insert(_ entry: TeamStoreOutbox.Entry, session: Int64, on c: PostgresConnection) throws(PostgresError) {
        let text = String(decoding: entry.row, as: UTF8.self)
        let inserted = try c.queryPrepared("INSERT INTO claimdesk_changes (session_id, seq, line) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING seq",
                                           [String(session), String(entry.seq), text])
        guard inserted.isEmpty else { return }
        let existing = try c.query("SELECT line FROM claimdesk_changes WHERE session_id = $1 AND seq = $2", [String(session), String(entry.seq)])
        guard existing.first?.first == text else {
            throw PostgresError(kind: .statement, message: "change \(entry.seq) of the session is in the store already, and it is another change")
        }
    }

    private func keepLocally(_ entry: TeamStoreOutbox.Entry, location: SessionLocation, lease: Lease, outage: String? = nil) throws(HostError) {
        let first = outbox.read(location.name).map { $0.entries.isEmpty } ?? true
        try outbox.append(entry, to: location.name, base: lease.base)
        leases[location.key]?.nextSeq = entry.seq + 1
        if let lost = leases[location.key]?.lost {
            // Not ours any more: what was kept is set aside, never sent over someone else's work.
            let aside = outbox.setAside(location.name, seconds: now().secondsSince1970) ?? outbox.path(location.name)
            notices.append("warning: \(lost); changes not sent are kept in \(aside)")
        } else if first {
            notices.append("warning: \(outage ?? unreachable("no answer")); this change and the next wait in \(outbox.path(location.name)) and are sent when it is back")
        }
    }

    /// Sends the changes that waited for the store, in order; true when none is left waiting.
    @discardableResult
    private func sendWaiting(_ key: String) -> Bool {
        guard let lease = leases[key], let waiting = outbox.read(lease.name) else { return true }
        if waiting.entries.isEmpty { outbox.remove(lease.name); return true }
        do {
            _ = try connected()
            guard let current = leases[key], current.lost == nil else {
                let aside = outbox.setAside(lease.name, seconds: now().secondsSince1970) ?? outbox.path(lease.name)
                notices.append("warning: \(leases[key]?.lost ?? "the lease was lost"); changes not sent are kept in \(aside)")
                return false
            }
            guard waiting.base == current.base else {
                // Someone saved the session over what these changes continue: they are not ours to send.
                leases[key]?.lost = "\(lease.name) was saved in the team store since its changes were kept here"
                let aside = outbox.setAside(lease.name, seconds: now().secondsSince1970) ?? outbox.path(lease.name)
                notices.append("warning: \(lease.name) was saved in the team store since these changes were kept; they were not sent and are kept in \(aside)")
                return false
            }
            try run { c throws(PostgresError) in
                guard self.leases[key]?.lost == nil else { throw PostgresError(kind: .statement, message: "the lease was lost") }
                try c.execute("BEGIN")
                do throws(PostgresError) {
                    for entry in waiting.entries { try Self.insert(entry, session: current.id, on: c) }
                    try c.execute("COMMIT")
                } catch {
                    try? c.execute("ROLLBACK")
                    throw error
                }
            }
            outbox.remove(lease.name)
            if let last = waiting.entries.last { leases[key]?.nextSeq = max(current.nextSeq, last.seq + 1) }
            notices.append("the team store is back: sent \(waiting.entries.count) change\(waiting.entries.count == 1 ? "" : "s") that waited in \(outbox.path(lease.name))")
            return true
        } catch {
            return false
        }
    }

    public func writeSnapshot(_ data: Data, to location: SessionLocation) throws(HostError) {
        let lease = try lease(location, to: "save")
        guard sendWaiting(location.key) else {
            throw HostError(unreachable("its changes still wait in \(outbox.path(location.name))"))
        }
        let sha = SHA256Digest.hex(ofData: data)
        let through = (leases[location.key]?.nextSeq ?? lease.nextSeq) - 1
        // One statement, so one transaction: the new snapshot and the trimmed journal together.
        leases[location.key]?.saving = sha
        defer { leases[location.key]?.saving = nil }
        try run { c throws(PostgresError) in
            try self.requireLease(location)
            try c.query("""
                WITH trimmed AS (DELETE FROM claimdesk_changes WHERE session_id = $1 AND seq <= $2)
                UPDATE claimdesk_sessions SET snapshot = $3, snapshot_sha256 = $4, through_seq = $2, saved_at = now(), saved_by = $5
                WHERE id = $1
                """, [String(lease.id), String(through), String(decoding: data, as: UTF8.self), sha, holder])
        }
        leases[location.key]?.base = sha
    }

    public func discardJournal(at location: SessionLocation) {
        guard let lease = leases[location.key], lease.lost == nil else { return }
        _ = try? run { c throws(PostgresError) in
            if location.isUnsaved {
                try c.query("DELETE FROM claimdesk_sessions WHERE id = $1 AND snapshot IS NULL", [String(lease.id)])
            } else {
                try c.query("DELETE FROM claimdesk_changes WHERE session_id = $1", [String(lease.id)])
            }
        }
        outbox.remove(location.name)
    }

    public func replaceJournal(_ lines: [Data], at location: SessionLocation) throws(HostError) {
        let lease = try lease(location, to: "rewrite the journal")
        let first: Int64 = try run { c throws(PostgresError) in
            try c.execute("BEGIN")
            do throws(PostgresError) {
                let through = try c.query("SELECT through_seq FROM claimdesk_sessions WHERE id = $1", [String(lease.id)])
                let base = Self.int64(through, column: 0) ?? 0
                try c.query("DELETE FROM claimdesk_changes WHERE session_id = $1 AND seq > $2", [String(lease.id), String(base)])
                for (offset, line) in lines.enumerated() {
                    try Self.insert(.init(seq: base + 1 + Int64(offset), row: line), session: lease.id, on: c)
                }
                try c.execute("COMMIT")
                return base + 1
            } catch {
                try? c.execute("ROLLBACK")
                throw error
            }
        }
        leases[location.key]?.nextSeq = first + Int64(lines.count)
    }

    public func setJournalAside(at location: SessionLocation, reason: String) -> String? {
        guard let lease = leases[location.key], lease.lost == nil else { return nil }
        let label = reason + "-" + String(now().secondsSince1970)
        do {
            try run { c throws(PostgresError) in
                try c.query("""
                    WITH moved AS (DELETE FROM claimdesk_changes c USING claimdesk_sessions s
                                   WHERE c.session_id = $1 AND s.id = c.session_id AND c.seq > s.through_seq RETURNING c.seq, c.line)
                    INSERT INTO claimdesk_set_aside (session_name, reason, seq, line) SELECT $2, $3, seq, line FROM moved
                    """, [String(lease.id), location.name, label])
            }
        } catch {
            return nil
        }
        return "the team store's claimdesk_set_aside table (session_name '\(location.name)', reason '\(label)')"
    }
}
