/// The thresholds that decide when a candidate passage is accepted, and when
/// an anchor is orphaned instead. Placing an annotation on the wrong text is
/// worse than losing it (the analyst can `reattach` an orphan; a misplaced one
/// silently says something false), so every rule errs towards orphaning.
///
/// Similarities are in 0...1: quote similarity is `1 - edits / quote length`;
/// prefix and suffix similarity are the same for the stored context aligned
/// against the text before and after the candidate; `context` is the mean of
/// the sides the anchor has. Unrelated English text already scores about
/// 0.25 on one side (0.34 at the 90th percentile, 0.6 at the 99th), so
/// "context agrees" starts well above that. See docs/anchoring.md.
public enum ReanchorPolicy {
    /// Exact quotes this long (folded code points) are accepted whatever their context:
    /// a unique 32-character passage is rarely a coincidence, and a reordered paragraph loses its context.
    public static let selfEvidentQuoteLength = 32
    /// Exact quotes of this length or more need this much context ...
    public static let mediumQuoteLength = 12
    public static let mediumQuoteContext = 0.45
    /// ... and shorter ones (a name, a number) need this much.
    public static let shortQuoteContext = 0.6

    /// An edited quote is accepted when its similarity reaches the bound for its context:
    /// the better the surroundings agree, the more the quote itself may have been reworded.
    public static let fuzzyRules: [(minContext: Double, minQuote: Double, minLength: Int)] = [
        (0.75, 0.5, 1),   // both sides still fit: half the quote may be rewritten
        (0.5, 0.75, 1),   // one side fits
        (0.35, 0.85, 12), // context mostly gone: the quote must speak for itself
        (0.0, 0.9, 24),   // no context at all, or none that fits
    ]
    /// At least this share of an edited quote must survive in runs of 4 or more code points
    /// (letters that merely happen to agree come scattered): a passage mostly rewritten is
    /// not the annotated text any more, even in the right place.
    public static let minimumKept = 0.5
    /// In quote similarity, a code point inserted into the quote counts this much of an edit
    /// (a deleted or replaced one counts 1): an insertion keeps all the annotated text.
    public static let insertionWeight = 0.25
    /// The bit-parallel search looks for matches with at most this share of edits near the
    /// expected place, ...
    public static let localErrorRate = 0.4
    /// ... this share in the whole text for an anchor placed on its own, ...
    public static let globalErrorRate = 0.2
    /// ... and this share in the whole text when neighbouring anchors say where it belongs
    /// (a far match must reach `farQuote` anyway).
    public static let farErrorRate = 0.15
    /// An edited quote found this far (folded code points, or twice the quote's length if more)
    /// from where neighbouring anchors say it belongs is a look-alike unless it is close ...
    public static let farDistance = 256
    /// ... quote similarity at least this, context at least `farContext`.
    public static let farQuote = 0.85
    public static let farContext = 0.6
    /// Any candidate that far loses this much score, so an edited original where the neighbours
    /// say it is beats an unchanged copy elsewhere (a pull quote) unless the edit is large.
    public static let farPenalty = 0.1
    /// A rival within this score of the best makes the choice ambiguous ...
    public static let ambiguityMargin = 0.05
    /// ... unless the best is this many times closer to the expected position (plus `positionSlack`).
    public static let positionRatio = 4
    public static let positionSlack = 16
    /// In the second pass, an unchanged quote farther than this (or its own length) from where
    /// the neighbours say it belongs is not taken without comparing it with edited versions
    /// found there: it may be a copy (a pull quote) while the original was corrected.
    public static let shiftTolerance = 32
    /// A candidate whose start, mapped back through the anchors placed around it, lands this far
    /// from the anchor's old start is other text that was already there (see ``DisplacementMap``).
    public static let otherTextTolerance = 64
    /// Only anchors found unchanged with quotes this long (code points) or more are taken as evidence
    /// of where old text went.
    public static let evidenceQuoteLength = 16
    /// A candidate found near the expected place with this score and context ends the search
    /// (the whole text is searched otherwise).
    public static let strongScore = 0.85
    public static let strongContext = 0.75

    /// Whether a candidate may be placed at all.
    static func accepts(quoteSimilarity q: Double, context: Double?, quoteLength m: Int, exactQuote: Bool,
                        far: Bool = false) -> Bool {
        if exactQuote {
            guard let context else { return true }
            if m >= selfEvidentQuoteLength { return true }
            if m >= mediumQuoteLength { return context >= mediumQuoteContext }
            return context >= shortQuoteContext
        }
        let c = context ?? 0
        if far && (q < farQuote || c < farContext) { return false }
        for rule in fuzzyRules where c >= rule.minContext {
            return q >= rule.minQuote && m >= rule.minLength
        }
        return false
    }

    /// Whether an exact quote at its old position is accepted at once.
    /// Same position is evidence in itself, so a little less context is needed than elsewhere.
    static func acceptsAtOldPosition(context: Double?, quoteLength m: Int) -> Bool {
        guard let context else { return true }
        if m >= mediumQuoteLength { return true }
        return context >= 0.35
    }

    /// The score used to rank candidates: quote similarity counts twice, each context side once.
    static func score(quote q: Double, prefix: Double?, suffix: Double?) -> Double {
        var total = 2 * q, weight = 2.0
        if let prefix { total += prefix; weight += 1 }
        if let suffix { total += suffix; weight += 1 }
        return total / weight
    }
}
