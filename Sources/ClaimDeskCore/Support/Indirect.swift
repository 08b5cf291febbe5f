/// A value kept out of line, behind one reference that copies share.
///
/// For fields that most records leave empty (a claim's cue, an annotation's review and
/// provenance): stored inline, an empty one still took its full size in every record, 100 bytes
/// and more per claim of a session of 100,000; out of line, an absent one costs one word.
/// Setting the field makes a new box, so a copy of the record never sees the change.
struct Indirect<Value: Hashable & Sendable>: Hashable, Sendable {
    private final class Storage: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    private let storage: Storage

    init(_ value: Value) {
        storage = Storage(value)
    }

    var value: Value { storage.value }

    static func == (a: Indirect, b: Indirect) -> Bool {
        a.storage === b.storage || a.value == b.value
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(value)
    }
}

/// Read and written as the value it holds.
extension Indirect: JSONFieldValue where Value: JSONFieldValue {
    static func readJSONValue(from reader: inout JSONReader) throws(JSONReadError) -> Indirect {
        Indirect(try Value.readJSONValue(from: &reader))
    }

    func writeJSONValue(to writer: inout JSONWriter) {
        value.writeJSONValue(to: &writer)
    }
}
