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
        if utf8.count <= blockBytes {
            return Self.codePoints(utf8).withUnsafeBufferPointer { segment(codePoints: $0) }
        }
        var paragraphs: [Range<Int>] = []
        var sentences: [Segmentation.Sentence] = []
        paragraphs.reserveCapacity(utf8.count / 400 + 1)
        sentences.reserveCapacity(utf8.count / 32 + 1)
        var blockStart = 0
        var codePointBase = 0
        while blockStart < utf8.count {
            let blockEnd = Self.blockEnd(utf8, from: blockStart, atLeast: blockBytes)
            let block = UnsafeBufferPointer(rebasing: utf8[blockStart..<blockEnd])
            let codePoints = Self.codePoints(block)
            let part = codePoints.withUnsafeBufferPointer { segment(codePoints: $0) }
            let paragraphBase = paragraphs.count
            for range in part.paragraphs {
                paragraphs.append((range.lowerBound + codePointBase)..<(range.upperBound + codePointBase))
            }
            for sentence in part.sentences {
                sentences.append(Segmentation.Sentence(
                    range: (sentence.range.lowerBound + codePointBase)..<(sentence.range.upperBound + codePointBase),
                    paragraph: sentence.paragraph + paragraphBase))
            }
            codePointBase += codePoints.count
            blockStart = blockEnd
        }
        return Segmentation(paragraphs: paragraphs, sentences: sentences)
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

    /// Decodes UTF-8 that Swift already validated, several times faster than collecting `unicodeScalars`.
    static func codePoints(_ utf8: UnsafeBufferPointer<UInt8>) -> [UInt32] {
        [UInt32](unsafeUninitializedCapacity: utf8.count) { out, count in
            var i = 0, n = 0
            let end = utf8.count
            while i < end {
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
            count = n
        }
    }

    func segment(codePoints t: UnsafeBufferPointer<UInt32>) -> Segmentation {
        let paragraphs = ParagraphSplitter().paragraphs(t)
        var sentences: [Segmentation.Sentence] = []
        sentences.reserveCapacity(t.count / 32 + 1)  // news sentences average well over 32 code points
        for (index, paragraph) in paragraphs.enumerated() {
            SentenceScanner(t: t, lower: paragraph.lowerBound, upper: paragraph.upperBound, language: language)
                .scan(paragraph: index, into: &sentences)
        }
        return Segmentation(paragraphs: paragraphs, sentences: sentences)
    }
}
