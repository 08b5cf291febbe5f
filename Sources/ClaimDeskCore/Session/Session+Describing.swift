/// Words for records that the shell and every exporter show the same way.
extension Session {
    /// A source's name, or its id when it is missing from the registry.
    public func sourceName(_ id: AnnotationID) -> String { sources[id]?.name ?? id.rawValue }

    /// "by American officials via The Daily Courier → The Gulf Ledger", or "" when the claim names no source.
    public func chainDescription(_ claim: Claim) -> String {
        var parts: [String] = []
        if let claimant = claim.claimant { parts.append("by " + sourceName(claimant)) }
        if !claim.via.isEmpty { parts.append("via " + claim.via.map(sourceName).joined(separator: " → ")) }
        return parts.joined(separator: " ")
    }

    /// What an annotation says, for references to it: a claim's or mention's quote, a proposition's
    /// text, a stance as "HOLDER LABEL TARGET"; nil for anything else.
    public func summary(of id: AnnotationID) -> String? {
        if let claim = claims[id] { return claim.spanText }
        if let mention = mentions[id] { return mention.spanText }
        if let proposition = propositions[id] { return proposition.text }
        if let stance = stances[id] { return "\(sourceName(stance.holder)) \(stance.label) \(stance.target)" }
        return nil
    }

    // Every record of a kind, in id order: kept in order as changes apply, so asking is free.
    public var orderedClaims: [Claim] { claimTable.ordered }
    public var orderedMentions: [Mention] { mentionTable.ordered }
    public var orderedStances: [Stance] { stanceTable.ordered }
    public var orderedRelations: [Relation] { relationTable.ordered }
    public var orderedPropositions: [Proposition] { propositionTable.ordered }
}
