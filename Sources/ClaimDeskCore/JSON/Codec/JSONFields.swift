/// The fields of one ``JSONCodable`` type, sorted by key, with the writer and reader they drive.
///
/// Built once per type (a `static let`) and never changed after, which is why it may be shared
/// between threads although its fields hold closures.
public final class JSONFields<Root>: @unchecked Sendable {
    /// The fields sorted by key: the order they are written in, and most often read in.
    let sorted: [JSONField<Root>]
    /// The fields in the order given, for a type that embeds them (``JSONField/embedded(_:at:)``).
    let declared: [JSONField<Root>]
    /// The same fields unretained, for the loops that call them (``sorted`` keeps them alive), so
    /// a call costs no reference counting.
    private let unretained: [Unmanaged<JSONField<Root>>]
    /// Their keys, for matching the keys read.
    let keys: [String]
    /// The same keys as UTF-8, which the reader matches without making strings of the keys it reads.
    private let keyBytes: [[UInt8]]
    /// The indices (in ``sorted``) of the fields with a rule for absence (required or filled in),
    /// in declaration order, so the first required key missing is the first the type names.
    let absenceOrder: [Int]
    /// One bit per field of ``absenceOrder``: when every one of them was read, nothing is left to do.
    let absenceMask: UInt64

    /// The table for `fields`, given in any order; their keys must differ (checked here, once).
    public init(_ fields: [JSONField<Root>]) {
        precondition(fields.count <= 64, "a JSON object type may have at most 64 fields")
        precondition(Set(fields.map(\.key)).count == fields.count, "a JSON key is declared twice")
        declared = fields
        sorted = fields.sorted { $0.key < $1.key }
        unretained = sorted.map { Unmanaged.passUnretained($0) }
        keys = sorted.map(\.key)
        keyBytes = keys.map { Array($0.utf8) }
        var order: [Int] = []
        var mask: UInt64 = 0
        for field in fields {
            if case .allowed = field.absence { continue }
            guard let index = sorted.firstIndex(where: { $0.key == field.key }) else { continue }
            order.append(index)
            mask |= 1 << UInt64(index)
        }
        absenceOrder = order
        absenceMask = mask
    }

    /// Writes `value` as an object, its fields in sorted key order.
    func write(_ value: Root, to writer: inout JSONWriter) {
        withUnsafePointer(to: value) { base in
            writer.beginObject()
            for field in unretained { field._withUnsafeGuaranteedRef { $0.write(base, &writer) } }
            writer.endObject()
        }
    }

    /// Reads an object into `value`, which holds the defaults for the fields it lacks.
    func read(into value: inout Root, from reader: inout JSONReader) throws(JSONReadError) {
        try reader.beginObject()
        var seen: UInt64 = 0
        try withUnsafeMutablePointer(to: &value) { base throws(JSONReadError) in
            // Keys are written sorted, so the key after the last one read is tried first.
            var guess = 0
            while true {
                let index: Int
                switch try reader.nextKey(in: keyBytes, from: guess) {
                case .end: return
                case .unknown:
                    try reader.skipValue()
                    continue
                case .known(let found): index = found
                }
                let failure = unretained[index]._withUnsafeGuaranteedRef { field -> JSONReadError? in
                    do throws(JSONReadError) { try field.read(base, &reader) } catch { return error }
                    return nil
                }
                if let failure { throw failure }
                seen |= 1 << UInt64(index)
                guess = index + 1
            }
        }
        if seen & absenceMask != absenceMask { try settleAbsent(seen, in: &value, reader) }
    }

    /// Reports the first required key missing, or fills in the fields that were absent.
    private func settleAbsent(_ seen: UInt64, in value: inout Root, _ reader: JSONReader) throws(JSONReadError) {
        for index in absenceOrder where seen & (1 << UInt64(index)) == 0 {
            if case .required = sorted[index].absence {
                // The same "at PATH.KEY: missing" error a hand-written reader gives.
                _ = try reader.required(Bool?.none, sorted[index].key)
            }
        }
        for index in absenceOrder where seen & (1 << UInt64(index)) == 0 {
            if case .filled(let fill) = sorted[index].absence { fill(&value) }
        }
    }
}
