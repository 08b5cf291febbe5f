/// Words for records that the shell and every exporter show the same way.
extension Session {
    /// A source's name, or its id when it is missing from the registry.
    public func sourceName(_ id: AnnotationID) -> String { sourceTable[id]?.name ?? id.rawValue }

    /// "by American officials via The Daily Courier → The Gulf Ledger", or "" when the claim names no source.
    public func chainDescription(_ claim: Claim) -> String {
        var parts: [String] = []
        if let claimant = claim.claimant { parts.append("by " + sourceName(claimant)) }
        if !claim.via.isEmpty { parts.append("via " + claim.via.map(sourceName).joined(separator: " → ")) }
        return parts.joined(separator: " ")
    }

    /// What an annotation says, for references to it: a claim's or mention's quote, a proposition's
    /// text, a stance as "HOLDER LABEL TARGET"; nil for anything else.
    ///
    /// Found by one binary search in the records of the id's kind (``record(_:)``), not through
    /// ``claims`` and the other records by id: an export asks this for every stance, and the first
    /// call made a dictionary of every claim and mention (68 MB at 100,000 annotations, a third of
    /// the CSV export's memory).
    public func summary(of id: AnnotationID) -> String? {
        switch record(id) {
        case .claim(let claim): claim.spanText
        case .mention(let mention): mention.spanText
        case .proposition(let proposition): proposition.text
        case .stance(let stance): "\(sourceName(stance.holder)) \(stance.label) \(stance.target)"
        default: nil
        }
    }

    // Every record of a kind, in id order: kept in order as changes apply, so asking is free.
    public var orderedClaims: [Claim] { claimTable.ordered }
    public var orderedMentions: [Mention] { mentionTable.ordered }
    public var orderedStances: [Stance] { stanceTable.ordered }
    public var orderedRelations: [Relation] { relationTable.ordered }
    public var orderedPropositions: [Proposition] { propositionTable.ordered }
}
