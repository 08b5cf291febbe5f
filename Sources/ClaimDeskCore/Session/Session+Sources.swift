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
        if id.kind == .source, let source = sources[id] { return .found(source) }
        let key = Self.sourceKey(typed)
        guard !key.isEmpty else { return .none }
        let all = orderedSources

        let exact = all.filter { $0.allNames.contains { Self.sourceKey($0) == key } }
        if exact.count == 1 { return .found(exact[0]) }
        if exact.count > 1 { return .ambiguous(exact) }

        let prefixed = all.filter { $0.allNames.contains { Self.sourceKey($0).hasPrefix(key) } }
        if prefixed.count == 1 { return .found(prefixed[0]) }
        if prefixed.count > 1 { return .ambiguous(prefixed) }

        if key.count >= 3 {
            let byWord = all.filter { source in
                source.allNames.contains { name in Self.words(name).contains { $0.hasPrefix(key) } }
            }
            if byWord.count == 1 { return .found(byWord[0]) }
            if byWord.count > 1 { return .ambiguous(byWord) }
        }

        let limit = max(1, min(3, key.count / 4))
        var best: (Source, String, Int)? = nil
        for source in all {
            for name in source.allNames {
                for candidate in [Self.sourceKey(name)] + Self.words(name) where candidate.count >= 3 {
                    let d = Suggestion.distance(key, candidate)
                    if d <= limit, best == nil || d < best!.2 { best = (source, name, d) }
                }
            }
        }
        if let best { return .nearMiss(best.0, name: best.1) }
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
        users += claims.values.filter { $0.sourceChain.contains(id) }.map(\.id)
        users += mentions.values.filter { $0.source == id }.map(\.id)
        users += stances.values.filter { $0.holder == id }.map(\.id)
        return users.sorted()
    }

    /// Relations and stances that point at an annotation, which go when it goes.
    public func dependents(of id: AnnotationID) -> [AnnotationID] {
        var result: [AnnotationID] = []
        result += relations.values.filter { $0.from == id || $0.to == id }.map(\.id)
        result += stances.values.filter { $0.target == id }.map(\.id)
        return result.sorted()
    }
}
