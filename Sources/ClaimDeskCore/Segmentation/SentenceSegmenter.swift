/// Splits an article into paragraphs and sentences, as code-point spans.
///
/// Analysts point at text by sentence number, so a wrong boundary is a wrong
/// annotation. The rules are written for English newswire (titles, ranks,
/// initials, "U.S.", "a.m.", quotes after full stops, lists, datelines and
/// headlines) and, where they cannot decide, keep a name whole rather than
/// split it. `ParagraphSplitter` finds the paragraphs and `SentenceScanner`
/// the sentences inside each; `docs/segmentation.md` lists every rule.
///
/// The work is one pass over the code points as `UInt32`, with no regular
/// expressions and no allocation per character, so it runs at tens of MB/s.
public struct SentenceSegmenter: Sendable {
    /// The language whose rules apply everywhere, or nil to let each paragraph's script decide
    /// (Arabic-script rules where Arabic, Persian or Urdu is written; see `docs/segmentation.md`).
    public var language: ScriptLanguage?

    public init(language: ScriptLanguage? = nil) {
        self.language = language
    }

    public func segment(_ text: String) -> Segmentation {
        var text = text
        return text.withUTF8 { segment(utf8: $0, blockBytes: Self.blockBytes) }
    }

    /// Large texts are decoded and segmented a block at a time, cut only at blank lines, so each
    /// block is split while its code points are still in the processor's cache.
    static let blockBytes = 256 * 1024

    /// Segments UTF-8 text (already valid) in blocks of about `blockBytes`, cut after blank lines.
    ///
    /// A blank line ends a paragraph whatever surrounds it and no rule looks across a
    /// paragraph, so cutting there gives exactly the segmentation of the whole text.
    func segment(utf8: UnsafeBufferPointer<UInt8>, blockBytes: Int) -> Segmentation {
        var paragraphs: [Range<Int>] = []
        var sentences: [Segmentation.Sentence] = []
        paragraphs.reserveCapacity(utf8.count / 400 + 1)
        sentences.reserveCapacity(utf8.count / 32 + 1)
        forEachBlock(utf8: utf8, blockBytes: blockBytes) { block in
            let codePointBase = block.codePointBase, paragraphBase = block.paragraphBase
            for range in block.segmentation.paragraphs {
                paragraphs.append((range.lowerBound + codePointBase)..<(range.upperBound + codePointBase))
            }
            for sentence in block.segmentation.sentences {
                sentences.append(Segmentation.Sentence(
                    range: (sentence.range.lowerBound + codePointBase)..<(sentence.range.upperBound + codePointBase),
                    paragraph: sentence.paragraph + paragraphBase))
            }
        }
        return Segmentation(paragraphs: paragraphs, sentences: sentences)
    }

    /// The segmentation of the UTF-8 text `utf8` a block of about `blockBytes` at a time, for a
    /// caller that uses each block and lets it go (``SentenceListWriter`` writes it out): memory
    /// stays that of one block, not of every sentence of the text. Joined with their bases, the
    /// blocks give exactly ``segment(_:)-(String)``.
    func forEachBlock(utf8: UnsafeBufferPointer<UInt8>, blockBytes: Int,
                      _ body: (SegmentedBlock) throws -> Void) rethrows {
        // One code-point buffer for every block (grown if a block without blank lines is longer),
        // and the block's sentences in one reused array: no allocation per block.
        var capacity = 0
        var codePoints = UnsafeMutableBufferPointer<UInt32>(start: nil, count: 0)
        defer { codePoints.deallocate() }
        var part = Segmentation(paragraphs: [], sentences: [])
        var codePointBase = 0, paragraphBase = 0, sentenceBase = 0
        var blockStart = 0
        repeat {
            let blockEnd = utf8.count <= blockBytes ? utf8.count : Self.blockEnd(utf8, from: blockStart, atLeast: blockBytes)
            let bytes = UnsafeBufferPointer(rebasing: utf8[blockStart..<blockEnd])
            if bytes.count > capacity {
                codePoints.deallocate()
                capacity = max(bytes.count, min(utf8.count, blockBytes * 2))
                codePoints = .allocate(capacity: capacity)
            }
            let count = Self.decode(bytes, into: codePoints)
            segment(codePoints: UnsafeBufferPointer(rebasing: codePoints[0..<count]), into: &part)
            try body(SegmentedBlock(utf8: bytes, segmentation: part, codePointBase: codePointBase,
                                    paragraphBase: paragraphBase, sentenceBase: sentenceBase))
            codePointBase += count
            paragraphBase += part.paragraphs.count
            sentenceBase += part.sentences.count
            blockStart = blockEnd
        } while blockStart < utf8.count
    }

