/// The bytes of the last session document written and where each record lies in them, so the
/// next save copies every record that has not changed instead of writing it again.
///
/// A save after one change at 100,000 annotations wrote every record anew; with the cache it
/// writes one. Reuse is decided by comparing the record with the one the bytes were written
/// from (equal values give equal bytes: the writer is deterministic), so no change can be
/// missed: there is nothing to invalidate. The document is the same, byte for byte, as one
/// written without a cache; tests compare them after random changes, undos and redos.
///
/// Unchanged records that follow one another are copied as one run, separators and all: the
/// bytes between two records of an array (comma, line break, indentation) are the same in every
/// document, so a save after one change is a handful of copies, not one per record.
public struct SessionEncodingCache: Sendable {
    var bytes: [UInt8] = []
    var articles = RecordBytes<Article>()
    var sources = RecordBytes<Source>()
    var mentions = RecordBytes<Mention>()
    var claims = RecordBytes<Claim>()
    var propositions = RecordBytes<Proposition>()
    var stances = RecordBytes<Stance>()
    var relations = RecordBytes<Relation>()

    public init() {}

    /// How many records the last write copied from the one before it (for tests and benchmarks).
    public internal(set) var reusedRecords = 0

    /// Whether the cache holds no document yet (nothing written with it), so nothing can be copied.
    public var isEmpty: Bool { bytes.isEmpty }
}

/// Where each record of one kind lies in ``SessionEncodingCache/bytes``, with the value written
/// there, in id order (the order records are written in, so a save walks both lists together).
struct RecordBytes<Record: KeyedRecord>: Sendable {
    var records: [Record] = []
    var ranges: [Range<Int>] = []
}

extension JSONWriter {
    /// Writes `records` (in id order) as the value of the current key, copying the bytes of the
    /// records that equal the ones `previous` wrote, and notes where each record now lies in `next`.
    mutating func records<Record: KeyedRecord & JSONWritable>(_ records: [Record], previous: RecordBytes<Record>,
                                                              previousBytes: [UInt8], next: inout RecordBytes<Record>,
                                                              reused: inout Int) {
        beginArray()
        next.records = records
        next.ranges.reserveCapacity(records.count)
        var old = 0
        var index = 0
        while index < records.count {
            // Both lists are in id order: skip the previous records that are gone.
            while old < previous.records.count, previous.records[old].id < records[index].id { old += 1 }
            guard old < previous.records.count, previous.records[old] == records[index] else {
                next.ranges.append(element(records[index]))
                index += 1
                continue
            }
            // A run of unchanged records, next to each other in both documents.
            let first = old
            repeat {
                index += 1
                old += 1
            } while index < records.count && old < previous.records.count && previous.records[old] == records[index]
            let from = previous.ranges[first].lowerBound
            let start = elements(reusing: previousBytes[from..<previous.ranges[old - 1].upperBound], count: old - first)
            let shift = start - from
            for range in previous.ranges[first..<old] {
                next.ranges.append((range.lowerBound + shift)..<(range.upperBound + shift))
            }
            reused += old - first
        }
        endArray()
    }
}
