/// Suggests attributions in an article: who says what, through whom, and the words that say so.
///
/// Pure and deterministic: the same text and directory give the same suggestions in the same
/// order, which is what lets the shell number them stably. One pass of rules over each paragraph
/// (`ParagraphAttributions`), then one pass over the whole article in reading order that resolves
/// pronouns and short names to earlier sources (`ClaimantResolver`), joins chains ("The Times
/// reported that officials said …" → officials via The Times) and drops overlapping candidates,
/// keeping the more confident one. `docs/suggestions.md` describes every rule.
public struct AttributionSuggester: Sendable {
    public var directory: SourceDirectory

    public init(directory: SourceDirectory = SourceDirectory()) {
        self.directory = directory
    }

    /// Suggestions for a text, segmented as the shell does.
    public func suggestions(in string: String) -> [AttributionSuggestion] {
        suggestions(in: ArticleText(string))
    }

    /// Suggestions in reading order of their content.
    public func suggestions(in text: ArticleText) -> [AttributionSuggestion] {
        var drafts: [AttributionDraft] = []
        let sentences = text.segmentation.sentences
        var s = 0
        for (index, paragraph) in text.segmentation.paragraphs.enumerated() {
            var ranges: [Range<Int>] = []
            while s < sentences.count, sentences[s].paragraph < index { s += 1 }
            var t = s
            while t < sentences.count, sentences[t].paragraph == index {
                ranges.append(sentences[t].range)
                t += 1
            }
            s = t
            var rules = ParagraphAttributions(scalars: text.scalars, paragraph: paragraph, sentenceRanges: ranges,
                                              isFirstParagraph: index == 0)
            drafts += rules.run()
        }
        drafts.sort { a, b in
            let x = a.hull, y = b.hull
            return x.lowerBound != y.lowerBound ? x.lowerBound < y.lowerBound : x.upperBound < y.upperBound
        }
        var resolver = ClaimantResolver(directory: directory)
        for index in drafts.indices { resolver.resolve(&drafts[index]) }
        drafts.removeAll { $0.isMentionOnly }
        drafts = Self.joinChains(drafts)
        drafts = Self.dropOverlaps(drafts)
        return drafts.map(Self.finish)
    }

    /// "The Times reported that officials said X": the inner attribution keeps the content and
    /// gains the outer claimant as its first relay; the outer one goes.
    static func joinChains(_ drafts: [AttributionDraft]) -> [AttributionDraft] {
        var result = drafts
        var removed = Set<Int>()
        for (o, outer) in drafts.enumerated() where outer.content.count == 1 && outer.source != nil {
            let hull = outer.hull
            // Drafts are in reading order, so only those starting inside this one can be inside it.
            var n = o + 1
            while n < drafts.count, drafts[n].hull.lowerBound < hull.upperBound {
                let inner = drafts[n]
                n += 1
                guard !removed.contains(n - 1), inner.isPlainReport else { continue }
                guard let source = inner.source, let cue = inner.cue?.first, hull.contains(source.lowerBound),
                      hull.contains(cue.lowerBound), inner.hull.upperBound <= hull.upperBound + 2,
                      min(source.lowerBound, cue.lowerBound) - hull.lowerBound <= 3 else { continue }
                var chained = result[n - 1]
                let outerLinks = (outer.claimant.map { [($0, outer.source ?? 0..<0)] } ?? []) + outer.via.map { ($0.text, $0.span) }
                for link in outerLinks where !chained.via.contains(where: { $0.text == link.0 }) && chained.claimant != link.0 {
                    chained.via.append((link.0, link.1))
                }
                chained.confidence = min(chained.confidence, outer.confidence) + 0.02
                chained.rule = "chain"
                result[n - 1] = chained
                removed.insert(o)
                break
            }
        }
        return result.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
    }

    /// Of two candidates whose content overlaps by half or more, keeps the more confident one.
    static func dropOverlaps(_ drafts: [AttributionDraft]) -> [AttributionDraft] {
        var kept: [AttributionDraft] = []
        for draft in drafts {
            // Only the last few kept ones can overlap: drafts are in reading order.
            let recent = kept.indices.suffix(12)
            if let index = recent.last(where: { SpanOverlap.jaccard(kept[$0].content, draft.content) >= 0.5
                || SpanOverlap.covered(draft.content, by: kept[$0].content) >= 0.9 && draft.source == nil }) {
                if Self.effectiveConfidence(draft) > Self.effectiveConfidence(kept[index]) { kept[index] = draft }
            } else {
                kept.append(draft)
            }
        }
        return kept
    }

    static func effectiveConfidence(_ draft: AttributionDraft) -> Double {
        draft.confidence * (draft.weakCue ? 0.8 : 1)
    }

    static func finish(_ draft: AttributionDraft) -> AttributionSuggestion {
        var confidence = draft.confidence
        if draft.weakCue { confidence *= 0.8 }
        if draft.claimant == nil { confidence -= 0.2 }
        confidence = (min(0.99, max(0.05, confidence)) * 100).rounded() / 100
        return AttributionSuggestion(content: draft.content, source: draft.source.map { [$0] }, cue: draft.cue,
                                     claimant: draft.claimant, via: draft.via.map(\.text), viaSpans: draft.via.map(\.span),
                                     confidence: confidence, rule: draft.rule)
    }
}
