/// How a typed source name matched the registry.
public enum SourceMatch: Equatable, Sendable {
    case found(Source)
    /// Several sources fit; the user must say which.
    case ambiguous([Source])
    /// Nothing fits, but this known name is one typo away: probably a mistake, not a new source.
    case nearMiss(Source, name: String)
    case none
}

extension Session {
    /// Finds a source by id, by name or alias (case- and quote-insensitive), by a unique
    /// prefix of a name or alias, or by a unique prefix of one of its words ("Pompeo" for
    /// "Mike Pompeo"); otherwise reports a near miss, so "Pompoe" is not taken for a new source.
    public func lookupSource(_ typed: String) -> SourceMatch {
        let id = AnnotationID(typed)
        if id.kind == .source, let source = sourceTable[id] { return .found(source) }
        let key = SourceNameIndex.key(typed)
        guard !key.isEmpty else { return .none }
        let names = index.names
        func answer(_ ids: [AnnotationID]) -> SourceMatch? {
            let found = ids.compactMap { sourceTable[$0] }
            if found.count == 1 { return .found(found[0]) }
            return found.isEmpty ? nil : .ambiguous(found)
        }
        if let match = answer(names.exact(key)) { return match }
        if let match = answer(names.prefixed(key, words: false)) { return match }
        if key.count >= 3, let match = answer(names.prefixed(key, words: true)) { return match }

        let limit = max(1, min(3, key.count / 4))
        if let near = names.nearMiss(key, limit: limit), let source = sourceTable[near.source] {
            return .nearMiss(source, name: near.name)
        }
        return .none
    }

    /// Whether two source names are the same to a reader: equal after the folding lookup uses
    /// (case, quotes, white space, Arabic-script spelling variants).
    public static func sameSourceName(_ a: String, _ b: String) -> Bool {
        sourceKey(a) == sourceKey(b)
    }

    /// Whether a typed prefix begins a source name, after the same folding (for completion).
    public static func sourceName(_ name: String, startsWith prefix: String) -> Bool {
        sourceKey(name).hasPrefix(sourceKey(prefix))
    }

    /// A name folded for comparison: lower case, typographic quotes as typed ones, single spaces,
    /// Arabic-script letters and digits as ``ArabicScriptFolding`` says.
    static func sourceKey(_ name: String) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: FoldedText.pattern(name).compactMap(Unicode.Scalar.init))
        return String(view)
    }

    static func words(_ name: String) -> [String] {
        sourceKey(name).split(separator: " ").map(String.init)
    }

    /// Ids of everything that refers to a source.
    public func uses(ofSource id: AnnotationID) -> [AnnotationID] {
        var users: [AnnotationID] = []
        users += index.claimsBySource[id] ?? []
        users += index.mentionsBySource[id] ?? []
        users += index.stancesByHolder[id] ?? []
        return users.sorted()
    }

    /// Relations and stances that point at an annotation, which go when it goes.
    public func dependents(of id: AnnotationID) -> [AnnotationID] {
        var result: [AnnotationID] = []
        result += index.relationsByEnd[id] ?? []
        result += index.stancesByTarget[id] ?? []
        return result.sorted()
    }

    /// How many claims name a source in their chain, how many mentions name it, how many stances it holds.
    ///
    /// From the index when a command has made it; otherwise counted without making it (an export
    /// asks this for every source and needs nothing else from the index).
    public func useCounts(ofSource id: AnnotationID) -> (claims: Int, mentions: Int, stances: Int) {
        if let index = indexIfBuilt {
            return (index.claimsBySource[id]?.count ?? 0, index.mentionsBySource[id]?.count ?? 0, index.stancesByHolder[id]?.count ?? 0)
        }
        let uses = sourceUses[id] ?? SourceUses()
        return (uses.claims, uses.mentions, uses.stances)
    }

    /// Stances a source holds, in id order.
    public func stances(heldBy id: AnnotationID) -> [Stance] {
        (index.stancesByHolder[id] ?? []).sorted().compactMap { stanceTable[$0] }
    }

    /// Stances whose target is an annotation, in id order.
    public func stances(targeting id: AnnotationID) -> [Stance] {
        (index.stancesByTarget[id] ?? []).sorted().compactMap { stanceTable[$0] }
    }

    /// Relations that start or end at an annotation, in id order.
    public func relations(touching id: AnnotationID) -> [Relation] {
        (index.relationsByEnd[id] ?? []).sorted().compactMap { relationTable[$0] }
    }

    /// Annotations of every kind carrying a tag (compared without case), in id order.
    public func annotations(taggedWith tag: String) -> [AnnotationID] {
        (index.tagged[SessionIndex.tagKey(tag)] ?? []).sorted()
    }
}

extension Session {
    /// Claims on exactly this (continuous) span, from the index (no scan).
    public func claims(onSpan anchor: Anchor) -> [Claim] { claims(onFragments: [anchor]) }

    /// Mentions on exactly this (continuous) span, from the index (no scan).
    public func mentions(onSpan anchor: Anchor) -> [Mention] { mentions(onFragments: [anchor]) }

    /// Claims on exactly these fragments (all of them, no more), from the index (no scan).
    public func claims(onFragments fragments: [Anchor]) -> [Claim] {
        (index.claimsBySpan[SessionIndex.SpanKey(fragments: fragments)] ?? []).sorted().compactMap { claimTable[$0] }
    }

    /// Mentions on exactly these fragments (all of them, no more), from the index (no scan).
    public func mentions(onFragments fragments: [Anchor]) -> [Mention] {
        (index.mentionsBySpan[SessionIndex.SpanKey(fragments: fragments)] ?? []).sorted().compactMap { mentionTable[$0] }
    }

    /// How far review has come: claims, mentions, stances and relations in all, and how many of
    /// them are accepted and rejected. Kept by the index as changes apply.
    public var reviewProgress: (total: Int, accepted: Int, rejected: Int) {
        let counts = index.reviewCounts
        return (counts.values.reduce(0, +), counts[.accepted] ?? 0, counts[.rejected] ?? 0)
    }
}