    /// Where the block starting at `start` ends: just after the first blank line (a line of ASCII
    /// spaces and tabs) once `atLeast` bytes are in, or at the end of the text.
    static func blockEnd(_ utf8: UnsafeBufferPointer<UInt8>, from start: Int, atLeast: Int) -> Int {
        var i = start + atLeast
        while i < utf8.count {
            if utf8[i] == 0x0A {
                var j = i + 1
                while j < utf8.count && (utf8[j] == 0x20 || utf8[j] == 0x09) { j += 1 }
                if j < utf8.count && utf8[j] == 0x0A { return j + 1 }
                i = j
            } else {
                i += 1
            }
        }
        return utf8.count
    }

    public func segment(_ scalars: [Unicode.Scalar]) -> Segmentation {
        scalars.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: UInt32.self) { segment(codePoints: $0) }
        }
    }

    /// Decodes valid UTF-8 into `out` (room for every code point of `utf8`: `utf8.count` is always enough), returning how many it wrote.
    ///
    /// Eight ASCII bytes at a time where a word of them has no high bit: most news text is runs
    /// of ASCII, and this decoding is done for every article of a session as it opens.
    static func decode(_ utf8: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt32>) -> Int {
        var i = 0, n = 0
        let end = utf8.count
        guard let base = utf8.baseAddress else { return 0 }
        while i < end {
            if i + 8 <= end {
                let word = ByteWord.load(base, at: i)
                if ByteWord.isASCII(word) {
                    for k in 0..<8 { out[n + k] = UInt32(truncatingIfNeeded: word >> (8 * UInt64(k))) & 0xFF }
                    i += 8
                    n += 8
                    continue
                }
            }
            let b0 = UInt32(utf8[i])
            if b0 < 0x80 {
                out[n] = b0
                i += 1
            } else if b0 < 0xE0 {
                out[n] = (b0 & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F)
                i += 2
            } else if b0 < 0xF0 {
                out[n] = (b0 & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
                i += 3
            } else {
                out[n] = (b0 & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12 | UInt32(utf8[i + 2] & 0x3F) << 6
                    | UInt32(utf8[i + 3] & 0x3F)
                i += 4
            }
            n += 1
        }
        return n
    }

    func segment(codePoints t: UnsafeBufferPointer<UInt32>) -> Segmentation {
        var result = Segmentation(paragraphs: [], sentences: [])
        segment(codePoints: t, into: &result)
        return result
    }

    /// Replaces `result` with the segmentation of `t`, reusing its arrays' storage.
    func segment(codePoints t: UnsafeBufferPointer<UInt32>, into result: inout Segmentation) {
        result.paragraphs = ParagraphSplitter().paragraphs(t)
        result.sentences.removeAll(keepingCapacity: true)
        result.sentences.reserveCapacity(t.count / 32 + 1)  // news sentences average well over 32 code points
        for (index, paragraph) in result.paragraphs.enumerated() {
            SentenceScanner(t: t, lower: paragraph.lowerBound, upper: paragraph.upperBound, language: language)
                .scan(paragraph: index, into: &result.sentences)
        }
    }
}

/// One block of a text's segmentation (``SentenceSegmenter/forEachBlock(utf8:blockBytes:_:)``): its UTF-8 bytes,
/// its paragraphs and sentences counted from the block's start, and what to add to make them the
/// whole text's. Valid only during the call that hands it over.
struct SegmentedBlock {
    let utf8: UnsafeBufferPointer<UInt8>
    let segmentation: Segmentation
    /// Code points, paragraphs and sentences of the text before this block.
    let codePointBase: Int
    let paragraphBase: Int
    let sentenceBase: Int
}
