import ClaimDeskCore
import ClaimDeskShell
import ClaimDeskTeamStore
import Foundation
import Testing

@Suite(.enabled(if: TestStore.enabled, "CLAIMDESK_SKIP_STORE_TESTS=1"))
struct TeamSessionStoreTests {
    static func line(_ text: String) -> Data { Data((text + "\n").utf8) }

    @Test func journalRowsAndSnapshotsMakeTheRoundTrip() throws {
        guard let address = TestStore.address() else { return }
        let folder = try TestStore.temporaryFolder()
        let name = TestStore.uniqueName("roundtrip")
        let writer = TestStore.client(address, folder: folder)
        defer { writer.close() }
        let location = try writer.location(for: name)
        #expect(try writer.lock(location) == .acquired)
        try writer.appendJournal(Self.line(#"{"analyst":"a","n":0}"#) + Self.line(#"{"author":"a","n":1}"#), at: location)
        try writer.appendJournal(Self.line(#"{"author":"a","n":2}"#), at: location)

        let reader = TestStore.client(address, folder: try TestStore.temporaryFolder())
        defer { reader.close() }
        var stored = try reader.read(try reader.location(for: name))
        #expect(stored.snapshot == nil)
        #expect(stored.journal.map { String(decoding: $0, as: UTF8.self) }
                == [#"{"analyst":"a","n":0}"#, #"{"author":"a","n":1}"#, #"{"author":"a","n":2}"#])

        // A save replaces the snapshot and trims the rows it contains, together.
        try writer.writeSnapshot(Data(#"{"format":"claimdesk.session"}"#.utf8), to: location)
        try writer.appendJournal(Self.line(#"{"author":"a","n":3}"#), at: location)
        stored = try reader.read(try reader.location(for: name))
        #expect(stored.snapshot.map { String(decoding: $0, as: UTF8.self) } == #"{"format":"claimdesk.session"}"#)
        #expect(stored.journal.map { String(decoding: $0, as: UTF8.self) } == [#"{"author":"a","n":3}"#])
        #expect(try reader.currentSnapshot(location) == stored.snapshot)
        let listing = try #require(try reader.list().first { $0.location.name == name })
        #expect(listing.pendingChanges == 1)
        #expect(listing.heldBy == "test client")
    }

    @Test func aSecondClientIsReadOnlyUntilTheFirstsConnectionEnds() throws {
        guard let address = TestStore.address() else { return }
        let name = TestStore.uniqueName("lease")
        let first = TestStore.client(address, folder: try TestStore.temporaryFolder(), holder: "claimdesk pid 1 on desk-1")
        let location = try first.location(for: name)
        #expect(try first.lock(location) == .acquired)
        try first.appendJournal(Self.line(#"{"analyst":"a"}"#), at: location)

        let second = TestStore.client(address, folder: try TestStore.temporaryFolder(), holder: "claimdesk pid 2 on desk-2")
        defer { second.close() }
        #expect(try second.lock(location) == .heldBy("claimdesk pid 1 on desk-1"))
        #expect(throws: HostError.self) { try second.appendJournal(Self.line(#"{"author":"b"}"#), at: location) }

        // The server drops the lease with the connection: no stale lease to take over. Its backend
        // ends a moment after the client hangs up (longer on a loaded machine), so ask until then.
        first.close()
        var outcome = try second.lock(location)
        let deadline = Date().addingTimeInterval(10)
        while outcome != .acquired, Date() < deadline {
            usleep(50_000)
            outcome = try second.lock(location)
        }
        #expect(outcome == .acquired)
        try second.appendJournal(Self.line(#"{"author":"b"}"#), at: location)
        #expect(try second.read(location).journal.count == 2)
    }

    @Test func aChangeSentTwiceIsStoredOnce() throws {
        guard let address = TestStore.address() else { return }
        let folder = try TestStore.temporaryFolder()
        let name = TestStore.uniqueName("twice")
        let client = TestStore.client(address, folder: folder)
        defer { client.close() }
        let location = try client.location(for: name)
        _ = try client.lock(location)
        try client.appendJournal(Self.line(#"{"analyst":"a"}"#), at: location)
        // The same change waiting locally (its answer lost with the connection) is sent again when
        // the session is next taken: it must not appear twice.
        try TeamStoreOutboxFixture.write(folder: folder, name: name, base: nil, entries: [(1, #"{"analyst":"a"}"#), (2, #"{"author":"a","n":2}"#)])
        client.unlock(location)
        _ = try client.lock(location)
        #expect(client.takeNotices().contains { $0.contains("sent 2 changes") })
        #expect(try client.read(location).journal.map { String(decoding: $0, as: UTF8.self) } == [#"{"analyst":"a"}"#, #"{"author":"a","n":2}"#])
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".outbox/\(name).journal").path))
    }

    @Test func anUnreachableStoreIsOneLineNamingItWithoutItsPassword() throws {
        let address = try TeamStoreAddress("postgresql://analyst:s3cret@127.0.0.1:1/claimdesk")
        let client = TestStore.client(address, folder: try TestStore.temporaryFolder())
        let error = #expect(throws: HostError.self) { try client.read(try client.location(for: "harbor")) }
        let message = error?.message ?? ""
        #expect(message.hasPrefix("the team store at postgresql://analyst@127.0.0.1:1/claimdesk is out of reach (connection to server at"))
        #expect(!message.contains("\n") && !message.contains("\t") && !message.contains("s3cret"))
    }

    @Test func namesAndPathsAreCheckedBeforeAnythingIsAsked() throws {
        let client = TestStore.client(try TeamStoreAddress("postgresql://127.0.0.1:1/x"), folder: try TestStore.temporaryFolder())
        let path = #expect(throws: HostError.self) { try client.location(for: "sessions/harbor.json") }
        #expect(path?.message == "the team store keeps sessions by name, not by path; claimdesk push NAME sends a local session there")
        let bad = #expect(throws: HostError.self) { try client.location(for: "../x") }
        #expect(bad != nil)
        let hidden = #expect(throws: HostError.self) { try client.location(for: ".x") }
        #expect(hidden?.message == "a session name may use letters, digits, - _ and . (not first)")
    }
}

/// Writes an outbox file the way the store does, for tests that need one already there.
enum TeamStoreOutboxFixture {
    static func write(folder: URL, name: String, base: String?, entries: [(Int64, String)]) throws {
        let box = folder.appendingPathComponent(".outbox")
        try FileManager.default.createDirectory(at: box, withIntermediateDirectories: true)
        var text = "base \(base ?? "-")\n"
        for (seq, line) in entries { text += "\(seq)\t\(line)\n" }
        try Data(text.utf8).write(to: box.appendingPathComponent(name + ".journal"))
    }
}
