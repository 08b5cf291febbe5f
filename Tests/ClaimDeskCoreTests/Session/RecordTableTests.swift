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

    /// An id is looked up at its number first: with gaps, ids spelled with leading zeros, ids of
    /// another kind and removals, every lookup still finds what a search of the list finds.
    @Test func lookupsAgreeWithASearchOfTheList() {
        func source(_ id: AnnotationID) -> Source {
            Source(id: id, name: id.rawValue, kind: "official", author: "ana", created: Timestamp(secondsSince1970: 0))
        }
        var table = RecordTable<Source>()
        let ids: [AnnotationID] = ["src1", "src2", "src02", "src4", "src5", "src007", "src9", "src10", "src12", "c3", "src", "srcx"]
        for id in ids { table.put(source(id)) }
        table.remove("src4")
        let asked: [AnnotationID] = ids + ["src3", "src4", "src6", "src8", "src11", "src13", "src0", "src00"]
        for id in asked {
            let expected = table.ordered.first { $0.id == id }
            #expect(table[id] == expected, "\(id)")
            #expect(table.contains(id) == (expected != nil), "\(id)")
        }
        #expect(table.ordered.map(\.id) == table.ordered.map(\.id).sorted())
        // Put back where it belongs, before src5.
        table.put(source("src4"))
        #expect(table.ordered.firstIndex { $0.id == "src4" } == table.ordered.firstIndex { $0.id == "src5" }.map { $0 - 1 })
    }
}
