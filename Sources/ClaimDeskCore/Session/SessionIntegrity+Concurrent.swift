import Dispatch

/// The record checks of a large session on two cores: the records in checking order (articles,
/// sources, mentions, claims, …) cut in two halves, one per core.
///
/// The checks of one record read nothing another record's check writes, except what ``Tally``
/// gathers (the highest id of each kind, note ids, stance pairs): each half gathers its own,
/// and the second is added to the first as the sequential check would have gone on. A fault
/// anywhere, or a note id or stance pair in both halves, sends the whole check back to the
/// sequential walk, which names the first fault in document order exactly as before; a sound
/// session, the common case, is checked once.
extension SessionIntegrity {
    /// Below this many records the check stays on one core: handing work to another thread costs
    /// tens of microseconds, and a small session's check takes about that.
    static let concurrentFrom = 600

    /// Some of one kind's records: the `range` of them in document order.
    struct RecordSpan: Equatable {
        var kind: AnnotationKind
        var range: Range<Int>
    }

    /// Checks every record of the session in ``recordKinds`` order and returns what was gathered.
    static func checkAllRecords(context: Context, positions: [AnnotationID: Int], concurrentFrom: Int) throws(Fault) -> Tally {
        let counts = recordKinds.map { (kind: $0, count: context.session.recordCount(of: $0)) }
        if counts.reduce(0, { $0 + $1.count }) >= concurrentFrom,
           let tally = tallyConcurrently(halves(of: counts), context: context, positions: positions) {
            return tally
        }
        var tally = Tally()
        for kind in recordKinds {
            try checkRecords(of: kind, context: context, positions: positions, tally: &tally)
        }
        return tally
    }

    /// The records, kind after kind, cut into two runs of spans of as near the same length as can be.
    static func halves(of counts: [(kind: AnnotationKind, count: Int)]) -> [[RecordSpan]] {
        let total = counts.reduce(0) { $0 + $1.count }
        var first: [RecordSpan] = [], second: [RecordSpan] = []
        var start = 0
        for (kind, count) in counts where count > 0 {
            // How many of this kind's records fall before the cut, at total / 2.
            let before = min(count, max(0, total / 2 - start))
            if before > 0 { first.append(RecordSpan(kind: kind, range: 0..<before)) }
            if before < count { second.append(RecordSpan(kind: kind, range: before..<count)) }
            start += count
        }
        return [first, second]
    }

    /// The tally of a session whose records all pass, each half checked on its own core; nil
    /// when any record fails or the halves share a note id or a stance pair (the sequential
    /// check then says which fault comes first).
    static func tallyConcurrently(_ halves: [[RecordSpan]], context: Context, positions: [AnnotationID: Int]) -> Tally? {
        let tallies = halves.map { _ in HandedOver<Tally?>() }
        // The calling thread takes one half, a worker the other; or the calling thread both when
        // the workers are busy hashing (``BackgroundWork`` would wait for a worker instead: 0.6–1.3
        // ms slower to "Opened" at 1k and 10k).
        DispatchQueue.concurrentPerform(iterations: halves.count) { half in
            var tally = Tally()
            do {
                for span in halves[half] {
                    try checkRecords(of: span.kind, in: span.range, context: context, positions: positions, tally: &tally)
                }
            } catch {
                tallies[half].hand(nil)
                return
            }
            tallies[half].hand(tally)
        }
        guard var merged = tallies[0].value else { return nil }
        for later in tallies.dropFirst() {
            guard let tally = later.value, merged.absorb(tally) else { return nil }
        }
        return merged
    }
}
