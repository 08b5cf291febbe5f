import ClaimDeskCore
import ClaimDeskShell
import ClaimDeskTeamStore
import Foundation
import Testing

/// A server that stops or restarts while a client edits: changes wait on the local disk, are sent
/// when it is back, and nothing is lost or stored twice. Each test runs its own server.
@Suite(.serialized, .enabled(if: TestStore.enabled, "CLAIMDESK_SKIP_STORE_TESTS=1"))
struct TeamStoreOutageTests {
    static func line(_ n: Int) -> Data { Data(#"{"author":"a","n":\#(n)}"#.utf8 + [0x0A]) }
    static func texts(_ stored: StoredSession) -> [String] { stored.journal.map { String(decoding: $0, as: UTF8.self) } }

    @Test func changesMadeWhileTheServerIsDownWaitLocallyAndAreSentOnceWhenItIsBack() throws {
        guard TestStore.address() != nil else { return }
        let cluster = try TestCluster()
        let address = try TeamStoreAddress(cluster.url)
        let folder = try TestStore.temporaryFolder()
        let client = TestStore.client(address, folder: folder)
        defer { client.close() }
        let location = try client.location(for: "harbor")
        _ = try client.lock(location)
        try client.appendJournal(Self.line(1), at: location)

        try cluster.stop()
        try client.appendJournal(Self.line(2), at: location)
        let notices = client.takeNotices()
        #expect(notices.count == 1)
        #expect(notices.first?.hasPrefix("warning: the team store at \(address.display) is out of reach (") == true)
        #expect(notices.first?.hasSuffix("this change and the next wait in \(folder.path)/.outbox/harbor.journal and are sent when it is back") == true)
        #expect(notices.allSatisfy { !$0.contains("\n") })
        try client.appendJournal(Self.line(3), at: location)
        #expect(client.takeNotices().isEmpty)

        try cluster.start()
        try client.appendJournal(Self.line(4), at: location)
        #expect(client.takeNotices() == ["the team store is back: sent 2 changes that waited in \(folder.path)/.outbox/harbor.journal"])
        let reader = TestStore.client(address, folder: try TestStore.temporaryFolder())
        defer { reader.close() }
        #expect(Self.texts(try reader.read(location)) == (1...4).map { #"{"author":"a","n":\#($0)}"# })
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".outbox/harbor.journal").path))
    }

    @Test func aRestartBetweenTwoChangesIsCrossedWithoutTheUserNoticing() throws {
        guard TestStore.address() != nil else { return }
        let cluster = try TestCluster()
        let address = try TeamStoreAddress(cluster.url)
        let client = TestStore.client(address, folder: try TestStore.temporaryFolder())
        defer { client.close() }
        let location = try client.location(for: "harbor")
        _ = try client.lock(location)
        try client.appendJournal(Self.line(1), at: location)
        try cluster.restart()
        // The broken connection is noticed, a new one takes the lease again, and the change goes in.
        try client.appendJournal(Self.line(2), at: location)
        #expect(client.takeNotices().isEmpty)
        try client.writeSnapshot(Data("{}".utf8), to: location)
        let other = TestStore.client(address, folder: try TestStore.temporaryFolder(), holder: "other")
        defer { other.close() }
        #expect(try other.lock(location) == .heldBy("test client"))
        #expect(try other.read(location).journal.isEmpty)
        #expect(try other.currentSnapshot(location) == Data("{}".utf8))
    }

    @Test func aClientKilledWhileTheServerWasDownSendsItsChangesWhenTheSessionIsNextOpened() throws {
        guard TestStore.address() != nil else { return }
        let cluster = try TestCluster()
        let address = try TeamStoreAddress(cluster.url)
        let folder = try TestStore.temporaryFolder()
        var first: TeamSessionStore? = TestStore.client(address, folder: folder)
        let location = try first!.location(for: "harbor")
        _ = try first!.lock(location)
        try first!.appendJournal(Self.line(1), at: location)
        try cluster.stop()
        try first!.appendJournal(Self.line(2), at: location)
        first = nil  // gone, as if killed: only the outbox on the disk remains

        let whileDown = TestStore.client(address, folder: folder)
        let error = #expect(throws: HostError.self) { try whileDown.read(location) }
        #expect(error?.message.hasSuffix("; 1 of harbor's changes are kept in \(folder.path)/.outbox/harbor.journal until it is back") == true)
        // What the shell names as it quits: the changes still waiting in this folder.
        #expect(whileDown.waitingChanges().map(\.path) == ["\(folder.path)/.outbox/harbor.journal"])
        #expect(whileDown.waitingChanges().map(\.count) == [1])

        try cluster.start()
        let again = TestStore.client(address, folder: folder)
        defer { again.close() }
        #expect(Self.texts(try again.read(location)) == [1, 2].map { #"{"author":"a","n":\#($0)}"# })
        #expect(try again.lock(location) == .acquired)
        #expect(again.takeNotices().first?.hasPrefix("the team store is back: sent 1 change") == true)
        #expect(again.waitingChanges().isEmpty)
        try again.appendJournal(Self.line(3), at: location)
        let reader = TestStore.client(address, folder: try TestStore.temporaryFolder())
        defer { reader.close() }
        #expect(Self.texts(try reader.read(location)) == (1...3).map { #"{"author":"a","n":\#($0)}"# })
    }

    @Test func aClientWhoseLeaseWasTakenDuringARestartStopsWritingAndKeepsItsChangeAside() throws {
        guard TestStore.address() != nil else { return }
        let cluster = try TestCluster()
        let address = try TeamStoreAddress(cluster.url)
        let folder = try TestStore.temporaryFolder()
        let first = TestStore.client(address, folder: folder, holder: "first")
        defer { first.close() }
        let location = try first.location(for: "harbor")
        _ = try first.lock(location)
        try first.appendJournal(Self.line(1), at: location)

        // The restart ends the first client's connection, and with it its lease: a colleague takes it.
        try cluster.restart()
        let second = TestStore.client(address, folder: try TestStore.temporaryFolder(), holder: "second")
        defer { second.close() }
        #expect(try second.lock(location) == .acquired)
        try second.appendJournal(Self.line(2), at: location)

        try first.appendJournal(Self.line(99), at: location)
        let notices = first.takeNotices()
        #expect(notices == notices.filter { $0.hasPrefix("warning: the team store went away and second took harbor meanwhile; changes not sent are kept in \(folder.path)/.outbox/harbor.journal.unmatched-") })
        #expect(notices.count == 1)
        #expect(first.confirmLock(location) == "the team store went away and second took harbor meanwhile")
        #expect(throws: HostError.self) { try first.appendJournal(Self.line(100), at: location) }
        // The colleague's session has its own two changes, and not the first client's.
        #expect(Self.texts(try second.read(location)) == [1, 2].map { #"{"author":"a","n":\#($0)}"# })
        let kept = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(".outbox").path)
        #expect(kept.count == 1 && kept[0].hasPrefix("harbor.journal.unmatched-"))
    }
}
