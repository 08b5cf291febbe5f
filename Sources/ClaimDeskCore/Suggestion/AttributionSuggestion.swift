/// A candidate attribution found in an article: what is said, who says it, and the words that say so.
///
/// Every span counts Unicode code points of the article text as loaded, end exclusive. `content`
/// has several fragments when a quote is split by its cue ("“We will not,” he said, “be drawn in.”").
/// `source` and `cue` are nil when the text names no speaker or no reporting words (a quote that
/// continues the previous speaker, for instance); `claimant` is then the speaker carried over.
public struct AttributionSuggestion: Equatable, Sendable {
    /// What is attributed, in text order.
    public var content: [Range<Int>]
    /// The words that name the claimant here (a name, a group, a pronoun), or nil.
    public var source: [Range<Int>]?
    /// The reporting words ("said", "told reporters", "according to", "quoted … as saying"), or nil.
    public var cue: [Range<Int>]?
    /// Who makes the claim, with pronouns and short names resolved; nil when no one fits.
    public var claimant: String?
    /// Through whom the claim reaches the reader, nearest the claimant first.
    public var via: [String]
    /// Spans naming the `via` sources, for mentions when the suggestion is accepted.
    public var viaSpans: [Range<Int>]
    /// How likely an analyst is to accept the suggestion as it stands, from 0 to 1.
    public var confidence: Double
    /// The rule that fired (`docs/suggestions.md` lists them).
    public var rule: String

    public init(content: [Range<Int>], source: [Range<Int>]?, cue: [Range<Int>]?, claimant: String?, via: [String] = [],
                viaSpans: [Range<Int>] = [], confidence: Double, rule: String) {
        self.content = content
        self.source = source
        self.cue = cue
        self.claimant = claimant
        self.via = via
        self.viaSpans = viaSpans
        self.confidence = confidence
        self.rule = rule
    }

    /// From the first content fragment's start to the last one's end.
    public var contentHull: Range<Int> {
        guard let first = content.first, let last = content.last else { return 0..<0 }
        return first.lowerBound..<max(first.lowerBound, last.upperBound)
    }
}
