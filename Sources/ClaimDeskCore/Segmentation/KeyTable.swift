/// A read-only hash table from `WordKey` keys to small values.
///
/// The lexicons are consulted at every candidate boundary. `Dictionary`
/// hashes with SipHash; this open-addressing table with a multiplicative hash
/// costs a multiply and usually one probe, which keeps look-ups off the profile.
struct KeyTable<Value: Sendable>: Sendable {
    private var keys: [UInt64]
    private var values: [Value]
    private let shift: UInt64
    private let mask: Int

    init(_ entries: [UInt64: Value], filler: Value) {
        self.init(capacityFor: entries.count, filler: filler)
        for (key, value) in entries { insert(key, value) }
    }

    /// Every key of `keys` mapped to `value` (a key given twice is stored once).
    ///
    /// The lexicons are built at the first sentence of every start: going through a `Set` and a
    /// `Dictionary` first cost more, in hashing and first-use type metadata, than the table itself.
    init(keys: [UInt64], value: Value, filler: Value) {
        self.init(capacityFor: keys.count, filler: filler)
        for key in keys { insert(key, value) }
    }

    private init(capacityFor count: Int, filler: Value) {
        var capacity = 8
        while capacity < count * 3 { capacity *= 2 }
        var bits: UInt64 = 0
        while (1 << bits) < capacity { bits += 1 }
        shift = 64 - bits
        mask = capacity - 1
        keys = [UInt64](repeating: 0, count: capacity)
        values = [Value](repeating: filler, count: capacity)
    }

    private mutating func insert(_ key: UInt64, _ value: Value) {
        precondition(key != 0, "a word key is never 0")
        var slot = Self.slot(key, shift)
        while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
        keys[slot] = key
        values[slot] = value
    }

    @inline(__always) private static func slot(_ key: UInt64, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    subscript(_ key: UInt64) -> Value? {
        var slot = Self.slot(key, shift)
        while true {
            let stored = keys[slot]
            if stored == key { return values[slot] }
            if stored == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    var isEmpty: Bool { !keys.contains { $0 != 0 } }
}

/// A read-only set of `WordKey` keys.
struct KeySet: Sendable {
    private let table: KeyTable<Bool>

    init(_ keys: [UInt64]) {
        table = KeyTable(keys: keys, value: true, filler: false)
    }

    func contains(_ key: UInt64) -> Bool { table[key] != nil }

    var isEmpty: Bool { table.isEmpty }
}
