@testable import ClaimDeskCore
import Foundation
import Testing

/// `Timestamp` reads only times that exist, and says what is impossible about one that does not.
@Suite struct ImpossibleTimestampTests {
    @Test(arguments: [
        ("2026-02-31T10:00:00Z", "February 2026 has 28 days"),
        ("2026-02-29T10:00:00Z", "February 2026 has 28 days"),
        ("1900-02-29T10:00:00Z", "February 1900 has 28 days"),
        ("2026-04-31T10:00:00Z", "April 2026 has 30 days"),
        ("2026-13-01T10:00:00Z", "there is no month 13 (months go from 01 to 12)"),
        ("2026-00-10T10:00:00Z", "there is no month 0 (months go from 01 to 12)"),
        ("2026-01-00T10:00:00Z", "there is no day 00 (days start at 01)"),
        ("2026-01-10T24:00:00Z", "there is no hour 24 (hours go from 00 to 23)"),
        ("2026-01-10T10:60:00Z", "there is no minute 60 (minutes go from 00 to 59)"),
        ("2026-01-10T10:00:60Z", "there is no second 60 (seconds go from 00 to 59; 60 only as a leap second, 23:59:60)"),
        ("2026-01-10 10:00:00", "it is not an ISO-8601 time such as 2026-11-25T15:53:02Z"),
    ])
    func impossibleTimesAreRefusedWithTheReason(text: String, reason: String) {
        #expect(Timestamp(iso8601: text) == nil)
        #expect(Timestamp.problem(with: text) == reason)
    }

    @Test(arguments: ["2024-02-29T10:00:00Z", "2000-02-29T00:00:00Z", "2026-12-31T23:59:60Z", "2026-04-30T23:59:59+05:30",
                      "2026-01-31T00:00:00.250Z"])
    func realTimesAreRead(text: String) {
        #expect(Timestamp(iso8601: text) != nil)
        #expect(Timestamp.problem(with: text) == nil)
    }

    @Test func anOffsetOutOfRangeIsRefused() {
        #expect(Timestamp(iso8601: "2026-01-10T10:00:00+24:00") == nil)
        #expect(Timestamp(iso8601: "2026-01-10T10:00:00+05:60") == nil)
    }

    @Test func aSessionWithAnImpossibleTimeIsRefusedWithTheReason() throws {
        var session = Session(name: "t", analyst: "ana", created: Timestamp(secondsSince1970: 1_790_000_000))
        session.put(.proposition(Proposition(id: "pr1", text: "x", author: "ana", created: Timestamp(secondsSince1970: 1_790_000_000))))
        let good = String(decoding: SessionDocument.encode(session), as: UTF8.self)
        let stamp = Timestamp(secondsSince1970: 1_790_000_000).description
        let bad = good.replacingOccurrences(of: stamp, with: "2026-02-31T00:00:00Z")
        do {
            _ = try SessionDocument.decode(Data(bad.utf8))
            Issue.record("a session dated February 31 opened")
        } catch {
            #expect(error.message.contains("found \"2026-02-31T00:00:00Z\": February 2026 has 28 days"))
        }
    }
}
