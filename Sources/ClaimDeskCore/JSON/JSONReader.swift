import Foundation

/// Reads JSON from bytes one value at a time, keeping track of where it is for error messages.
///
/// Model types read themselves with it (`beginObject`, `nextKey`, `readString`, …), which is
/// several times faster than `JSONDecoder` on large sessions and lets every error say where
/// the fault is: `at claims[3].anchor.start (line 120, column 15): expected an integer`.
///
/// ``reading(_:_:)`` reads a document where it lies, without a copy: a session
/// file of 51 MB was held twice while it was read, once as the `Data` read from the disk and once
/// as the array this reader took.
public struct JSONReader {
    /// The document: borrowed for the length of a ``reading(_:_:)`` call, or
    /// the reader's own copy, which ``storage`` keeps alive.
    let bytes: UnsafeBufferPointer<UInt8>
    /// The copy ``init(_:)`` made, if it made one.
    private let storage: JSONReaderBytes?
    var index = 0
    /// Lets the bytes already read go (``releaseRead()``), if whoever made them can.
    var release: (any ReadBytesRelease)?
    /// Bytes before this offset were released and must be restored before they are read.
    private var releasedUpTo = 0
    /// The path to the value being read: keys and array indices.
    private var path: [PathComponent] = []
    /// Nesting depth of open objects and arrays; deeper than ``maximumDepth`` is refused.
    private var depth = 0
    /// Where a string with escapes is decoded before it is made a `String`: kept from one such
    /// string to the next, so that an article's text is not collected in an array grown five
    /// times over from its first escape, each growth a new allocation and a copy.
    private var escapedBytes: [UInt8] = []
    public static let maximumDepth = 64

    enum PathComponent {
        /// An object before its first key.
        case objectStart
        /// The current key of an object.
        case key(String)
        /// The current key of an object as it lies in ``bytes`` (ASCII, no escapes): made into a
        /// string only for an error message.
        case keyBytes(Range<Int>)
        case index(Int)
    }

    /// A reader at the start of its own copy of `bytes`; a UTF-8 byte order mark there is skipped
    /// (RFC 8259 §8.1 lets a parser ignore it, and editors on some systems write one).
    public init(_ bytes: [UInt8]) {
        let storage = JSONReaderBytes(bytes)
        self.init(borrowing: UnsafeBufferPointer(storage.buffer), storage: storage)
    }

    /// A reader of `bytes` where they lie: only for as long as they stay valid and unchanged.
    init(borrowing bytes: UnsafeBufferPointer<UInt8>, storage: JSONReaderBytes? = nil) {
        self.bytes = bytes
        self.storage = storage
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
    }

    /// A reader of `bytes` inside the array that is the value of the top-level key at `key`, at
    /// the comma at `offset` that follows its element number `element - 1`: where a reader from the
    /// start stands once it has read that element. The second reader of a document read in two
    /// parts (``Session/splitReading(_:startThread:)``) starts here.
    init(borrowing bytes: UnsafeBufferPointer<UInt8>, insideArrayOfKey key: Range<Int>, at offset: Int, afterElement element: Int) {
        self.init(borrowing: bytes)
        index = offset
        path = [.keyBytes(key), .index(element - 1)]
        depth = 2
    }

    /// Calls `body` with a reader of `data` that reads the bytes where they lie, without a copy,
    /// and lets `release` give back the memory of those already read (see ``releaseRead()``).
    ///
    /// The reader must not be kept past `body`: the bytes it reads are `data`'s.
    public static func reading<Result, Failure: Error>(_ data: Data, releasing release: (any ReadBytesRelease)? = nil,
                                                       _ body: (inout JSONReader) throws(Failure) -> Result) throws(Failure) -> Result {
        let outcome = data.withUnsafeBytes { raw -> Swift.Result<Result, Failure> in
            var reader = JSONReader(borrowing: raw.bindMemory(to: UInt8.self))
            reader.release = release
            do throws(Failure) { return .success(try body(&reader)) } catch { return .failure(error) }
        }
        return try outcome.get()
    }

