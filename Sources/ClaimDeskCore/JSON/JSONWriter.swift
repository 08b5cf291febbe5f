/// Writes JSON straight into bytes: pretty (two-space indent) or compact, keys in the order given.
///
/// The session document is written with this rather than `JSONEncoder` because a session of
/// 100,000 annotations must save faster than Python's `json` dumps it. Callers write each
/// object's keys in sorted order; a debug check catches a key out of order.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    let pretty: Bool
    let spelling: Spelling
    /// How many objects and arrays are open.
    private(set) var depth = 0
    /// How many members the innermost open object or array has so far, and whether it is an object:
    /// kept apart from the levels around it, as every key and value reads and bumps them.
    private var memberCount = 0
    private var inObject = false
    /// The same for each level around the innermost, outermost first; touched only when a level opens or closes.
    private var outer: [Level] = []
    #if DEBUG
    /// The last key written in each open object, for the check that keys come sorted (debug builds only:
    /// keeping it costs a string copy per key).
    private var lastKeys: [String] = []
    #endif
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

    private struct Level {
        var memberCount: Int
        var isObject: Bool
    }

    private mutating func newline() {
        guard pretty else { return }
        // The line break and the indent in one run, cut from a line break followed by spaces:
        // appending them one by one, or as a repeated element, is slower.
        var width = 2 * depth
        Self.lineBreak.withUnsafeBufferPointer { run in
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: run[..<(1 + min(width, run.count - 1))]))
            width -= run.count - 1
            while width > 0 {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: run[1..<(1 + min(width, run.count - 1))]))
                width -= run.count - 1
            }
        }
    }

    /// A line break and the indent of up to 64 levels deep.
    private static let lineBreak: [UInt8] = [0x0A] + [UInt8](repeating: 0x20, count: 128)

    /// Opens a level: the innermost one's figures go on the stack.
    @inline(__always)
    private mutating func open(isObject: Bool) {
        outer.append(Level(memberCount: memberCount, isObject: inObject))
        depth += 1
        memberCount = 0
        inObject = isObject
    }

    /// Closes the innermost level and returns how many members it had.
    @inline(__always)
    private mutating func close() -> Int {
        let members = memberCount
        let level = outer.removeLast()
        depth -= 1
        memberCount = level.memberCount
        inObject = level.isObject
        return members
    }

    /// Commas and line breaks before a value in an array (after a key, nothing).
    private mutating func beforeValue() {
        if afterKey {
            afterKey = false
            return
        }
        guard depth > 0 else { return }
        precondition(!inObject, "a value inside an object needs a key first")
        if memberCount > 0 { bytes.append(0x2C) }
        memberCount += 1
        newline()
    }

    public mutating func key(_ name: String) {
        precondition(depth > 0 && inObject, "a key outside an object")
        checkOrder(name)
        keyInGivenOrder(name)
    }

    /// A key already spelled as a JSON string (see ``EncodedKey``): the same bytes as ``key(_:)``
    /// without escaping the name again for every record.
    mutating func key(_ encoded: EncodedKey) {
        precondition(depth > 0 && inObject, "a key outside an object")
        checkOrder(encoded.name)
        if memberCount > 0 { bytes.append(0x2C) }
        memberCount += 1
        newline()
        bytes.append(contentsOf: encoded.quoted)
        if pretty, spelling == .encoderCompatible { bytes.append(0x20) }
        bytes.append(0x3A)
        if pretty { bytes.append(0x20) }
        afterKey = true
    }

    /// A key's name with its JSON spelling (quotes and escapes), made once for a key written often.
    struct EncodedKey: Sendable {
        let name: String
        let quoted: [UInt8]

        init(_ name: String) {
            self.name = name
            var writer = JSONWriter(pretty: false, capacity: name.utf8.count + 2)
            writer.writeString(name)
            quoted = writer.bytes
        }
    }

    /// Catches a key written out of sorted order (debug builds only).
    @inline(__always)
    private mutating func checkOrder(_ name: String) {
        #if DEBUG
        assert(lastKeys[lastKeys.count - 1] < name, "keys must be written in sorted order: \(lastKeys.last!) then \(name)")
        lastKeys[lastKeys.count - 1] = name
        #endif
    }

    /// A key of an object whose keys keep an order of their own (a report line's documented
    /// order) rather than the sorted order ``key(_:)`` checks.
    public mutating func keyInGivenOrder(_ name: String) {
        precondition(depth > 0 && inObject, "a key outside an object")
        if memberCount > 0 { bytes.append(0x2C) }
        memberCount += 1
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
        open(isObject: true)
        #if DEBUG
        lastKeys.append("")
        #endif
    }

    public mutating func endObject() {
        let members = close()
        #if DEBUG
        lastKeys.removeLast()
        #endif
        closing(members)
        bytes.append(0x7D)
    }

    public mutating func beginArray() {
        beforeValue()
        bytes.append(0x5B)
        open(isObject: false)
    }

    public mutating func endArray() {
        let members = close()
        closing(members)
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
        // Digit by digit into the buffer: a String per number cost more than writing the number.
        var magnitude = value.magnitude
        if value < 0 { bytes.append(0x2D) }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // up to 20 digits, backwards, one byte each
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(truncatingIfNeeded: magnitude % 10) + 0x30
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[i]) }
        }
    }

    /// A time as ISO-8601 UTC (`"2026-11-25T15:53:02Z"`), the text of ``Timestamp/description``
    /// written straight into the buffer: a session has two per annotation.
    mutating func timestamp(_ value: Timestamp) {
        beforeValue()
        bytes.append(0x22)
        value.appendISO8601(to: &bytes)
        bytes.append(0x22)
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
        bytes.append(contentsOf: value ? "true".utf8 : "false".utf8)
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

    /// Copies `count` consecutive elements written earlier at the same depth, with the separators
    /// between them, as one run; returns where the run now starts.
    mutating func elements(reusing encoded: ArraySlice<UInt8>, count: Int) -> Int {
        beforeValue()
        memberCount += count - 1
        let start = bytes.count
        bytes.append(contentsOf: encoded)
        return start
    }

    /// Writes the value `write` writes, or copies the bytes of the value written for `key` at this
    /// depth before (see ``JSONFragmentCache``). `write` must write exactly one value, the same one
    /// whenever it is given the same key.
    public mutating func value<Key>(cachedAs key: Key, in cache: JSONFragmentCache<Key>, _ write: (inout JSONWriter) -> Void) {
        beforeValue()
        if let fragment = cache.fragment(key, depth: depth, for: self) {
            bytes.append(contentsOf: fragment)
            return
        }
        let start = bytes.count, startDepth = depth
        // The value's own opening must not write a second separator.
        afterKey = true
        write(&self)
        afterKey = false
        precondition(depth == startDepth && bytes.count > start, "a cached fragment must be one whole value")
        cache.keep(bytes[start...], for: key, depth: depth, from: self)
    }

    /// A string made of some of a text's code points (a quote cut from an article), written from
    /// the code points themselves rather than from a `String` made of them first.
    public mutating func string(_ scalars: ArraySlice<Unicode.Scalar>) {
        beforeValue()
        // Encoded into scratch space (on the stack when short) and appended in one piece: a byte
        // at a time into the buffer costs a capacity check per byte. Six bytes per code point is
        // the most an escape (`\u001f`) takes.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 6 * scalars.count + 2) { out in
            var n = 0
            @inline(__always) func put(_ byte: UInt8) {
                out[n] = byte
                n += 1
            }
            put(0x22)
            for scalar in scalars {
                let v = scalar.value
                switch v {
                case 0x22, 0x5C:
                    put(0x5C)
                    put(UInt8(v))
                case 0..<0x20:
                    Self.controlEscape(UInt8(v), put)
                case 0x20..<0x80:
                    put(UInt8(v))
                case 0x80..<0x800:
                    put(UInt8(0xC0 | v >> 6))
                    put(UInt8(0x80 | v & 0x3F))
                case 0x800..<0x10000:
                    put(UInt8(0xE0 | v >> 12))
                    put(UInt8(0x80 | (v >> 6) & 0x3F))
                    put(UInt8(0x80 | v & 0x3F))
                default:
                    put(UInt8(0xF0 | v >> 18))
                    put(UInt8(0x80 | (v >> 12) & 0x3F))
                    put(UInt8(0x80 | (v >> 6) & 0x3F))
                    put(UInt8(0x80 | v & 0x3F))
                }
            }
            put(0x22)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: out[..<n]))
        }
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
    fileprivate mutating func writeString(_ value: String) {
        bytes.append(0x22)
        var utf8 = value.utf8
        let done: Bool? = utf8.withContiguousStorageIfAvailable { buffer in
            if !Self.needsEscape(buffer) {
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
                case 0..<0x20: Self.controlEscape(byte) { bytes.append($0) }
                default: bytes.append(byte)
                }
            }
        }
        bytes.append(0x22)
    }

    /// Puts the escape of a control character, byte by byte: the short ones JSON names, else
    /// `\u00XX`. Handed to a sink rather than returned as an array: article text holds a line
    /// break every few dozen bytes, and an array for each cost a save a third more time.
    @inline(__always)
    private static func controlEscape(_ byte: UInt8, _ put: (UInt8) -> Void) {
        put(0x5C)
        switch byte {
        case 0x0A: put(0x6E)
        case 0x0D: put(0x72)
        case 0x09: put(0x74)
        case 0x08: put(0x62)
        case 0x0C: put(0x66)
        default:
            put(0x75); put(0x30); put(0x30)
            put(Self.hexDigits[Int(byte >> 4)]); put(Self.hexDigits[Int(byte & 0xF)])
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}

extension JSONWriter {
    /// Whether any byte must be escaped in a JSON string: a control character, quote or backslash,
    /// the bytes that end a plain run for the reader too (``JSONReader/plainRun(in:from:)``, eight
    /// bytes at a time: nearly every string of a session has nothing to escape).
    static func needsEscape(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        JSONReader.plainRun(in: buffer, from: 0).end < buffer.count
    }
}

/// A value that writes itself as JSON.
public protocol JSONWritable {
    func write(to writer: inout JSONWriter)
}
