/// Why an anchor could not be placed on the new text.
public enum OrphanReason: Hashable, Sendable, CustomStringConvertible {
    /// The anchor has no quote to look for.
    case emptyQuote
    /// Nothing in the new text comes close to the quote.
    case notFound
    /// The closest passage is too different, or its context disagrees (its score is given).
    case weakMatch(score: Double)
    /// Several passages fit equally well and nothing tells them apart.
    case ambiguous(candidates: Int)
    /// The only passages that fit were already in the old text elsewhere, beside other anchors
    /// (a repeated sentence or line): the annotated passage itself was deleted.
    case otherText

    public var description: String {
        switch self {
        case .emptyQuote: "the annotation has no quote"
        case .notFound: "the quoted text is not in the new text"
        case .weakMatch(let score): "the closest passage is too different (score \(AnchorResolution.rounded(score)))"
        case .ambiguous(let n): "\(n) passages fit equally well"
        case .otherText: "the text was deleted; the passages like it elsewhere were there before"
        }
    }
}

/// Where an anchor belongs in a new text, and how that was found.
///
/// Ranges are code-point offsets into the new text, end exclusive. Quotes are
/// compared after typographic folding (see ``FoldedText``), so a quote whose
/// apostrophes turned curly still counts as found unchanged.
public enum AnchorResolution: Hashable, Sendable {
    /// The quote is still at its old position.
    case exact(Range<Int>)
    /// The quote is found unchanged at another position.
    case moved(Range<Int>)
    /// An edited version of the quote; `score` in 0...1 weighs quote and context similarity.
    case fuzzy(Range<Int>, score: Double)
    /// The text the anchor was made on is gone or cannot be told apart.
    case orphaned(OrphanReason)

    public var range: Range<Int>? {
        switch self {
        case .exact(let r), .moved(let r), .fuzzy(let r, _): r
        case .orphaned: nil
        }
    }

    public var isOrphaned: Bool { range == nil }

    /// `exact`, `moved`, `fuzzy` or `orphaned`, as in the `claimdesk reanchor` report.
    public var how: String {
        switch self {
        case .exact: "exact"
        case .moved: "moved"
        case .fuzzy: "fuzzy"
        case .orphaned: "orphaned"
        }
    }

    /// 1 for an unchanged quote, the match score for a fuzzy one, the best
    /// rejected score for a weak match, nil when there was nothing to score.
    public var score: Double? {
        switch self {
        case .exact, .moved: 1
        case .fuzzy(_, let s): s
        case .orphaned(.weakMatch(let s)): s
        case .orphaned: nil
        }
    }

    static func rounded(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
}
