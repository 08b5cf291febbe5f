/// Writes JSON straight into bytes: pretty (two-space indent) or compact, keys in the order given.
///
/// The session document is written with this rather than `JSONEncoder` because a session of
/// 100,000 annotations must save faster than Python's `json` dumps it. Callers write each
/// object's keys in sorted order; a debug check catches a key out of order.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    let pretty: Bool
    let spelling: Spelling
    /// For each open object or array: how many members it has so far, and whether it is an object.
    private var levels: [(count: Int, isObject: Bool)] = []
    private var lastKeys: [String] = []
    private var afterKey = false

    /// How pretty output spells a key's colon and an empty array or object.
    public enum Spelling: Sendable {
        /// `"key": value`, `[]` and `{}`: sessions, journals and reports.
        case standard
        /// `"key" : value`, and an empty array or object with a blank line inside: the bytes
        /// `JSONEncoder` wrote, kept by exports so that files already published do not change.
        case encoderCompatible
    }

    public init(pretty: Bool, spelling: Spelling = .standard, capacity: Int = 4096) {
        self.pretty = pretty
        self.spelling = spelling
        bytes.reserveCapacity(capacity)
    }

    /// Hands the bytes written so far to `sink` and forgets them, keeping the buffer's capacity:
    /// a long document goes out in pieces rather than whole.
    public mutating func drain(into sink: ([UInt8]) -> Void) {
        guard !bytes.isEmpty else { return }
        sink(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    private mutating func newline() {
        guard pretty else { return }
        bytes.append(0x0A)
        for _ in 0..<levels.count { bytes.append(0x20); bytes.append(0x20) }
    }

    /// Commas and line breaks before a value in an array (after a key, nothing).
    private mutating func beforeValue() {
        if afterKey {
            afterKey = false
            return
        }
        guard let top = levels.last else { return }
        precondition(!top.isObject, "a value inside an object needs a key first")
        if top.count > 0 { bytes.append(0x2C) }
        levels[levels.count - 1].count += 1
        newline()
    }

    public mutating func key(_ name: String) {
        precondition(levels.last?.isObject == true, "a key outside an object")
        assert(lastKeys[lastKeys.count - 1] < name, "keys must be written in sorted order: \(lastKeys.last!) then \(name)")
        lastKeys[lastKeys.count - 1] = name
        keyInGivenOrder(name)
    }

    /// A key of an object whose keys keep an order of their own (a report line's documented
    /// order) rather than the sorted order ``key(_:)`` checks.
    public mutating func keyInGivenOrder(_ name: String) {
        precondition(levels.last?.isObject == true, "a key outside an object")
        if levels[levels.count - 1].count > 0 { bytes.append(0x2C) }
        levels[levels.count - 1].count += 1
        newline()
        writeString(name)
        if pretty, spelling == .encoderCompatible { bytes.append(0x20) }
        bytes.append(0x3A)
        if pretty { bytes.append(0x20) }
        afterKey = true
    }

    public mutating func beginObject() {
        beforeValue()
        bytes.append(0x7B)
        levels.append((0, true))
        lastKeys.append("")
    }

    public mutating func endObject() {
        let level = levels.removeLast()
        lastKeys.removeLast()
        closing(level.count)
        bytes.append(0x7D)
    }

    public mutating func beginArray() {
        beforeValue()
        bytes.append(0x5B)
        levels.append((0, false))
    }

    public mutating func endArray() {
        let level = levels.removeLast()
        closing(level.count)
        bytes.append(0x5D)
    }

    /// The line break before a closing bracket: none for an empty container, but a blank line
    /// in the encoder's spelling.
    private mutating func closing(_ count: Int) {
        if count > 0 {
            newline()
        } else if pretty, spelling == .encoderCompatible {
            bytes.append(0x0A)
            newline()
        }
    }

    public mutating func string(_ value: String) {
        beforeValue()
        writeString(value)
    }

    public mutating func int(_ value: Int) {
        beforeValue()
        bytes.append(contentsOf: String(value).utf8)
    }

    /// A fraction, rounded to four decimals; NaN and infinities are written as null.
    public mutating func number(_ value: Double) {
        guard value.isFinite else { return null() }
        beforeValue()
        let rounded = (value * 10_000).rounded() / 10_000
        bytes.append(contentsOf: (rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int(rounded)) : String(rounded)).utf8)
    }

    /// A number as it was read, in its own text.
    public mutating func number(_ value: JSONNumber) {
        beforeValue()
        bytes.append(contentsOf: value.text.utf8)
    }

    public mutating func bool(_ value: Bool) {
        beforeValue()
        bytes.append(contentsOf: value ? Array("true".utf8) : Array("false".utf8))
    }

    public mutating func null() {
        beforeValue()
        bytes.append(contentsOf: "null".utf8)
    }

    /// Writes `value` as the next element of the open array and returns where its bytes lie, so a
    /// later document at the same depth can reuse them (see ``SessionEncodingCache``).
    public mutating func element(_ value: some JSONWritable) -> Range<Int> {
        beforeValue()
        let start = bytes.count
        // The element's own opening must not write a second separator.
        afterKey = true
        value.write(to: &self)
        afterKey = false
        return start..<bytes.count
    }

    /// Copies an element written earlier by ``element(_:)`` at the same depth; returns where it now lies.
    public mutating func element(reusing encoded: ArraySlice<UInt8>) -> Range<Int> {
        beforeValue()
        let start = bytes.count
        bytes.append(contentsOf: encoded)
        return start..<bytes.count
    }

    /// A byte outside any value (a newline ending a journal line).
    public mutating func appendRaw(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// An array of strings, on one line each.
    public mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    // MARK: - Optional fields

    public mutating func field(_ name: String, _ value: String) {
        key(name)
        string(value)
    }

    public mutating func field(_ name: String, _ value: String?) {
        if let value { field(name, value) }
    }

    public mutating func field(_ name: String, _ value: Int) {
        key(name)
        int(value)
    }

    public mutating func field(_ name: String, _ value: Bool?) {
        guard let value else { return }
        key(name)
        bool(value)
    }

    public mutating func field(_ name: String, _ values: [String]) {
        key(name)
        strings(values)
    }

    public mutating func field(_ name: String, _ value: some JSONWritable) {
        key(name)
        value.write(to: &self)
    }

    public mutating func field(_ name: String, _ value: (some JSONWritable)?) {
        guard let value else { return }
        key(name)
        value.write(to: &self)
    }

    public mutating func field(_ name: String, _ values: [some JSONWritable]) {
        key(name)
        beginArray()
        for value in values { value.write(to: &self) }
        endArray()
    }

    /// A JSON string with the escapes JSON requires: quote, backslash and controls.
    private mutating func writeString(_ value: String) {
        bytes.append(0x22)
        var utf8 = value.utf8
        let done: Bool? = utf8.withContiguousStorageIfAvailable { buffer in
            if !buffer.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
                bytes.append(contentsOf: buffer)
                return true
            }
            return false
        }
        if done != true {
            if done == nil {
                var copy = value
                copy.makeContiguousUTF8()
                utf8 = copy.utf8
            }
            for byte in utf8 {
                switch byte {
                case 0x22: bytes.append(0x5C); bytes.append(0x22)
                case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
                case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
                case 0x0D: bytes.append(0x5C); bytes.append(0x72)
                case 0x09: bytes.append(0x5C); bytes.append(0x74)
                case 0x08: bytes.append(0x5C); bytes.append(0x62)
                case 0x0C: bytes.append(0x5C); bytes.append(0x66)
                case 0..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                default: bytes.append(byte)
                }
            }
        }
        bytes.append(0x22)
    }
}

/// A value that writes itself as JSON.
public protocol JSONWritable {
    func write(to writer: inout JSONWriter)
}