    /// Calls `body` with a reader of `bytes` that reads them where they lie, without a copy.
    ///
    /// The reader must not be kept past `body`: the bytes it reads are `bytes`'s.
    public static func reading<Result>(_ bytes: [UInt8], _ body: (inout JSONReader) throws(JSONReadError) -> Result) throws(JSONReadError) -> Result {
        let outcome = bytes.withUnsafeBufferPointer { buffer -> Swift.Result<Result, JSONReadError> in
            var reader = JSONReader(borrowing: buffer)
            do throws(JSONReadError) { return .success(try body(&reader)) } catch { return .failure(error) }
        }
        return try outcome.get()
    }

    // MARK: - Errors

    /// Gives back the memory of the bytes read so far, every ``ReadBytesRelease/releaseStep`` bytes, when the
    /// reader was given a ``ReadBytesRelease``. Called only where nothing before the current
    /// position is read again: after a whole record of a session's arrays.
    mutating func releaseRead() {
        guard let release, index - releasedUpTo >= release.releaseStep else { return }
        release.release(upTo: index)
        releasedUpTo = index
    }

    /// An error at the current position, with the path and line:column.
    public func error(_ problem: String) -> JSONReadError {
        // Lines are counted from the start, and a key of the path may lie in what was released.
        if releasedUpTo > 0 { release?.restore() }
        var line = 1, column = 1
        var i = 0
        let end = min(index, bytes.count)
        while i < end {
            if bytes[i] == 0x0A { line += 1; column = 1 } else if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return JSONReadError(path: pathText, line: line, column: column, problem: problem)
    }

    var pathText: String {
        var text = ""
        for component in path {
            switch component {
            case .key(let key): text += text.isEmpty ? key : "." + key
            case .keyBytes(let range):
                let key = String(decoding: bytes[range], as: UTF8.self)
                text += text.isEmpty ? key : "." + key
            case .objectStart: break
            case .index(let i): text += "[\(i)]"
            }
        }
        return text
    }

    // MARK: - Structure

    /// Passes over white space. The indentation after a line end is passed eight bytes at a
    /// time: a quarter of a session document as ClaimDesk writes it is spaces, six on average
    /// after each of its line ends. Inlined with ``peek()``: called before nearly every token,
    /// the call cost more than the bytes (0.8 million of 54 million instructions to decode
    /// 1,000 annotations, both together).
    @inline(__always)
    mutating func skipWhitespace() {
        let buffer = bytes
        var i = index
        scan: while i < buffer.count {
            switch buffer[i] {
            case 0x0A:
                i += 1
                guard let base = buffer.baseAddress else { continue }
                while i + 8 <= buffer.count {
                    let others = ByteWord.load(base, at: i) ^ 0x2020_2020_2020_2020
                    guard others == 0 else {
                        i += others.trailingZeroBitCount / 8
                        break
                    }
                    i += 8
                }
            case 0x20, 0x0D, 0x09: i += 1
            default: break scan
            }
        }
        index = i
    }

    /// The next significant byte, or nil at the end.
    @inline(__always)
    mutating func peek() -> UInt8? {
        skipWhitespace()
        return index < bytes.count ? bytes[index] : nil
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(JSONReadError) {
        guard let next = peek() else { throw error("unexpected end of the file (is it cut short?); expected \(what)") }
        guard next == byte else { throw error("expected \(what), found \(describe(next))") }
        index += 1
    }

    func describe(_ byte: UInt8) -> String {
        switch byte {
        case 0x22: "a string"
        case 0x7B: "an object"
        case 0x5B: "an array"
        case 0x74, 0x66: "true or false"
        case 0x6E: "null"
        case 0x2D, 0x30...0x39: "a number"
        case 0x7D: "the end of an object"
        case 0x5D: "the end of an array"
        case 0x80...: "a non-ASCII character outside a string"
        default: "the character \(Character(Unicode.Scalar(byte)).debugDescription)"
        }
    }

    private mutating func enter() throws(JSONReadError) {
        depth += 1
        if depth > Self.maximumDepth { throw error("nested more than \(Self.maximumDepth) levels deep") }
    }

    public mutating func beginObject() throws(JSONReadError) {
        try expect(0x7B, "an object")
        try enter()
        path.append(.objectStart)
    }

    /// The next key of the current object, or nil when the object ends.
    public mutating func nextKey() throws(JSONReadError) -> String? {
        guard try toNextKey() else { return nil }
        return try nextKeyText()
    }

    /// What ``nextKey(in:from:)`` found.
    enum KeyMatch {
        /// The object ended.
        case end
        /// A key that is not in the list.
        case unknown
        /// The key at this index of the list.
        case known(Int)
    }

    /// The next key of the current object looked up in `keys` (each a key's UTF-8), starting at
    /// `guess`: the same as ``nextKey()`` followed by a search, without making a string of a key
    /// that is plain ASCII (every key a model type declares).
    mutating func nextKey(in keys: [[UInt8]], from guess: Int) throws(JSONReadError) -> KeyMatch {
        guard try toNextKey() else { return .end }
        let start = index + 1
        let buffer = bytes
        var end: Int?
        var i = start
        while i < buffer.count {
            let byte = buffer[i]
            if byte == 0x22 { end = i; break }
            if byte == 0x5C || byte < 0x20 || byte >= 0x80 { break }
            i += 1
        }
        guard let end else {
            // Escapes, other scripts or a fault: read it as any key, with the same checks and errors.
            return Self.match(Array(try nextKeyText().utf8)[...], in: keys, from: guess)
        }
        index = end + 1
        try expect(0x3A, ":")
        path[path.count - 1] = .keyBytes(start..<end)
        return Self.match(bytes[start..<end], in: keys, from: guess)
    }

    /// The rest of ``nextKey()`` once the opening quote of a key is next.
    private mutating func nextKeyText() throws(JSONReadError) -> String {
        let key = try readRawString()
        try expect(0x3A, ":")
        path[path.count - 1] = .key(key)
        return key
    }

    private static func match<Key: RandomAccessCollection<UInt8>>(_ key: Key, in keys: [[UInt8]], from guess: Int) -> KeyMatch where Key.Index == Int {
        func equal(_ candidate: [UInt8]) -> Bool {
            guard candidate.count == key.count else { return false }
            var k = key.startIndex
            for byte in candidate {
                if byte != key[k] { return false }
                k += 1
            }
            return true
        }
        var i = guess
        while i < keys.count {
            if equal(keys[i]) { return .known(i) }
            i += 1
        }
        i = 0
        while i < guess, i < keys.count {
            if equal(keys[i]) { return .known(i) }
            i += 1
        }
        return .unknown
    }

    /// Moves to the opening quote of the current object's next key; false (past the `}`) when the
    /// object ends.
    private mutating func toNextKey() throws(JSONReadError) -> Bool {
        guard let last = path.last else { throw error("internal: not in an object") }
        let first: Bool
        switch last {
        case .objectStart: first = true
        case .key, .keyBytes: first = false
        case .index: throw error("internal: not in an object")
        }
        guard let next = peek() else { throw error("unexpected end of the file (is it cut short?); expected a key or }") }
        if next == 0x7D {
            index += 1
            path.removeLast()
            depth -= 1
            return false
        }
        if !first {
            guard next == 0x2C else { throw error("expected , or } after a value, found \(describe(next))") }
            index += 1
        }
        guard peek() == 0x22 else {
            throw error(peek().map { "expected a key, found \(describe($0))" } ?? "unexpected end of the file (is it cut short?)")
        }
        return true
    }

    public mutating func beginArray() throws(JSONReadError) {
        try expect(0x5B, "an array")
        try enter()
        path.append(.index(-1))
    }

    /// Whether another element follows in the current array (false when it ends).
    public mutating func nextElement() throws(JSONReadError) -> Bool {
        guard case .index(let previous)? = path.last else { throw error("internal: not in an array") }
        guard let next = peek() else { throw error("unexpected end of the file (is it cut short?); expected a value or ]") }
        if next == 0x5D {
            index += 1
            path.removeLast()
            depth -= 1
            return false
        }
        if previous >= 0 {
            guard next == 0x2C else { throw error("expected , or ] after a value, found \(describe(next))") }
            index += 1
        }
        path[path.count - 1] = .index(previous + 1)
        return true
    }

    /// Checks that nothing but white space follows the top-level value.
    public mutating func end() throws(JSONReadError) {
        if let next = peek() { throw error("unexpected \(describe(next)) after the end of the document") }
    }

    // MARK: - Values

    public mutating func readString() throws(JSONReadError) -> String {
        guard let next = peek() else { throw error("unexpected end of the file (is it cut short?); expected a string") }
        guard next == 0x22 else { throw error("expected a string, found \(describe(next))") }
        return try readRawString()
    }

    public mutating func readStrings() throws(JSONReadError) -> [String] {
        var result: [String] = []
        try beginArray()
        while try nextElement() { result.append(try readString()) }
        return result
    }

    public mutating func readInt() throws(JSONReadError) -> Int {
        guard let next = peek() else { throw error("unexpected end of the file (is it cut short?); expected an integer") }
        guard next == 0x2D || (0x30...0x39).contains(next) else { throw error("expected an integer, found \(describe(next))") }
        let start = index
        var negative = false
        if next == 0x2D { negative = true; index += 1 }
        var value = 0
        var digits = 0
        while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(Int(bytes[index] - 0x30))
            if o1 || o2 { index = start; throw error("the number is too large") }
            value = sum
            digits += 1
            index += 1
        }
        if digits == 0 { index = start; throw error("expected an integer") }
        if digits > 1, bytes[index - digits] == 0x30 { index = start; throw error("a number with a leading zero") }
        if index < bytes.count, bytes[index] == 0x2E || bytes[index] == 0x65 || bytes[index] == 0x45 {
            index = start
            throw error("expected an integer, found a number with a fraction or exponent")
        }
        return negative ? -value : value
    }

    public mutating func readBool() throws(JSONReadError) -> Bool {
        guard let next = peek() else { throw error("unexpected end of the file (is it cut short?); expected true or false") }
        if next == 0x74, matches("true") { index += 4; return true }
        if next == 0x66, matches("false") { index += 5; return false }
        throw error("expected true or false, found \(describe(next))")
    }

    /// Whether the next value is null (and if so, consumes it).
    public mutating func readNull() -> Bool {
        guard peek() == 0x6E, matches("null") else { return false }
        index += 4
        return true
    }

    private func matches(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return word.withUTF8Buffer { buffer in
            for i in 0..<count where bytes[index + i] != buffer[i] { return false }
            return true
        }
    }

    /// Skips one value of any kind (for keys this version does not know).
    public mutating func skipValue() throws(JSONReadError) {
        guard let next = peek() else { throw error("unexpected end of the file (is it cut short?); expected a value") }
        switch next {
        case 0x22: try skipString()
        case 0x7B:
            try beginObject()
            while try nextKey() != nil { try skipValue() }
        case 0x5B:
            try beginArray()
            while try nextElement() { try skipValue() }
        case 0x74, 0x66: _ = try readBool()
        case 0x6E:
            guard readNull() else { throw error("expected null") }
        case 0x2D, 0x30...0x39:
            try skipNumber()
        default:
            throw error("expected a value, found \(describe(next))")
        }
    }

    /// Moves past a number, checking it against the JSON grammar:
    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    mutating func skipNumber() throws(JSONReadError) {
        let start = index
        func digits() -> Int {
            let first = index
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
            return index - first
        }
        if bytes[index] == 0x2D { index += 1 }
        let integerStart = index
        let integerDigits = digits()
        guard integerDigits > 0 else { index = start; throw error("a number needs a digit after its minus sign") }
        if integerDigits > 1, bytes[integerStart] == 0x30 { index = start; throw error("a number with a leading zero") }
        if index < bytes.count, bytes[index] == 0x2E {
            index += 1
            guard digits() > 0 else { index = start; throw error("a number needs a digit after its decimal point") }
        }
        if index < bytes.count, bytes[index] == 0x65 || bytes[index] == 0x45 {
            index += 1
            if index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D { index += 1 }
            guard digits() > 0 else { index = start; throw error("a number needs a digit in its exponent") }
        }
    }

    /// Moves past a string without building it, checking what reading it would check: escapes,
    /// raw control characters and UTF-8.
    private mutating func skipString() throws(JSONReadError) {
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x22:
                index += 1
                return
            case 0x5C:
                try skipEscape()
            case 0x00..<0x20:
                throw error("a raw control character inside a string; write it as an escape such as \\n")
            case 0x20..<0x80:
                index += 1
            default:
                let length = Self.validUTF8Length(bytes, at: index)
                guard length > 0 else { throw error("a string is not valid UTF-8") }
                index += length
            }
        }
        throw error("a string is not closed (is the file cut short?)")
    }

    /// Where the run of plain string bytes from `start` ends (at a quote, a backslash, a control
    /// character or the end of the buffer), and whether the run is ASCII.
    ///
    /// Sixteen bytes at a time (``ByteBlock``), and the block that holds a stop says where it is;
    /// the last few bytes of the buffer eight at a time (``ByteWord``), then one by one. Article
    /// texts are the bulk of a session document, and the byte-by-byte loop was a tenth of opening one.
    static func plainRun(in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, ascii: Bool) {
        var i = start
        var high: UInt64 = 0
        if let base = buffer.baseAddress {
            let raw = UnsafeRawPointer(base)
            var highs = SIMD16<UInt8>()
            while i + 16 <= buffer.count {
                let block = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                if let stop = ByteBlock.firstPlainRunStop(block) {
                    high = ByteBlock.orOfHalves(highs) | ByteBlock.orOfHalves(block, before: stop)
                    return (i + stop, ByteWord.isASCII(high))
                }
                highs |= block
                i += 16
            }
            high = ByteBlock.orOfHalves(highs)
            while i + 8 <= buffer.count {
                let word = ByteWord.load(raw, at: i)
                if ByteWord.below(word, 0x20) | ByteWord.equal(word, 0x22) | ByteWord.equal(word, 0x5C) != 0 { break }
                high |= word
                i += 8
            }
        }
        var ascii = ByteWord.isASCII(high)
        while i < buffer.count {
            let byte = buffer[i]
            if byte == 0x22 || byte == 0x5C || byte < 0x20 { break }
            if byte >= 0x80 { ascii = false }
            i += 1
        }
        return (i, ascii)
    }

    /// Moves past one escape (at its backslash), checking it as ``readRawString()`` does.
    private mutating func skipEscape() throws(JSONReadError) {
        index += 1
        guard index < bytes.count else { throw error("a string is not closed (is the file cut short?)") }
        let escape = bytes[index]
        index += 1
        switch escape {
        case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74: return
        case 0x75:
            let code = try readHex4()
            if (0xD800...0xDBFF).contains(code) {
                guard index + 1 < bytes.count, bytes[index] == 0x5C, bytes[index + 1] == 0x75 else {
                    throw error("an unpaired surrogate in a \\u escape")
                }
                index += 2
                guard (0xDC00...0xDFFF).contains(try readHex4()) else { throw error("an unpaired surrogate in a \\u escape") }
            } else if (0xDC00...0xDFFF).contains(code) {
                throw error("an unpaired surrogate in a \\u escape")
            }
        default:
            index -= 1
            throw error(Self.invalidEscape(escape))
        }
    }

    static func invalidEscape(_ byte: UInt8) -> String {
        let shown = (0x21...0x7E).contains(byte) ? String(Character(Unicode.Scalar(byte))) : "(byte 0x\(String(byte, radix: 16, uppercase: true)))"
        return "an invalid escape \\\(shown); a backslash takes one of \\\" \\\\ / b f n r t u"
    }

    /// The length of the well-formed UTF-8 sequence of a non-ASCII lead byte at `i`, or 0 when
    /// it is not one (a stray continuation byte, an overlong form, a surrogate, past U+10FFFF, cut short).
    static func validUTF8Length(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let lead = bytes[i]
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return 0
        }
        guard i + length <= bytes.count else { return 0 }
        guard (low...high).contains(bytes[i + 1]) else { return 0 }
        for k in 2..<length where !(0x80...0xBF).contains(bytes[i + k]) { return 0 }
        return length
    }

    /// A timestamp read straight from the bytes, without making a string of it first.
    public mutating func readTimestamp() throws(JSONReadError) -> Timestamp {
        guard peek() == 0x22 else {
            throw error(peek().map { "expected an ISO-8601 time, found \(describe($0))" } ?? "unexpected end of the file (is it cut short?)")
        }
        let start = index + 1
        var end = start
        while end < bytes.count, end - start <= 40, bytes[end] != 0x22, bytes[end] != 0x5C { end += 1 }
        if end < bytes.count, bytes[end] == 0x22, let value = Timestamp.parse(bytes[start..<end]) {
            index = end + 1
            return Timestamp(secondsSince1970: value)
        }
        let text = try readString()
        let why = Timestamp.impossibility(in: text).map { ": " + $0 } ?? ""
        throw error("expected an ISO-8601 time such as 2026-11-25T15:53:02Z, found \"\(UntrustedText.visible(text))\"\(why)")
    }

    /// A string at the current position (which is its opening quote), escapes decoded.
    private mutating func readRawString() throws(JSONReadError) -> String {
        index += 1
        let start = index
        // The common case, a string without escapes, is scanned through the raw buffer.
        let (stop, ascii) = Self.plainRun(in: bytes, from: start)
        index = stop
        guard index < bytes.count else { index = start - 1; throw error("a string is not closed (is the file cut short?)") }
        if bytes[index] < 0x20 { throw error("a raw control character inside a string; write it as an escape such as \\n") }
        if bytes[index] == 0x22 {
            // Rebased, not sliced: a slice of the buffer went through the generic paths that
            // copy byte by byte (about 6 instructions a byte of article text).
            let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
            index += 1
            if ascii { return String(decoding: slice, as: UTF8.self) }
            guard let text = String(validating: slice, as: UTF8.self) else {
                index = start
                throw error("a string is not valid UTF-8")
            }
            return text
        }
        // With escapes: collect bytes, decoding each escape and copying the runs between them whole.
        var out: [UInt8] = []
        swap(&out, &escapedBytes)
        defer { swap(&out, &escapedBytes) }
        out.removeAll(keepingCapacity: true)
        out.reserveCapacity(index - start + 64)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x22 {
                index += 1
                guard let text = String(validating: out, as: UTF8.self) else { throw error("a string is not valid UTF-8") }
                return text
            }
            if byte < 0x20 { throw error("a raw control character inside a string; write it as an escape such as \\n") }
            if byte != 0x5C {
                let run = Self.plainRun(in: bytes, from: index).end
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<run]))
                index = run
                continue
            }
            index += 1
            guard index < bytes.count else { break }
            let escape = bytes[index]
            index += 1
            switch escape {
            case 0x22: out.append(0x22)
            case 0x5C: out.append(0x5C)
            case 0x2F: out.append(0x2F)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                var code = try readHex4()
                if (0xD800...0xDBFF).contains(code) {
                    guard index + 1 < bytes.count, bytes[index] == 0x5C, bytes[index + 1] == 0x75 else {
                        throw error("an unpaired surrogate in a \\u escape")
                    }
                    index += 2
                    let low = try readHex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw error("an unpaired surrogate in a \\u escape") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(code) {
                    throw error("an unpaired surrogate in a \\u escape")
                }
                guard let scalar = Unicode.Scalar(code) else { throw error("an invalid \\u escape") }
                out.append(contentsOf: Array(String(scalar).utf8))
            default:
                index -= 1
                throw error(Self.invalidEscape(escape))
            }
        }
        throw error("a string is not closed (is the file cut short?)")
    }

    private mutating func readHex4() throws(JSONReadError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("a \\u escape is cut short") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: throw error("a \\u escape needs four hex digits")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }

    // MARK: - Required fields

    /// Throws "missing KEY" for a required field that was absent.
    public func required<T>(_ value: T?, _ key: String) throws(JSONReadError) -> T {
        guard let value else {
            let here = pathText
            return try { () throws(JSONReadError) -> T in
                throw JSONReadError(path: here.isEmpty ? key : here + "." + key, line: nil, column: nil, problem: "missing")
            }()
        }
        return value
    }
}

/// Where and why a JSON document could not be read.
public struct JSONReadError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var column: Int?
    public var problem: String

    public var description: String {
        let place = [path.isEmpty ? nil : path, line.map { "line \($0), column \(column ?? 0)" }].compactMap { $0 }
        return place.isEmpty ? problem : "at \(place.joined(separator: " (") + (place.count == 2 ? ")" : "")): \(problem)"
    }
}

/// A value that reads itself from JSON.
public protocol JSONReadable {
    init(json reader: inout JSONReader) throws(JSONReadError)
}

extension Array: JSONReadable where Element: JSONReadable {
    public init(json reader: inout JSONReader) throws(JSONReadError) {
        self.init()
        try reader.beginArray()
        while try reader.nextElement() { append(try Element(json: &reader)) }
    }
}

/// A copy of a document that a ``JSONReader`` reads, freed with the last reader that holds it.
final class JSONReaderBytes {
    let buffer: UnsafeMutableBufferPointer<UInt8>

    init(_ bytes: [UInt8]) {
        buffer = .allocate(capacity: bytes.count)
        _ = buffer.initialize(from: bytes)
    }

    deinit { buffer.deallocate() }
}

