/// What a user typed to point at text in the active article.
///
/// The grammar: `s12` · `s12-s14` · `p3` · `p3-p5` · `"exact words"` ·
/// `"words"#2` · `s12:"words"` · `"first words".."last words"` (optionally within
/// `s12:` or `p3:`) · `f2` (a hit of the last `find`), `f2+` (grown to its clause),
/// `f2++` (grown to its sentence) · `@120-180` (code points) · an annotation id.
public enum Selection: Equatable, Sendable {
    case sentences(ClosedRange<Int>)
    case paragraphs(ClosedRange<Int>)
    /// Quoted words, optionally the n-th occurrence (from 1), optionally within sentences or paragraphs.
    case quote(String, occurrence: Int?, within: Scope?)
    /// From the first words to the last, so a long quote is typed by its ends: `s5:"One group".."Baghdad"`.
    /// `occurrence` picks among the first words' occurrences, `toOccurrence` among the last words' after them.
    case fromTo(from: String, occurrence: Int?, to: String, toOccurrence: Int?, within: Scope?)
    /// A hit of the last `find` (numbered from 1), as found or grown.
    case findHit(Int, growth: FindHitGrowth)
    case codePoints(Range<Int>)
    case annotation(AnnotationID)

    /// Where a quote is searched.
    public enum Scope: Equatable, Sendable {
        case sentences(ClosedRange<Int>)
        case paragraphs(ClosedRange<Int>)
    }
}

/// How far a find hit is grown: `f2` as found, `f2+` to its clause, `f2++` to its sentence.
public enum FindHitGrowth: Int, Equatable, Sendable {
    case none = 0, clause, sentence
}
