/// Where a text's code points start in its UTF-8: what turns an anchor's code-point offsets into
/// places in the text's bytes, where a quote is compared or shared (``ArticleQuoteTexts``,
/// ``SessionIntegrity``) without decoding the text into code points.
///
/// Keeps where every ``stride``th code point starts, a quarter of a byte per code point (the code
/// points themselves take four), and walks fewer than ``stride`` lead bytes from the mark before
/// the one sought. A text all in ASCII needs no table: a code point's offset is its UTF-8 offset.
struct CodePointOffsets: Sendable {
    static let stride = 32

    /// The number of code points in the text.
    let count: Int
    /// The UTF-8 offset of every ``stride``th code point, and of the end when `count` is a
    /// multiple of the stride: `count / stride + 1` offsets; empty for ASCII.
    private let marks: [Int]

    /// The table of `text`, counting its code points in the same pass.
    init(_ text: String) {
        var text = text
        (count, marks) = text.withUTF8 { utf8 in
            Self.isASCII(utf8) ? (utf8.count, []) : Self.countAndMarks(in: utf8)
        }
    }

    /// The UTF-8 offset in `utf8` where the code point at `index` starts (the end for `count`); nil
    /// outside the text. `utf8` must be the bytes of the text the table was made from: they are
    /// read without bounds checks from the marks on.
    func utf8Offset(ofCodePoint index: Int, in utf8: UnsafeBufferPointer<UInt8>) -> Int? {
        guard index >= 0, index <= count else { return nil }
        if marks.isEmpty { return index }
        let mark = index / Self.stride
        var offset = marks[mark]
        for _ in mark * Self.stride..<index { offset += ByteWord.width(lead: utf8[offset]) }
        return offset
    }

    /// Where the code points `range` lie in `utf8` (the text's bytes); nil when it is outside the text.
    func utf8Range(ofCodePoints range: Range<Int>, in utf8: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        guard let start = utf8Offset(ofCodePoint: range.lowerBound, in: utf8),
              let end = utf8Offset(ofCodePoint: range.upperBound, in: utf8) else { return nil }
        return start..<end
    }

    /// Whether every byte of `utf8` is ASCII, eight at a time; a text that is not usually says so early.
    private static func isASCII(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = utf8.baseAddress else { return true }
        var i = 0
        while i + 8 <= utf8.count {
            guard ByteWord.isASCII(ByteWord.load(base, at: i)) else { return false }
            i += 8
        }
        while i < utf8.count {
            guard utf8[i] < 0x80 else { return false }
            i += 1
        }
        return true
    }

    /// The number of code points of `utf8` and its marks, eight bytes at a time: the code points
    /// starting in a word are counted at once, and when a mark falls among them (at most one,
    /// the stride being longer than a word) it is the lead byte found by dropping the leads
    /// before it from the word's mask. Stepping byte by byte up to each mark after a pass that
    /// counted the code points, the two took 19 instructions a byte, the most of any step of
    /// opening a session of 1,000 annotations.
    private static func countAndMarks(in utf8: UnsafeBufferPointer<UInt8>) -> (Int, [Int]) {
        var table: [Int] = []
        table.reserveCapacity(utf8.count / stride + 2)
        table.append(0)
        guard let base = utf8.baseAddress else { return (0, table) }
        // `starts` code points start before `i`; the next mark is code point `next`.
        var next = stride, starts = 0, i = 0
        let end = utf8.count
        while i + 8 <= end {
            let leads = ByteWord.leads(ByteWord.load(base, at: i))
            let found = leads.nonzeroBitCount
            if starts + found > next {
                var mark = leads
                for _ in 0..<(next - starts) { mark &= mark &- 1 }
                table.append(i + mark.trailingZeroBitCount / 8)
                next += stride
            }
            starts += found
            i += 8
        }
        while i < end {
            if utf8[i] & 0xC0 != 0x80 {
                if starts == next {
                    table.append(i)
                    next += stride
                }
                starts += 1
            }
            i += 1
        }
        if starts == next { table.append(end) }
        return (starts, table)
    }
}
