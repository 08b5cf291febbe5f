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
        segment(Array(text.unicodeScalars))
    }

    public func segment(_ scalars: [Unicode.Scalar]) -> Segmentation {
        scalars.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: UInt32.self) { segment(codePoints: $0) }
        }
    }

    func segment(codePoints t: UnsafeBufferPointer<UInt32>) -> Segmentation {
        let paragraphs = ParagraphSplitter().paragraphs(t)
        var sentences: [Segmentation.Sentence] = []
        sentences.reserveCapacity(t.count / 90 + 1)
        for (index, paragraph) in paragraphs.enumerated() {
            SentenceScanner(t: t, lower: paragraph.lowerBound, upper: paragraph.upperBound)
                .scan(paragraph: index, into: &sentences)
        }
        return Segmentation(paragraphs: paragraphs, sentences: sentences)
    }
}
