/// A session's annotations grouped by article, and its sources' and propositions' comparison
/// keys folded once, for the review tools that look at every article of large sessions.
struct ComparisonIndex {
    private(set) var claims: [AnnotationID: [Claim]] = [:]
    private(set) var mentions: [AnnotationID: [Mention]] = [:]
    /// Stances by each article their evidence or their target claim lies on.
    private(set) var stances: [AnnotationID: [Stance]] = [:]
    private var sourceKeys: [AnnotationID: String] = [:]
    private var targetKeys: [AnnotationID: String] = [:]

    init(_ session: Session) {
        for claim in session.claims.values { claims[claim.anchor.article, default: []].append(claim) }
        for mention in session.mentions.values { mentions[mention.anchor.article, default: []].append(mention) }
        for stance in session.stances.values {
            var articles = Set(stance.evidence.map(\.article))
            if let claim = session.claims[stance.target] { articles.insert(claim.anchor.article) }
            for article in articles { stances[article, default: []].append(stance) }
        }
        for source in session.sources.values { sourceKeys[source.id] = ComparisonKey.folded(source.name) }
        for proposition in session.propositions.values {
            targetKeys[proposition.id] = "proposition:" + ComparisonKey.folded(proposition.text)
        }
        for claim in session.claims.values { targetKeys[claim.id] = "claim:" + TextSpan(claim.anchor.range).description }
    }

    func sourceKey(_ id: AnnotationID?) -> String {
        guard let id else { return "—" }
        return sourceKeys[id] ?? id.rawValue
    }

    func stanceKey(_ stance: Stance) -> String {
        sourceKey(stance.holder) + " → " + (targetKeys[stance.target] ?? stance.target.rawValue)
    }
}
