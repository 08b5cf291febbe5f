@testable import ClaimDeskCore
import Foundation
import Testing

/// A session document from 128 KiB is read by two threads, cut among its claims
/// (``Session/splitReading(_:startThread:)``); it must read exactly as one reader reads it, and
/// anything unusual must be left to one reader, which names the fault as before.
@Suite struct SplitReadingTests {
    typealias Base = SessionIntegrityTests

    /// A session of 702 claims, a note with JSON's structural characters and escapes in it, and
    /// Arabic text: about 300 KB.
    static func session() -> Session {
        var session = ConcurrentIntegrityTests.large()
        var claim = session.claims["c300"]!
        claim.notes = [Note(id: "n2", text: "odd \"quote\", [bracket] {brace} \\ back\u{1}slash, خبر", author: "ana", created: Base.time)]
        session.put(.claim(claim))
        return session
    }

    static func text(_ session: Session) -> String { String(decoding: SessionDocument.encode(session), as: UTF8.self) }

    /// The session one reader reads from the start, checked.
    static func oneReader(_ data: Data) throws -> Session {
        var session = try JSONReader.reading(data) { (reader: inout JSONReader) throws(JSONReadError) -> Session in
            var format: String?, version: Int?, positions: [AnnotationID: Int] = [:]
            let session = try Session(json: &reader, format: &format, version: &version, positions: &positions)
            try reader.end()
            return session
        }
        _ = try SessionIntegrity.check(&session)
        return session
    }

    static func split(_ data: Data) -> Session.SplitReading? {
        Session.splitReading(data)
    }

    @Test func theCutIsAtACommaBetweenTwoClaimsAboutHalfWay() throws {
        let data = SessionDocument.encode(Self.session())
        #expect(data.count >= Session.splitReadingFrom)
        let cut = try #require(data.withUnsafeBytes { SessionDocumentCut.find(in: $0.bindMemory(to: UInt8.self)) })
        let bytes = [UInt8](data)
        #expect(bytes[cut.offset] == UInt8(ascii: ","))
        #expect(String(decoding: bytes[cut.claimsKey], as: UTF8.self) == "claims")
        // The claim after the cut is the one numbered `element`: c(element + 1) in a session listed in id order.
        let after = String(decoding: bytes[cut.offset...].prefix(400), as: UTF8.self)
        #expect(after.contains("\"id\": \"c\(cut.element + 1)\""))
        #expect((200..<600).contains(cut.element))
    }

    @Test func noCutWithoutArticlesBeforeClaimsOrWithFewerThanTwoClaims() {
        func cut(_ json: String) -> SessionDocumentCut? {
            Array(json.utf8).withUnsafeBufferPointer { SessionDocumentCut.find(in: $0) }
        }
        #expect(cut(#"{"claims": [{"id": "c1"}, {"id": "c2"}], "articles": []}"#) == nil)
        #expect(cut(#"{"articles": [], "claims": [{"id": "c1"}]}"#) == nil)
        #expect(cut(#"{"articles": [], "claims": []}"#) == nil)
        #expect(cut(#"{"articles": [], "cl\u0061ims": [{"id": "c1"}, {"id": "c2"}]}"#) == nil)
        #expect(cut(#"[{"articles": []}]"#) == nil)
        #expect(cut(#"{"articles": ["]\"}"], "claims": [{"id": "c1"}, {"id": "c2"}]}"#)?.element == 1)
    }

