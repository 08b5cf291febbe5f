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
        var out = LineOutputBuffer(capacity: max(1, chunkBytes) + 4096)
        defer { out.deallocate() }
        try text.withUTF8 { utf8 in
            try appendLines(segmentation.sentences, utf8: utf8, numbering: .start, as: format, to: &out,
                            chunkBytes: chunkBytes, emit: emit)
        }
        if out.count > 0 { try emit(out.bytes) }
    }

    /// Segments `text` and writes its sentences as ``write(_:of:as:chunkBytes:emit:)`` writes
    /// `segmenter.segment(text)`, the same bytes, but a block of the text at a time
    /// (``SentenceSegmenter/forEachBlock(utf8:blockBytes:_:)``): the sentences of the whole text are never
    /// held at once, and each block is written while its bytes are still in the processor's cache.
    public static func write(sentencesOf text: String, segmenter: SentenceSegmenter, as format: Format,
                             chunkBytes: Int = 1 << 16, emit: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        try write(sentencesOf: text, segmenter: segmenter, blockBytes: SentenceSegmenter.blockBytes, as: format,
                  chunkBytes: chunkBytes, emit: emit)
    }

    static func write(sentencesOf text: String, segmenter: SentenceSegmenter, blockBytes: Int, as format: Format,
                      chunkBytes: Int, emit: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        var text = text
        var out = LineOutputBuffer(capacity: max(1, chunkBytes) + 4096)
        defer { out.deallocate() }
        try text.withUTF8 { utf8 in
            try segmenter.forEachBlock(utf8: utf8, blockBytes: blockBytes) { block in
                let numbering = Numbering(sentence: block.sentenceBase, paragraph: block.paragraphBase,
                                          codePoint: block.codePointBase)
                try appendLines(block.segmentation.sentences, utf8: block.utf8, numbering: numbering, as: format,
                                to: &out, chunkBytes: chunkBytes, emit: emit)
            }
        }
        if out.count > 0 { try emit(out.bytes) }
    }

    /// What to add to a block's own sentence, paragraph and code-point counts to number them in the whole text.
    struct Numbering {
        var sentence: Int
        var paragraph: Int
        var codePoint: Int
        static let start = Numbering(sentence: 0, paragraph: 0, codePoint: 0)
    }

    /// Appends the lines of `sentences` (spans into `utf8`), handing over the buffer whenever it
    /// holds `chunkBytes` or more.
    private static func appendLines(_ sentences: [Segmentation.Sentence], utf8: UnsafeBufferPointer<UInt8>,
                                    numbering: Numbering, as format: Format, to out: inout LineOutputBuffer,
                                    chunkBytes: Int, emit: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        var cursor = Cursor(utf8: utf8)
        for (index, sentence) in sentences.enumerated() {
            cursor.advance(to: sentence.range.lowerBound)
            switch format {
            case .jsonLines:
                appendJSONLine(sentence, number: numbering.sentence + index + 1, numbering: numbering, utf8: utf8,
                               cursor: &cursor, to: &out)
            case .text: appendTextLine(sentence, utf8: utf8, cursor: &cursor, to: &out)
            }
            if out.count >= chunkBytes {
                try emit(out.bytes)
                out.removeAll()
            }
        }
    }

    private static func collect(_ segmentation: Segmentation, of text: String, as format: Format) -> [UInt8] {
        var all: [UInt8] = []
        write(segmentation, of: text, as: format) { all.append(contentsOf: $0) }
        return all
    }

    private static func appendJSONLine(_ sentence: Segmentation.Sentence, number: Int, numbering: Numbering,
                                       utf8: UnsafeBufferPointer<UInt8>, cursor: inout Cursor,
                                       to out: inout LineOutputBuffer) {
        out.append("{\"index\":")
        out.appendDecimal(number)
        out.append(",\"paragraph\":")
        out.appendDecimal(numbering.paragraph + sentence.paragraph + 1)
        out.append(",\"start\":")
        out.appendDecimal(numbering.codePoint + sentence.range.lowerBound)
        out.append(",\"end\":")
        out.appendDecimal(numbering.codePoint + sentence.range.upperBound)
        out.append(",\"text\":\"")
        // Runs that need no escaping are copied whole (eight ASCII bytes are judged at once);
        // the rest one code point at a time.
        let end = sentence.range.upperBound
        var run = cursor.byte
        while cursor.offset < end {
            if end &- cursor.offset >= 8, isPlainInJSON(word: cursor.word()) {
                cursor.skipASCII(8)
                continue
            }
            let b = utf8[cursor.byte]
            if isPlainInJSON(b) {
                cursor.skip(b)
                continue
            }
            out.append(UnsafeBufferPointer(rebasing: utf8[run..<cursor.byte]))
            if let (value, bytes) = cursor.next() { appendJSON(value, bytes, to: &out) }
            run = cursor.byte
        }
        out.append(UnsafeBufferPointer(rebasing: utf8[run..<cursor.byte]))
        out.append("\"}\n")
    }

    private static func appendTextLine(_ sentence: Segmentation.Sentence, utf8: UnsafeBufferPointer<UInt8>,
                                       cursor: inout Cursor, to out: inout LineOutputBuffer) {
        var pendingSpace: (from: Int, breaksLine: Bool)?
        func settleSpace() {
            if let space = pendingSpace, space.breaksLine {
                out.truncate(to: space.from)
                out.append(0x20)
            }
            pendingSpace = nil
        }
        let end = sentence.range.upperBound
        var run = cursor.byte
        while cursor.offset < end {
            // Eight printable ASCII bytes, the last not a space, with no white space pending: any
            // space among them is followed by a visible character on the same line, so it stays.
            if pendingSpace == nil, end &- cursor.offset >= 8, isPlainInText(word: cursor.word()) {
                cursor.skipASCII(8)
                continue
            }
            let b = utf8[cursor.byte]
            if isPlainInText(b) {
                if pendingSpace != nil { settleSpace() }
                cursor.skip(b)
                continue
            }
            out.append(UnsafeBufferPointer(rebasing: utf8[run..<cursor.byte]))
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
        out.append(UnsafeBufferPointer(rebasing: utf8[run..<cursor.byte]))
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
            let width = ByteWord.width(lead: utf8[byte])
            let b0 = UInt32(utf8[byte])
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

        /// The next eight bytes, the first in the lowest byte; the caller knows at least eight code points remain.
        @inline(__always) func word() -> UInt64 {
            ByteWord.load(utf8.baseAddress!, at: byte)
        }

        /// Steps over `n` ASCII bytes, one code point each.
        @inline(__always) mutating func skipASCII(_ n: Int) {
            byte += n
            offset += n
        }

        /// Steps over the code point that starts with byte `b`.
        mutating func skip(_ b: UInt8) {
            byte += ByteWord.width(lead: b)
            offset += 1
        }

        /// Skips to a code-point offset at or after the current one (white space between sentences).
        mutating func advance(to target: Int) {
            while offset < target {
                byte += ByteWord.width(lead: utf8[byte])
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

    /// Whether all eight bytes of `w` are printable ASCII JSON takes as they are (no control,
    /// DEL, `"` or a backslash): each test leaves the top bit of a byte set where it fails.
    @inline(__always) static func isPlainInJSON(word w: UInt64) -> Bool {
        let failures = w | ByteWord.below(w, 0x20) | ByteWord.equal(w, 0x7F) | ByteWord.equal(w, 0x22) | ByteWord.equal(w, 0x5C)
        return failures & ByteWord.highBits == 0
    }

    /// Whether all eight bytes of `w` are printable ASCII or spaces and the last is not a space.
    @inline(__always) static func isPlainInText(word w: UInt64) -> Bool {
        let failures = w | ByteWord.below(w, 0x20) | ByteWord.equal(w, 0x7F)
        return failures & ByteWord.highBits == 0 && w >> 56 != 0x20
    }

    /// A byte that starts a code point text output writes as it is and that is not white space:
    /// printable ASCII but space, or a lead byte that cannot begin a control, a bidi control or
    /// non-ASCII white space (C2, D8, E1, E2, E3 can), nor U+FEFF (EF can).
    static func isPlainInText(_ b: UInt8) -> Bool {
        if b < 0x80 { return b > 0x20 && b != 0x7F }
        return b >= 0xC3 && b != 0xD8 && b != 0xE1 && b != 0xE2 && b != 0xE3 && b != 0xEF
    }

    private static func appendText(_ value: UInt32, _ bytes: Range<Int>, to out: inout LineOutputBuffer) {
        // Newlines inside a sentence become a space before they are written; tab stays.
        // Zero-width characters and separators are shown too, as the shell shows them, except
        // U+200C/U+200D, which Persian and emoji need and which need their neighbours to judge.
        if (UntrustedText.isUnsafe(value: value) || (UntrustedText.isInvisible(value: value) && value != 0x200C && value != 0x200D)),
           value != 0x0A {
            out.append("\\u{")
            appendHex(value, minimumDigits: 1, uppercase: true, to: &out)
            out.append(0x7D)
        } else {
            appendBytes(value, bytes, to: &out)
        }
    }

    private static func appendJSON(_ value: UInt32, _ bytes: Range<Int>, to out: inout LineOutputBuffer) {
        switch value {
        case 0x22: out.append("\\\"")
        case 0x5C: out.append("\\\\")
        case 0x0A: out.append("\\n")
        case 0x0D: out.append("\\r")
        case 0x09: out.append("\\t")
        case 0x20..<0x7F: out.append(UInt8(value))
        default:
            if value < 0x20 || value == 0x2028 || value == 0x2029 || UntrustedText.isUnsafe(value: value) {
                out.append("\\u")
                appendHex(value, minimumDigits: 4, uppercase: false, to: &out)
            } else {
                appendBytes(value, bytes, to: &out)
            }
        }
    }

    /// The code point as UTF-8 again, `bytes` long (the cursor already decoded it).
    private static func appendBytes(_ value: UInt32, _ bytes: Range<Int>, to out: inout LineOutputBuffer) {
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

    private static func appendHex(_ value: UInt32, minimumDigits: Int, uppercase: Bool, to out: inout LineOutputBuffer) {
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
