@testable import ClaimDeskCore
import Foundation
import Testing

/// A thread started by ``OtherCoreThread`` runs its work, begins on another core than the
/// starting thread's whenever another is allowed, and may then run anywhere the starter may.
@Suite struct OtherCoreThreadTests {
    /// The processors this thread may run on, as Linux lists them (`0-1`, `0,2-3`).
    static func allowedProcessors(ofThreadAt path: String) throws -> Set<Int> {
        let status = try String(contentsOfFile: path, encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("Cpus_allowed_list:") })
        var processors = Set<Int>()
        for part in line.dropFirst("Cpus_allowed_list:".count).split(separator: ",") {
            let bounds = part.split(separator: "-").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            processors.formUnion(bounds.count == 2 ? Array(bounds[0]...bounds[1]) : bounds)
        }
        return processors
    }

    @Test func beginsElsewhereThenMayRunWhereverTheStarterMay() throws {
        let starter = try Self.allowedProcessors(ofThreadAt: "/proc/thread-self/status")
        for _ in 0..<20 {
            let seen = HandedOver<(OtherCoreThread.Placement, Set<Int>)?>()
            let started = OtherCoreThread.start { placement in
                seen.hand((placement, (try? Self.allowedProcessors(ofThreadAt: "/proc/thread-self/status")) ?? []))
            }
            #expect(started)
            let (placement, allowed) = try #require(seen.value)
            if starter.count > 1 {
                let avoided = try #require(placement.avoided)
                #expect(starter.contains(avoided))
                #expect(placement.startedOn != nil && placement.startedOn != avoided)
            } else {
                #expect(placement.avoided == nil)
            }
            // Once begun, the thread is no longer kept off the starter's core.
            #expect(allowed == starter)
        }
    }

    @Test func theWorkRunsOnceOnAThreadOfItsOwn() {
        let ran = HandedOver<Bool>()
        let here = pthread_self()
        OtherCoreThread.start { _ in ran.hand(pthread_equal(pthread_self(), here) == 0) }
        #expect(ran.value)
    }
}
