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
    public init() {}

    public func segment(_ text: String) -> Segmentation {
        var text = text
        return text.withUTF8 { utf8 in
            Self.codePoints(utf8).withUnsafeBufferPointer { segment(codePoints: $0) }
        }
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
            SentenceScanner(t: t, lower: paragraph.lowerBound, upper: paragraph.upperBound)
                .scan(paragraph: index, into: &sentences)
        }
        return Segmentation(paragraphs: paragraphs, sentences: sentences)
    }
}
