@testable import ClaimDeskCore
import Testing

/// What a session file's buffer may give back as it is read: whole pages (or huge pages) behind
/// the reader, and every one the buffer spans once it has been read to the end.
@Suite struct ReleasableSpanTests {
    static let page = 4096
    static let huge = 2 << 20

    @Test(arguments: [page, huge])
    func onlyWholeUnitsBehindTheReaderGo(unit: Int) {
        let span = ReleasableSpan(count: 5 * unit + 123, unit: unit)
        #expect(span.end(upTo: 0) == 0)
        #expect(span.end(upTo: unit - 1) == 0)
        #expect(span.end(upTo: unit) == unit)
        #expect(span.end(upTo: 3 * unit + 1) == 3 * unit)
        #expect(span.end(upTo: 5 * unit + 122) == 5 * unit)
        #expect(span.end(upTo: -7) == 0)
    }

    @Test(arguments: [page, huge])
    func readToTheEndEveryUnitSpannedGoes(unit: Int) {
        let span = ReleasableSpan(count: 5 * unit + 123, unit: unit)
        #expect(span.end(upTo: span.count) == 6 * unit)
        #expect(span.end(upTo: span.count + 10 * unit) == 6 * unit)
        let exact = ReleasableSpan(count: 2 * unit, unit: unit)
        #expect(exact.end(upTo: 2 * unit) == 2 * unit)
    }

    /// A 0.9 MB session in a buffer of huge pages: nothing goes while it is read, all of it after.
    @Test func aFileShorterThanItsUnitGoesWhenReadWhole() {
        let span = ReleasableSpan(count: 944_426, unit: Self.huge)
        #expect(span.end(upTo: 944_425) == 0)
        #expect(span.end(upTo: 944_426) == Self.huge)
        #expect(ReleasableSpan(count: 0, unit: Self.huge).end(upTo: 0) == 0)
    }
}
