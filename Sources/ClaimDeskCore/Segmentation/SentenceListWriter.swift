/// Writes an article's sentences as `claimdesk segment` prints them: one a line as text, or one
/// JSON object a line.
///
/// Article text is untrusted, so neither format lets a control character or a bidi control
/// through as it is: text shows them as the shell does (`\u{1B}`), JSON escapes every C0 and C1
/// control, DEL, bidi control and line/paragraph separator as `\u001b`. Both walk the UTF-8 of
/// the text once, sentence after sentence, into one small buffer that is handed over and reused
/// whenever it fills: no allocation per line, and memory that does not grow with the output.
public enum SentenceListWriter {
    public enum Format: Sendable {
        /// One sentence a line; white space that holds a line break (a wrapped line) becomes one space.
        case text
        /// One JSON object a line, keys in this order: `{"index":1,"paragraph":1,"start":0,"end":12,"text":"…"}`.
        case jsonLines
    }

    /// One sentence a line (see ``Format/text``), as one array.
    public static func text(_ segmentation: Segmentation, of text: String) -> [UInt8] {
        collect(segmentation, of: text, as: .text)
    }

    /// One JSON object a line (see ``Format/jsonLines``), as one array.
    public static func jsonLines(_ segmentation: Segmentation, of text: String) -> [UInt8] {
        collect(segmentation, of: text, as: .jsonLines)
    }

    /// The output in pieces of whole lines, each at least `chunkBytes` long but the last. A piece
    /// is only valid during the call to `emit`: its buffer is reused for the next one.
    public static func write(_ segmentation: Segmentation, of text: String, as format: Format, chunkBytes: Int = 1 << 16,
                             emit: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        var text = text
        try text.withUTF8 { utf8 in
            var out: [UInt8] = []
            out.reserveCapacity(max(1, chunkBytes) + 4096)
            var cursor = Cursor(utf8: utf8)
            for (index, sentence) in segmentation.sentences.enumerated() {
                cursor.advance(to: sentence.range.lowerBound)
                switch format {
                case .jsonLines: appendJSONLine(sentence, number: index + 1, utf8: utf8, cursor: &cursor, to: &out)
                case .text: appendTextLine(sentence, utf8: utf8, cursor: &cursor, to: &out)
                }
                if out.count >= chunkBytes {
                    try out.withUnsafeBufferPointer(emit)
                    out.removeAll(keepingCapacity: true)
                }
            }
            if !out.isEmpty { try out.withUnsafeBufferPointer(emit) }
        }
    }

    private static func collect(_ segmentation: Segmentation, of text: String, as format: Format) -> [UInt8] {
        var all: [UInt8] = []
        write(segmentation, of: text, as: format) { all.append(contentsOf: $0) }
        return all
    }

