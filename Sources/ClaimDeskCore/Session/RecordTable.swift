/// A record that a session keeps under its id.
public protocol KeyedRecord: Equatable, Sendable {
    var id: AnnotationID { get }
}

extension Article: KeyedRecord {}
extension Source: KeyedRecord {}
extension Mention: KeyedRecord {}
extension Claim: KeyedRecord {}
extension Proposition: KeyedRecord {}
extension Stance: KeyedRecord {}
extension Relation: KeyedRecord {}
extension Conflict: KeyedRecord {}

/// The records of one kind, in id order, and by id when asked for.
///
/// Listing, exporting and saving want records in id order; sorting a hundred
/// thousand of them for every command cost more than the command itself. The
/// order is kept as records come and go instead: a new id (the usual case) is
/// appended, a replaced record is found by binary search, and only a record
/// put back in the middle (undo of `rm`) moves the ones after it.
///
/// A record is found by binary search in that order. The dictionary of every
/// record by id that ``byID`` hands out is made on first use and kept up to date
/// from then on: opening a session built one per kind (every record held twice)
/// before any command had asked for it.
struct RecordTable<Value: KeyedRecord>: Sendable {
    /// Every record, sorted by id.
    private(set) var ordered: [Value]
    /// The same records by id, once asked for.
    private var dictionary: ComputedOnce<[AnnotationID: Value]>

    init() {
        ordered = []
        dictionary = ComputedOnce([:])
    }

    init(_ records: [AnnotationID: Value]) {
        ordered = records.values.sorted { $0.id < $1.id }
        dictionary = ComputedOnce(records)
    }

    /// Records read from a document, which lists them in id order: sorted only if they are not.
    ///
    /// An array grown one record at a time has room for up to twice its records; kept as it
    /// is, the room a quarter or more of it left empty (21,000 mentions of a session of 100,000
    /// annotations in room for 32,768) is given back.
    init(inReadingOrder records: [Value]) {
        var sorted = true
        for i in records.indices.dropFirst() where !(records[i - 1].id < records[i].id) {
            sorted = false
            break
        }
        if !sorted {
            ordered = records.sorted { $0.id < $1.id }
        } else if records.capacity - records.count > records.capacity / 4 {
            var trimmed: [Value] = []
            trimmed.reserveCapacity(records.count)
            trimmed.append(contentsOf: records)
            ordered = trimmed
        } else {
            ordered = records
        }
        dictionary = ComputedOnce()
    }

    /// Every record by id (made on first use).
    var byID: [AnnotationID: Value] {
        dictionary.value {
            var byID: [AnnotationID: Value] = [:]
            byID.reserveCapacity(ordered.count)
            for record in ordered { byID[record.id] = record }
            return byID
        }
    }

    var count: Int { ordered.count }

    subscript(id: AnnotationID) -> Value? {
        let at = position(of: id)
        return at < ordered.count && ordered[at].id == id ? ordered[at] : nil
    }

    func contains(_ id: AnnotationID) -> Bool {
        let at = position(of: id)
        return at < ordered.count && ordered[at].id == id
    }

    /// Adds or replaces a record; returns the one it replaced.
    @discardableResult
    mutating func put(_ value: Value) -> Value? {
        let old: Value?
        if let last = ordered.last, last.id < value.id {
            old = nil
            ordered.append(value)
        } else {
            let at = position(of: value.id)
            if at < ordered.count, ordered[at].id == value.id {
                old = ordered[at]
                ordered[at] = value
            } else {
                old = nil
                ordered.insert(value, at: at)
            }
        }
        ComputedOnce.update(&dictionary) { $0[value.id] = value }
        return old
    }

    /// Removes the record under an id; returns it.
    @discardableResult
    mutating func remove(_ id: AnnotationID) -> Value? {
        let at = position(of: id)
        guard at < ordered.count, ordered[at].id == id else { return nil }
        let old = ordered.remove(at: at)
        ComputedOnce.update(&dictionary) { $0[id] = nil }
        return old
    }

    /// The first position whose id is not below `id`.
    ///
    /// Ids of one kind are numbered 1, 2, 3, … with few gaps, so the record numbered n is most
    /// often at n - 1: one comparison there before the binary search (opening a session looks up
    /// every reference of every record).
    private func position(of id: AnnotationID) -> Int {
        if let number = id.number, number >= 1, number <= ordered.count, ordered[number - 1].id == id { return number - 1 }
        return BinarySearch.firstIndex(upTo: ordered.count) { ordered[$0].id < id }
    }
}

extension RecordTable: Equatable {
    static func == (a: RecordTable, b: RecordTable) -> Bool { a.ordered == b.ordered }
}

extension RecordTable where Value: SessionDocumentRecord {
    /// Shares every record's quotes with its article's text: for records read before the texts
    /// were at hand (the second reader of ``Session/splitReading(_:startThread:)``).
    mutating func shareQuotes(_ texts: ArticleQuoteTexts) {
        for i in ordered.indices { ordered[i].shareQuotes(texts) }
        dictionary = ComputedOnce()
    }
}
