/// A suggestion while the rules are still working on it: spans found, names not yet resolved.
struct AttributionDraft: Sendable {
    var content: [Range<Int>]
    var source: Range<Int>?
    var sourceText: String?
    var cue: [Range<Int>]?
    var claimant: String?
    /// Outlets and other relays named in the same clause ("told Reuters", "quoting officials"), nearest first.
    var via: [(text: String, span: Range<Int>)] = []
    /// Whether the claimant carries over from the previous speaker (a quote with no cue of its own).
    var continuesSpeaker = false
    /// Whether a cue is a verb with other senses.
    var weakCue = false
    /// Whether the cue only reports speech or belief ("said", "told", "believe"), so an outer
    /// report of it is a relay rather than a claim about the speaking.
    var isPlainReport = false
    var confidence: Double
    var rule: String
    /// A name that opens a sentence without a cue ("Gen. Thomas E. Reyes disagreed."): not a
    /// suggestion, only someone a later "he" may refer to.
    var isMentionOnly = false

    var hull: Range<Int> {
        if isMentionOnly, let source { return source }
        guard let first = content.first, let last = content.last else { return 0..<0 }
        return first.lowerBound..<max(first.lowerBound, last.upperBound)
    }

    var contentLength: Int { content.reduce(0) { $0 + $1.count } }
}
