@testable import ClaimDeskCore
import Foundation
import Testing

/// A session read while the bytes behind the reader are given back reads as it does whole, fails
/// with the same words, and keeps its fingerprint; the bytes given back are really gone (zeroed
/// here) until they are put back.
@Suite struct ReleasedBytesReadingTests {
    /// Document bytes in memory of their own, zeroed as they are released and copied back on restore.
    final class ZeroingRelease: ReadBytesRelease, @unchecked Sendable {
        let original: [UInt8]
        let buffer: UnsafeMutableBufferPointer<UInt8>
        private(set) var released = 0
        private(set) var releases = 0
        private(set) var restores = 0
        let releaseStep = 1024

        init(_ bytes: [UInt8]) {
            original = bytes
            buffer = .allocate(capacity: bytes.count)
            _ = buffer.initialize(from: bytes)
        }
        deinit { buffer.deallocate() }

        var data: Data { Data(bytesNoCopy: buffer.baseAddress!, count: buffer.count, deallocator: .none) }

        func release(upTo offset: Int) {
            guard offset > released else { return }
            for i in released..<min(offset, buffer.count) { buffer[i] = 0 }
            released = offset
            releases += 1
        }

        func restore() {
            for i in 0..<released { buffer[i] = original[i] }
            released = 0
            restores += 1
        }
    }

    /// The export sample with enough claims that the document spans many release steps.
    static func bytes() -> [UInt8] {
        var session = ExportSample.session()
        let article = session.orderedArticles[0]
        for n in 0..<150 {
            let anchor = Anchor(article: article.id, range: ExportSample.range("Fees rose 40%"), in: article.content)
            session.put(.claim(Claim(id: AnnotationID("c\(100 + n)"), anchor: anchor, claimant: "src1", via: [],
                                     kind: "factual", verdict: "unverified", author: "ana", created: ExportSample.created)))
        }
        return [UInt8](SessionDocument.encode(session))
    }

    @Test func readsTheSameSessionAsAWholeReading() throws {
        let bytes = Self.bytes()
        let whole = try SessionDocument.decodeWithVersion(Data(bytes))
        let release = ZeroingRelease(bytes)
        var repairs: [String] = []
        let read = try SessionDocument.decodeWithVersion(release.data, repairs: &repairs, releasing: release)
        #expect(read.session == whole.session)
        #expect(read.version == whole.version)
        #expect(release.releases > 5, "the document should have been released in steps")
        #expect(release.released > bytes.count / 2, "most of the document should be gone by the end")
        #expect(release.restores == 0)
    }

    @Test(arguments: [
        ("\"verdict\": \"unverified\"", "\"verdict\": 7"),
        ("\"kind\": \"factual\"", "\"kind\": \"factual\","),
    ])
    func failsWithTheWordsOfAWholeReading(damage: (String, String)) throws {
        // The last occurrence, far past the first releases.
        var text = String(decoding: Self.bytes(), as: UTF8.self)
        let range = try #require(text.range(of: damage.0, options: .backwards))
        text.replaceSubrange(range, with: damage.1)
        let bytes = [UInt8](text.utf8)
        let expected = #expect(throws: SessionDocumentError.self) { try SessionDocument.decodeWithVersion(Data(bytes)) }
        let release = ZeroingRelease(bytes)
        var repairs: [String] = []
        let got = #expect(throws: SessionDocumentError.self) {
            try SessionDocument.decodeWithVersion(release.data, repairs: &repairs, releasing: release)
        }
        #expect(got == expected)
        #expect(release.restores >= 1)
    }

    /// A document read whole and then refused (a newer version, a reference to nothing) has its
    /// bytes back: the caller may read them again, through the fingerprint too.
    @Test(arguments: [
        ("\"version\": \(SessionDocument.currentVersion)", "\"version\": \(SessionDocument.currentVersion + 1)", false),
        ("\"claimant\": \"src1\"", "\"claimant\": \"src999\"", true),
    ])
    func aSessionRefusedAfterAWholeReadingHasItsBytesBack(damage: (String, String, Bool)) throws {
        var text = String(decoding: Self.bytes(), as: UTF8.self)
        let range = try #require(text.range(of: damage.0, options: damage.2 ? .backwards : []))
        text.replaceSubrange(range, with: damage.1)
        let bytes = [UInt8](text.utf8)
        let release = ZeroingRelease(bytes)
        #expect(throws: SessionDocumentError.self) {
            try SessionRecovery(snapshot: release.data, journal: [], tornTail: false, releasing: release)
        }
        #expect(release.restores >= 1)
        #expect([UInt8](release.data) == bytes)
    }

    @Test func theFingerprintIsTheWholeFilesAndTheBytesAreGoneAfterwards() throws {
        let bytes = Self.bytes()
        // Hashed on another thread while it is read (``SnapshotFingerprint``).
        #expect(bytes.count >= SHA256Digest.worthAnotherThread)
        let release = ZeroingRelease(bytes)
        let recovery = try SessionRecovery(snapshot: release.data, journal: [], tornTail: false, releasing: release)
        #expect(recovery.fingerprint == SHA256Digest.hex(ofData: Data(bytes)))
        #expect(recovery.snapshot == (try SessionDocument.decode(Data(bytes))))
        #expect(release.data.prefix(release.released).allSatisfy { $0 == 0 })
    }

    /// Releases asked for while the bytes are hashed on another thread wait for the hash: zeroed
    /// at once, the first megabytes would be hashed as zeros.
    @Test func bytesAreGivenBackOnlyOnceTheFingerprintHashedThem() {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<(8 << 20)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let release = ZeroingRelease(bytes)
        let fingerprint = SnapshotFingerprint(of: release.data, releasing: release)
        fingerprint.release(upTo: 4 << 20)
        #expect(fingerprint.value == SHA256Digest.hex(ofData: Data(bytes)))
        // Made once the hash was done, before its digest was handed out.
        #expect(release.released == 4 << 20)
        fingerprint.release(upTo: 6 << 20)
        #expect(release.released == 6 << 20)
        fingerprint.restore()
        #expect(release.released == 0 && release.restores == 1)
    }

    /// A short document is hashed at once, on the reading thread, and passes releases straight on.
    @Test func aShortDocumentIsHashedAtOnce() {
        let bytes = [UInt8](repeating: 0x41, count: 1000)
        let release = ZeroingRelease(bytes)
        let fingerprint = SnapshotFingerprint(of: release.data, releasing: release)
        fingerprint.release(upTo: 512)
        #expect(release.released == 512)
        #expect(fingerprint.value == SHA256Digest.hex(ofData: Data(bytes)))
    }
}
