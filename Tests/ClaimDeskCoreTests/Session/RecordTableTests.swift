@testable import ClaimDeskCore
import Testing

/// Records read from a document keep their order and give back the room their array grew into.
@Suite struct RecordTableTests {
    static func sources(_ numbers: [Int]) -> [Source] {
        numbers.map { Source(id: AnnotationID(kind: .source, number: $0), name: "S\($0)", kind: "official", author: "ana",
                             created: Timestamp(secondsSince1970: 0)) }
    }

    @Test func roomLeftEmptyByGrowingIsGivenBack() {
        var records: [Source] = []
        records.reserveCapacity(1_000)
        records.append(contentsOf: Self.sources(Array(1...300)))
        let table = RecordTable(inReadingOrder: records)
        #expect(table.ordered == records)
        #expect(table.ordered.capacity < 400)
    }

    @Test func anArrayNearlyFullIsKeptAsItIs() {
        var records: [Source] = []
        records.reserveCapacity(100)
        records.append(contentsOf: Self.sources(Array(1...90)))
        let capacity = records.capacity
        #expect(RecordTable(inReadingOrder: records).ordered.capacity == capacity)
    }

    @Test func recordsOutOfOrderAreSorted() {
        let table = RecordTable(inReadingOrder: Self.sources([3, 1, 2]))
        #expect(table.ordered.map(\.id) == ["src1", "src2", "src3"])
    }
}