    private static func appendJSONLine(_ sentence: Segmentation.Sentence, number: Int, utf8: UnsafeBufferPointer<UInt8>,
                                       cursor: inout Cursor, to out: inout [UInt8]) {
        append("{\"index\":", to: &out)
        appendDecimal(number, to: &out)
        append(",\"paragraph\":", to: &out)
        appendDecimal(sentence.paragraph + 1, to: &out)
        append(",\"start\":", to: &out)
        appendDecimal(sentence.range.lowerBound, to: &out)
        append(",\"end\":", to: &out)
        appendDecimal(sentence.range.upperBound, to: &out)
        append(",\"text\":\"", to: &out)
        // Runs that need no escaping are copied whole; the rest one code point at a time.
        var run = cursor.byte
        while cursor.offset < sentence.range.upperBound {
            let b = utf8[cursor.byte]
            if isPlainInJSON(b) {
                cursor.skip(b)
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<cursor.byte]))
            if let (value, bytes) = cursor.next() { appendJSON(value, bytes, to: &out) }
            run = cursor.byte
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<cursor.byte]))
        append("\"}\n", to: &out)
    }

    private static func appendTextLine(_ sentence: Segmentation.Sentence, utf8: UnsafeBufferPointer<UInt8>,
                                       cursor: inout Cursor, to out: inout [UInt8]) {
        var pendingSpace: (from: Int, breaksLine: Bool)?
        func settleSpace() {
            if let space = pendingSpace, space.breaksLine {
                out.removeSubrange(space.from...)
                out.append(0x20)
            }
            pendingSpace = nil
        }
        var run = cursor.byte
        while cursor.offset < sentence.range.upperBound {
            let b = utf8[cursor.byte]
            if isPlainInText(b) {
                if pendingSpace != nil { settleSpace() }
                cursor.skip(b)
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<cursor.byte]))
            if let (value, bytes) = cursor.next() {
                if isWhiteSpace(value) {
                    if pendingSpace == nil { pendingSpace = (out.count, false) }
                    if breaksLine(value) { pendingSpace?.breaksLine = true }
                } else {
                    settleSpace()
                }
                appendText(value, bytes, to: &out)
            }
            run = cursor.byte
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<cursor.byte]))
        settleSpace()
        out.append(0x0A)
    }

    /// Reads code points from UTF-8 that Swift validated, counting them.
    private struct Cursor {
        let utf8: UnsafeBufferPointer<UInt8>
        var byte = 0
        var offset = 0

        init(utf8: UnsafeBufferPointer<UInt8>) { self.utf8 = utf8 }

        /// The next code point and its bytes.
        mutating func next() -> (UInt32, Range<Int>)? {
            guard byte < utf8.count else { return nil }
            let b0 = UInt32(utf8[byte])
            let width = b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4
            let value: UInt32 = switch width {
            case 1: b0
            case 2: (b0 & 0x1F) << 6 | UInt32(utf8[byte + 1] & 0x3F)
            case 3: (b0 & 0x0F) << 12 | UInt32(utf8[byte + 1] & 0x3F) << 6 | UInt32(utf8[byte + 2] & 0x3F)
            default: (b0 & 0x07) << 18 | UInt32(utf8[byte + 1] & 0x3F) << 12 | UInt32(utf8[byte + 2] & 0x3F) << 6
                | UInt32(utf8[byte + 3] & 0x3F)
            }
            defer {
                byte += width
                offset += 1
            }
            return (value, byte..<(byte + width))
        }

        /// Steps over the code point that starts with byte `b`.
        mutating func skip(_ b: UInt8) {
            byte += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
            offset += 1
        }

        /// Skips to a code-point offset at or after the current one (white space between sentences).
        mutating func advance(to target: Int) {
            while offset < target {
                let b0 = utf8[byte]
                byte += b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4
                offset += 1
            }
        }
    }

    // MARK: Escaping

    /// A byte that starts a code point JSON takes as it is: printable ASCII but `"` and `\`, or
    /// the lead byte of a sequence that cannot be a C1 control (C2), U+061C (D8) or one of
    /// U+2028, U+2029 and the bidi controls (E2).
    static func isPlainInJSON(_ b: UInt8) -> Bool {
        if b < 0x80 { return b >= 0x20 && b != 0x7F && b != 0x22 && b != 0x5C }
        return b >= 0xC3 && b != 0xD8 && b != 0xE2
    }

    /// A byte that starts a code point text output writes as it is and that is not white space:
    /// printable ASCII but space, or a lead byte that cannot begin a control, a bidi control or
    /// non-ASCII white space (C2, D8, E1, E2, E3 can), nor U+FEFF (EF can).
    static func isPlainInText(_ b: UInt8) -> Bool {
        if b < 0x80 { return b > 0x20 && b != 0x7F }
        return b >= 0xC3 && b != 0xD8 && b != 0xE1 && b != 0xE2 && b != 0xE3 && b != 0xEF
    }

    private static func appendText(_ value: UInt32, _ bytes: Range<Int>, to out: inout [UInt8]) {
        // Newlines inside a sentence become a space before they are written; tab stays.
        // Zero-width characters and separators are shown too, as the shell shows them, except
        // U+200C/U+200D, which Persian and emoji need and which need their neighbours to judge.
        if (UntrustedText.isUnsafe(value: value) || (UntrustedText.isInvisible(value: value) && value != 0x200C && value != 0x200D)),
           value != 0x0A {
            append("\\u{", to: &out)
            appendHex(value, minimumDigits: 1, uppercase: true, to: &out)
            out.append(0x7D)
        } else {
            appendBytes(value, bytes, to: &out)
        }
    }

    private static func appendJSON(_ value: UInt32, _ bytes: Range<Int>, to out: inout [UInt8]) {
        switch value {
        case 0x22: append("\\\"", to: &out)
        case 0x5C: append("\\\\", to: &out)
        case 0x0A: append("\\n", to: &out)
        case 0x0D: append("\\r", to: &out)
        case 0x09: append("\\t", to: &out)
        case 0x20..<0x7F: out.append(UInt8(value))
        default:
            if value < 0x20 || value == 0x2028 || value == 0x2029 || UntrustedText.isUnsafe(value: value) {
                append("\\u", to: &out)
                appendHex(value, minimumDigits: 4, uppercase: false, to: &out)
            } else {
                appendBytes(value, bytes, to: &out)
            }
        }
    }

    /// The code point as UTF-8 again, `bytes` long (the cursor already decoded it).
    private static func appendBytes(_ value: UInt32, _ bytes: Range<Int>, to out: inout [UInt8]) {
        switch bytes.count {
        case 1: out.append(UInt8(value))
        case 2:
            out.append(UInt8(0xC0 | value >> 6))
            out.append(UInt8(0x80 | value & 0x3F))
        case 3:
            out.append(UInt8(0xE0 | value >> 12))
            out.append(UInt8(0x80 | (value >> 6) & 0x3F))
            out.append(UInt8(0x80 | value & 0x3F))
        default:
            out.append(UInt8(0xF0 | value >> 18))
            out.append(UInt8(0x80 | (value >> 12) & 0x3F))
            out.append(UInt8(0x80 | (value >> 6) & 0x3F))
            out.append(UInt8(0x80 | value & 0x3F))
        }
    }

    private static func append(_ literal: StaticString, to out: inout [UInt8]) {
        literal.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    /// Digits into a small buffer back to front, then one append: numbers are a fifth of a line.
    private static func appendDecimal(_ number: Int, to out: inout [UInt8]) {
        var n = number.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 21) { digits in
            var at = 21
            repeat {
                at -= 1
                digits[at] = UInt8(truncatingIfNeeded: n % 10) &+ 0x30
                n /= 10
            } while n > 0
            if number < 0 {
                at -= 1
                digits[at] = 0x2D
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[at..<21]))
        }
    }

    private static func appendHex(_ value: UInt32, minimumDigits: Int, uppercase: Bool, to out: inout [UInt8]) {
        var digits = 1
        while digits < 8, value >> (4 * UInt32(digits)) != 0 { digits += 1 }
        digits = max(digits, minimumDigits)
        let letters: UInt8 = uppercase ? 0x41 : 0x61
        for i in stride(from: digits - 1, through: 0, by: -1) {
            let nibble = UInt8((value >> (4 * UInt32(i))) & 0xF)
            out.append(nibble < 10 ? 0x30 + nibble : letters + nibble - 10)
        }
    }

    // MARK: White space

    /// Unicode's White_Space property, by value (the property lookup is slow per code point).
    static func isWhiteSpace(_ v: UInt32) -> Bool {
        switch v {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    static func breaksLine(_ v: UInt32) -> Bool {
        switch v {
        case 0x0A, 0x0B, 0x0C, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }
}