    /// The scan passes over a string to its closing quote: a quote after an odd run of
    /// backslashes is escaped, after an even run (backslashes escaping each other) it closes.
    @Test(arguments: [
        (#"x\\"#, 1), (#"\\\\"#, 1), (#"a \" ], \"claims\": [1, 2"#, 1), (#"\\\" ] \\"#, 1),
        (#"\\\\\" {"#, 1), (#""#, 1), (String(repeating: "long run, ", count: 40) + #"\\"#, 1),
    ])
    func theScanMeetsTheQuoteThatClosesAString(text: String, element: Int) {
        let json = #"{"articles": [{"text": ""# + text + #""}], "claims": [{"id": "c1"}, {"id": "c2"}]}"#
        let found = Array(json.utf8).withUnsafeBufferPointer { SessionDocumentCut.find(in: $0) }
        #expect(found?.element == element, "\(json)")
        if let found { #expect(Array(json.utf8)[found.offset] == UInt8(ascii: ",")) }
        // Cut short inside the string: no cut.
        let short = Array(json.utf8.prefix(#"{"articles": [{"text": ""#.utf8.count + text.utf8.count))
        #expect(short.withUnsafeBufferPointer { SessionDocumentCut.find(in: $0) } == nil)
    }

    /// Read in two parts, the session is the one one reader reads, to the byte when written again.
    @Test func readsTheSessionOneReaderReads() throws {
        let data = SessionDocument.encode(Self.session())
        let split = try #require(Self.split(data))
        #expect(split.format == SessionDocument.format)
        #expect(split.version == SessionDocument.currentVersion)
        #expect(split.positions.isEmpty)
        #expect(split.session == (try Self.oneReader(data)))
        #expect(SessionDocument.encode(split.session) == data)
        #expect(split.session.orderedClaims.count == 702)
    }

    /// Without a second thread (none could be started) the first reader reads the whole document.
    @Test func withoutASecondThreadOneReaderReadsItAll() throws {
        let data = SessionDocument.encode(Self.session())
        let split = try #require(Session.splitReading(data, startThread: { _ in false }))
        #expect(split.session == (try Self.oneReader(data)))
        #expect(SessionDocument.encode(split.session) == data)
    }

    /// What one reader would number by its place, or read differently, is left to it: the split
    /// reading declines, and opening names the fault (or reads the document) as before.
    @Test(arguments: [
        // A claim out of id order (most likely after the cut: 600 of 702), and one before it, with an id used twice.
        ("\"id\": \"c600\"", "\"id\": \"c9999\"", false, nil),
        ("\"id\": \"c10\"", "\"id\": \"c9\"", false, "the id c9 appears twice"),
        // A key read by both parts (one reader takes the last one).
        ("\"counters\": {", "\"analyst\": \"bob\", \"counters\": {", false, nil),
        // A fault in the part after the cut, and one before it.
        ("\"verdict\": \"unverified\"", "\"verdict\": 7", true, "at claims[701].verdict (line"),
        ("\"kind\": \"factual\"", "\"kind\": 7", false, "at claims[0].kind (line"),
        // A required field missing.
        ("\"analyst\": \"ana\",", "", false, "at analyst: missing"),
    ] as [(String, String, Bool, String?)])
    func anythingUnusualIsLeftToOneReader(find: String, replace: String, last: Bool, error: String?) throws {
        var text = Self.text(Self.session())
        let range = try #require(text.range(of: find, options: last ? .backwards : []))
        text.replaceSubrange(range, with: replace)
        let data = Data(text.utf8)
        #expect(Self.split(data) == nil)
        let (session, _, message) = Base.decode(data)
        if let error {
            #expect(message?.contains(error) == true, "\(message ?? "opened")")
        } else {
            #expect(message == nil)
            #expect(session == (try Self.oneReader(data)))
        }
    }

    /// A key written twice in one part is read as one reader reads it (the last one counts).
    @Test func aKeyTwiceInOnePartIsReadAsOneReaderReadsIt() throws {
        var text = Self.text(Self.session())
        let range = try #require(text.range(of: "\"counters\": {"))
        text.replaceSubrange(range, with: "\"name\": \"first\", \"name\": \"second\", \"counters\": {")
        let data = Data(text.utf8)
        let split = try #require(Self.split(data))
        #expect(split.session.name == "second")
        #expect(split.session == (try Self.oneReader(data)))
    }

    /// Neither part gives back the bytes it read: a sound document the split reading turns down
    /// (claims out of id order) is read again by one reader from the file's own bytes, without
    /// putting any back, and the one reader gives them back as it goes.
    @Test func aDocumentTurnedDownIsReadAgainFromItsOwnBytes() throws {
        var object = try #require(try JSONSerialization.jsonObject(with: SessionDocument.encode(Self.session())) as? [String: Any])
        object["claims"] = Array(try #require(object["claims"] as? [[String: Any]]).reversed())
        let bytes = [UInt8](try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
        #expect(bytes.count >= Session.splitReadingFrom)
        #expect(Self.split(Data(bytes)) == nil)
        let release = ReleasedBytesReadingTests.ZeroingRelease(bytes)
        var repairs: [String] = []
        let read = try SessionDocument.decodeWithVersion(release.data, repairs: &repairs, releasing: release)
        #expect(read.session == Self.session())
        #expect(release.restores == 0)
        #expect(release.released >= bytes.count)
    }

    /// A fault after the cut is named by one reader, with its line and column, as before.
    @Test func aFaultAfterTheCutIsNamedAsBeforeWhileBytesAreGivenBack() throws {
        var text = Self.text(Self.session())
        let range = try #require(text.range(of: "\"verdict\": \"unverified\"", options: .backwards))
        text.replaceSubrange(range, with: "\"verdict\": 7")
        let release = ReleasedBytesReadingTests.ZeroingRelease(Array(text.utf8))
        var repairs: [String] = []
        let expected = #expect(throws: SessionDocumentError.self) { try SessionDocument.decodeWithVersion(Data(text.utf8)) }
        let got = #expect(throws: SessionDocumentError.self) {
            try SessionDocument.decodeWithVersion(release.data, repairs: &repairs, releasing: release)
        }
        #expect(got == expected)
        #expect(got?.message.contains("at claims[701].verdict (line") == true)
        // The one reader gave bytes back as it read, and they were put back when it refused.
        #expect(release.releases >= 1)
        #expect(release.restores >= 1)
        #expect([UInt8](release.data) == Array(text.utf8))
    }
}

extension Session.SplitReading: Equatable {
    public static func == (a: Self, b: Self) -> Bool {
        a.session == b.session && a.format == b.format && a.version == b.version && a.positions == b.positions
    }
}
