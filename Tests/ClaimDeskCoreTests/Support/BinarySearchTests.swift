@testable import ClaimDeskCore
import Testing

/// The one binary search finds what a walk from the start finds.
@Suite struct BinarySearchTests {
    @Test func findsTheFirstPositionPastThePartAsAWalkDoes() {
        var random = SeededGenerator(seed: 42)
        for _ in 0..<500 {
            let table = (0..<Int(random.next() % 40)).map { _ in Int(random.next() % 20) }.sorted()
            for point in -1...21 {
                let walked = table.firstIndex { $0 >= point } ?? table.count
                #expect(BinarySearch.firstIndex(upTo: table.count) { table[$0] < point } == walked, "\(table) \(point)")
                let afterLast = table.firstIndex { $0 > point } ?? table.count
                #expect(BinarySearch.firstIndex(upTo: table.count) { table[$0] <= point } == afterLast, "\(table) \(point)")
            }
        }
    }

    @Test func anEmptyTableAndTheEnds() {
        #expect(BinarySearch.firstIndex(upTo: 0) { _ in Issue.record("nothing to compare"); return true } == 0)
        #expect(BinarySearch.firstIndex(upTo: 5) { _ in true } == 5)
        #expect(BinarySearch.firstIndex(upTo: 5) { _ in false } == 0)
    }
}
