/// Paragraph and sentence spans over a text, in Unicode code points (end exclusive).
///
/// Paragraphs and sentences are numbered from 1 across the article when shown
/// to users (`p3`, `s12`); here they are zero-based array positions.
public struct Segmentation: Equatable, Sendable {
    /// A sentence: its code-point span and the zero-based paragraph it belongs to.
    public struct Sentence: Equatable, Sendable {
        public var range: Range<Int>
        public var paragraph: Int
    }

    public var paragraphs: [Range<Int>]
    public var sentences: [Sentence]
}
