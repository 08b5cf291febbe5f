@testable import ClaimDeskCore
import Foundation
import Testing

/// A thread started by ``OtherCoreThread`` runs its work, begins on another core than the
/// starting thread's whenever another is allowed, and may then run anywhere the starter may.
@Suite struct OtherCoreThreadTests {
    /// Processors as Linux lists them (`0-1`, `0,2-3`).
    static func processors(inList list: Substring) -> Set<Int> {
        var processors = Set<Int>()
        for part in list.split(separator: ",") {
            let bounds = part.split(separator: "-").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            processors.formUnion(bounds.count == 2 ? Array(bounds[0]...bounds[1]) : bounds)
        }
        return processors
    }

    /// The processors the calling thread may run on that are online: the mask in
    /// `/proc/thread-self/status` also lists offline ones, which the C library's leaves out.
    static func usableProcessors() throws -> Set<Int> {
        let status = try String(contentsOfFile: "/proc/thread-self/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("Cpus_allowed_list:") })
        let online = try String(contentsOfFile: "/sys/devices/system/cpu/online", encoding: .utf8)
        return processors(inList: line.dropFirst("Cpus_allowed_list:".count)).intersection(processors(inList: Substring(online)))
    }

    @Test func beginsElsewhereThenMayRunWhereverTheStarterMay() throws {
        let starter = try Self.usableProcessors()
        for _ in 0..<20 {
            let seen = HandedOver<(OtherCoreThread.Placement, Set<Int>)?>()
            let started = OtherCoreThread.start { placement in
                seen.hand((placement, (try? Self.usableProcessors()) ?? []))
            }
            #expect(started)
            let (placement, allowed) = try #require(seen.value)
            if (2...1024).contains(starter.count) {
                let avoided = try #require(placement.avoided)
                #expect(starter.contains(avoided))
                #expect(placement.startedOn != nil && placement.startedOn != avoided)
            } else if starter.count == 1 {
                #expect(placement.avoided == nil)
            }
            // Once begun, the thread is no longer kept off the starter's core.
            #expect(!placement.keptOff)
            #expect(allowed == starter)
        }
    }

    @Test func theWorkRunsOnAThreadOfItsOwn() {
        let ran = HandedOver<Bool>()
        let here = pthread_self()
        OtherCoreThread.start { _ in ran.hand(pthread_equal(pthread_self(), here) == 0) }
        #expect(ran.value)
    }
}
