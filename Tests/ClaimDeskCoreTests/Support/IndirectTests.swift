@testable import ClaimDeskCore
import Foundation
import Testing

/// Fields kept out of line (a claim's cue, an annotation's review and provenance) behave as the
/// inline fields they replaced: a copy never sees a change, equal values are equal, and a record
/// without them takes no room for them.
@Suite struct IndirectTests {
    static let created = Timestamp(secondsSince1970: 1_790_000_000)

    static func claim() -> Claim {
        let anchor = Anchor(article: "a1", start: 0, end: 4, exact: "Fees", prefix: "", suffix: " rose")
        return Claim(id: "c1", anchor: anchor, kind: "factual", verdict: "unverified", author: "ana", created: created)
    }

    @Test func aCopyNeverSeesAChangeMadeToTheOriginal() {
        var claim = Self.claim()
        claim.cue = Anchor(article: "a1", start: 5, end: 9, exact: "rose", prefix: "Fees ", suffix: "")
        claim.metadata.review = Review()
        claim.metadata.provenance = Provenance(session: "desk", analyst: "bo", id: "c9")
        let copy = claim
        claim.cue?.exact = "fell"
        claim.metadata.review?.decide(ReviewDecision(status: .accepted, reviewer: "ana", time: Self.created))
        claim.metadata.provenance?.analyst = "cy"
        #expect(claim.cue?.exact == "fell")
        #expect(copy.cue?.exact == "rose")
        #expect(claim.metadata.reviewStatus == .accepted)
        #expect(copy.metadata.reviewStatus == .open)
        #expect(copy.metadata.provenance?.analyst == "bo")
        #expect(claim != copy)
    }

    @Test func equalValuesInSeparateBoxesAreEqual() {
        var a = Self.claim(), b = Self.claim()
        a.cue = Anchor(article: "a1", start: 5, end: 9, exact: "rose", prefix: "Fees ", suffix: "")
        b.cue = Anchor(article: "a1", start: 5, end: 9, exact: "rose", prefix: "Fees ", suffix: "")
        a.metadata.provenance = Provenance(session: "desk", analyst: "bo")
        b.metadata.provenance = Provenance(session: "desk", analyst: "bo")
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        b.cue = nil
        #expect(a != b)
    }

    @Test func outOfLineFieldsAreWrittenAndReadAsBefore() throws {
        var claim = Self.claim()
        claim.cue = Anchor(article: "a1", start: 5, end: 9, exact: "rose", prefix: "Fees ", suffix: "")
        claim.metadata.provenance = Provenance(session: "desk", analyst: "bo", id: "c9")
        var writer = JSONWriter(pretty: false)
        claim.write(to: &writer)
        let json = String(decoding: writer.bytes, as: UTF8.self)
        #expect(json.contains(#""cue":{"article":"a1","end":9,"exact":"rose","prefix":"Fees ","start":5,"suffix":""}"#))
        #expect(json.contains(#""provenance":{"analyst":"bo","id":"c9","session":"desk"}"#))
        #expect(!json.contains("review"))
        var reader = JSONReader(writer.bytes)
        #expect(try Claim(json: &reader) == claim)
    }

    /// What a session of 100,000 annotations holds per record: a claim took 456 bytes and a
    /// mention 296 with their absent cue, review and provenance inline and 32-byte ids.
    @Test func aRecordTakesNoRoomForFieldsItLacks() {
        #expect(MemoryLayout<Indirect<Anchor>?>.size == MemoryLayout<Int>.size)
        #expect(MemoryLayout<AnnotationID>.size == 24)
        #expect(MemoryLayout<QuoteText>.size == 24)
        #expect(MemoryLayout<AnnotationMetadata>.size <= 64)
        #expect(MemoryLayout<Claim>.stride <= 296)
        #expect(MemoryLayout<Mention>.stride <= 240)
    }
}
