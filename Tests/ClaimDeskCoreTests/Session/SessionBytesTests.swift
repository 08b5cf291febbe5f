@testable import ClaimDeskCore
import Foundation
import Testing

/// A session read and written again is the same file, byte for byte, whatever the reader and
/// writer do to be fast: checked on a document made without ClaimDesk
/// (`Fixtures/session-bytes/make_fixture.py`), so the expected bytes are not the writer's own.
@Suite struct SessionBytesTests {
    static func fixture() throws -> Data {
        let url = try #require(Bundle.module.url(forResource: "session-bytes", withExtension: "json", subdirectory: "Fixtures/session-bytes"))
        return try Data(contentsOf: url)
    }

    @Test func aSessionReadAndWrittenAgainIsTheSameBytes() throws {
        let data = try Self.fixture()
        var repairs: [String] = []
        let session = try SessionDocument.decode(data, repairs: &repairs)
        #expect(repairs.isEmpty)
        #expect(session.orderedClaims.map(\.id) == ["c1", "c2", "c10"])
        #expect(session.claims["c1"]?.metadata.notes.count == 3)
        let written = SessionDocument.encode(session)
        if written != data {
            // Where the bytes part, to make a failure readable.
            let at = zip(written, data).prefix { $0 == $1 }.count
            Issue.record("the bytes differ at offset \(at): \(String(decoding: written.dropFirst(max(0, at - 40)).prefix(80), as: UTF8.self))")
        }
    }

    @Test func aSaveThatReusesEarlierBytesIsTheSameBytes() throws {
        let data = try Self.fixture()
        var session = try SessionDocument.decode(data)
        var cache = SessionEncodingCache()
        #expect(SessionDocument.encode(session, cache: &cache) == data)
        #expect(SessionDocument.encode(session, cache: &cache) == data)
        #expect(cache.reusedRecords > 0)
        var claim = try #require(session.claims["c2"])
        claim.verdict = "false"
        session.put(.claim(claim))
        let changed = SessionDocument.encode(session, cache: &cache)
        #expect(changed == SessionDocument.encode(session))
        #expect(changed != data)
    }

    /// Records listed out of id order (a hand-edited file) are read, and a fault names the
    /// record's place in the file, not its place in id order.
    @Test func aFaultInRecordsOutOfOrderNamesTheirPlaceInTheFile() throws {
        var object = try #require(try JSONSerialization.jsonObject(with: Self.fixture()) as? [String: Any])
        var claims = try #require(object["claims"] as? [[String: Any]])
        claims.reverse()  // c10, c2, c1
        claims[1]["claimant"] = "src7"
        object["claims"] = claims
        let broken = try JSONSerialization.data(withJSONObject: object)
        do {
            _ = try SessionDocument.decode(broken)
            Issue.record("decoded a claim whose claimant does not exist")
        } catch {
            #expect(error.message == "at claims[1].claimant: no source src7 in the session")
        }
        claims[1]["claimant"] = "src1"
        object["claims"] = claims
        let session = try SessionDocument.decode(try JSONSerialization.data(withJSONObject: object))
        #expect(session.orderedClaims.map(\.id) == ["c1", "c2", "c10"])
    }

    @Test func anIdRepeatedAfterTheOrderBreaksIsRefusedWhereItStands() throws {
        var object = try #require(try JSONSerialization.jsonObject(with: Self.fixture()) as? [String: Any])
        let claims = try #require(object["claims"] as? [[String: Any]])
        object["claims"] = [claims[2], claims[0], claims[1], claims[0]]  // c10, c1, c2, c1
        let repeated = try JSONSerialization.data(withJSONObject: object)
        do {
            _ = try SessionDocument.decode(repeated)
            Issue.record("decoded a repeated id")
        } catch {
            #expect(error.message.hasPrefix("at claims[3] (line 1, column "))
            #expect(error.message.hasSuffix("): the id c1 appears twice"))
        }
    }

    @Test func aKeySpelledWithAnEscapeIsTheSameKey() throws {
        let json = #"{"\u0069d": "n1", "text": "x", "author": "a", "cr\u0065ated": "2026-01-01T00:00:00Z", "extra \u00e9": [1, {"é": 2}]}"#
        var reader = JSONReader(Array(json.utf8))
        let note = try Note(json: &reader)
        #expect(note == Note(id: "n1", text: "x", author: "a", created: Timestamp(iso8601: "2026-01-01T00:00:00Z")!))
    }

    @Test func aFaultAfterAnEscapedKeyNamesTheKeyAsDecoded() {
        let json = #"{"notes": [{"id": "n1", "text": "x", "author": "a", "cr\u0065ated": 5}]}"#
        var reader = JSONReader(Array(json.utf8))
        do {
            try reader.beginObject()
            _ = try reader.nextKey()
            _ = try [Note](json: &reader)
            Issue.record("read a number as a time")
        } catch {
            #expect(error.description == "at notes[0].created (line 1, column 69): expected an ISO-8601 time, found a number")
        }
    }
}
