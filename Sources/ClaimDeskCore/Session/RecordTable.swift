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

/// The records of one kind, by id and in id order at once.
///
/// Listing, exporting and saving want records in id order; sorting a hundred
/// thousand of them for every command cost more than the command itself. The
/// order is kept as records come and go instead: a new id (the usual case) is
/// appended, a replaced record is found by binary search, and only a record
/// put back in the middle (undo of `rm`) moves the ones after it.
struct RecordTable<Value: KeyedRecord>: Sendable {
    private(set) var byID: [AnnotationID: Value]
    /// Every record, sorted by id.
    private(set) var ordered: [Value]

    init() {
        byID = [:]
        ordered = []
    }

    init(_ records: [AnnotationID: Value]) {
        byID = records
        ordered = records.values.sorted { $0.id < $1.id }
    }

    /// Records read from a document, which lists them in id order: sorted only if they are not.
    init(byID: [AnnotationID: Value], inReadingOrder records: [Value]) {
        self.byID = byID
        var sorted = true
        for i in records.indices.dropFirst() where !(records[i - 1].id < records[i].id) {
            sorted = false
            break
        }
        ordered = sorted ? records : records.sorted { $0.id < $1.id }
    }

    var count: Int { ordered.count }

    subscript(id: AnnotationID) -> Value? { byID[id] }

    func contains(_ id: AnnotationID) -> Bool { byID.index(forKey: id) != nil }

    /// Adds or replaces a record; returns the one it replaced.
    @discardableResult
    mutating func put(_ value: Value) -> Value? {
        let old = byID.updateValue(value, forKey: value.id)
        if let last = ordered.last, last.id < value.id {
            ordered.append(value)
        } else {
            let at = position(of: value.id)
            if old != nil, at < ordered.count, ordered[at].id == value.id {
                ordered[at] = value
            } else {
                ordered.insert(value, at: at)
            }
        }
        return old
    }

    /// Removes the record under an id; returns it.
    @discardableResult
    mutating func remove(_ id: AnnotationID) -> Value? {
        guard let old = byID.removeValue(forKey: id) else { return nil }
        let at = position(of: id)
        if at < ordered.count, ordered[at].id == id { ordered.remove(at: at) }
        return old
    }

    /// The first position whose id is not below `id`.
    private func position(of id: AnnotationID) -> Int {
        var lo = 0, hi = ordered.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ordered[mid].id < id { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

extension RecordTable: Equatable {
    static func == (a: RecordTable, b: RecordTable) -> Bool { a.byID == b.byID }
}
