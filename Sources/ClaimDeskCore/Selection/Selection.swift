/// What a user typed to point at text in the active article.
///
/// The grammar: `s12` · `s12-s14` · `p3` · `p3-p5` · `"exact words"` ·
/// `"words"#2` · `s12:"words"` · `@120-180` (code points) · an annotation id.
public enum Selection: Equatable, Sendable {
    case sentences(ClosedRange<Int>)
    case paragraphs(ClosedRange<Int>)
    /// Quoted words, optionally the n-th occurrence (from 1), optionally within sentences or paragraphs.
    case quote(String, occurrence: Int?, within: Scope?)
    case codePoints(Range<Int>)
    case annotation(AnnotationID)

    /// Where a quote is searched.
    public enum Scope: Equatable, Sendable {
        case sentences(ClosedRange<Int>)
        case paragraphs(ClosedRange<Int>)
    }
}
