/// What one analyst marked in one article, in the shape agreement and comparison need: spans per
/// layer with the labels that can be compared, and stances keyed by holder and target.
public struct AnalystAnnotations: Sendable {
    public struct Item: Sendable {
        public let id: AnnotationID
        public let span: TextSpan
        /// Comparable labels by name ("claim kind", "verdict", "claimant"), values folded where
        /// they name something.
        public let labels: [String: String]
    }

    public private(set) var layers: [AnnotationLayer: [Item]] = [:]
    /// Stances by "holder → target" key, with their label.
    public private(set) var stances: [String: (id: AnnotationID, label: String)] = [:]
    /// The article's length in code points.
    public let textLength: Int

    public init(session: Session, article: Article) {
        self.init(session: session, article: article, index: ComparisonIndex(session))
    }

    /// As above, with the session's annotations already grouped by article and its names folded,
    /// so that building this for every article costs one pass over the session.
    init(session: Session, article: Article, index: ComparisonIndex) {
        textLength = article.content.count
        var claims: [Item] = [], mentions: [Item] = [], evidence: [Item] = [], cues: [Item] = []
        for claim in index.claims[article.id] ?? [] where !claim.anchor.isOrphaned {
            claims.append(Item(id: claim.id, span: Self.span(claim.fragments), labels: [
                "claim kind": claim.kind,
                "verdict": claim.verdict,
                "claimant": index.sourceKey(claim.claimant),
            ]))
            if let cue = claim.cue, !cue.isOrphaned, cue.article == article.id {
                cues.append(Item(id: claim.id, span: TextSpan(cue.range), labels: [:]))
            }
        }
        for mention in index.mentions[article.id] ?? [] where !mention.anchor.isOrphaned {
            mentions.append(Item(id: mention.id, span: Self.span(mention.fragments),
                                 labels: ["mention source": index.sourceKey(mention.source)]))
        }
        for stance in index.stances[article.id] ?? [] {
            let onArticle = stance.evidence.filter { $0.article == article.id && !$0.isOrphaned }
            stances[index.stanceKey(stance)] = (stance.id, stance.label)
            for anchor in onArticle {
                evidence.append(Item(id: stance.id, span: TextSpan(anchor.range), labels: ["stance label": stance.label]))
            }
        }
        let byStart: (Item, Item) -> Bool = { ($0.span, $0.id) < ($1.span, $1.id) }
        layers[.claims] = claims.sorted(by: byStart)
        layers[.mentions] = mentions.sorted(by: byStart)
        layers[.evidence] = evidence.sorted(by: byStart)
        layers[.cues] = cues.sorted(by: byStart)
    }

    public func items(_ layer: AnnotationLayer) -> [Item] { layers[layer] ?? [] }

    /// A span in fragments as the ranges of those still found (a lost fragment covers nothing).
    static func span(_ fragments: [Anchor]) -> TextSpan {
        TextSpan(fragments.filter { !$0.isOrphaned }.map(\.range))
    }

    /// One label per code point, for token-wise agreement: 0 none, 1 claim, 2 mention, 3 cue.
    /// Where layers overlap, the narrower kind wins (a mention or a cue inside a claim is that).
    func characterLabels() -> [UInt8] {
        var labels = [UInt8](repeating: 0, count: textLength)
        for (layer, value) in [(AnnotationLayer.claims, UInt8(1)), (.cues, 3), (.mentions, 2)] {
            for item in items(layer) {
                for range in item.span.ranges {
                    let low = max(0, min(range.lowerBound, textLength)), high = max(low, min(range.upperBound, textLength))
                    for index in low..<high { labels[index] = value }
                }
            }
        }
        return labels
    }
}
