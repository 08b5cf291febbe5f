extension SessionMerge {
    /// What the merge did, for the person who ran it: counts first, then each source joined.
    public func textLines(output: String) -> [String] {
        let conflicts = session.orderedConflicts
        let onlyInSome = conflicts.filter { $0.disagreements.contains(MergeDisagreement.onlyInSome) }.count
        var lines = ["Merged \(Plural.count(inputs.count, "session")) (\(inputs.joined(separator: ", "))) into \(output): "
                     + session.contentsSummary]
        var articles = "articles: \(sharedArticles) in every session"
        if partialArticles > 0 { articles += ", \(partialArticles) in only some" }
        lines.append("  " + articles)
        var counts = "annotations: \(agreed) agreed, \(Plural.count(conflicts.count, "conflict"))"
        if !conflicts.isEmpty { counts += " (\(onlyInSome) only in some, \(conflicts.count - onlyInSome) with different labels or spans)" }
        lines.append("  " + counts)
        if joinedSources.isEmpty {
            lines.append("  sources joined: none")
        } else {
            lines.append("  sources joined by name or alias (\(joinedSources.count)):")
            for join in joinedSources {
                var line = "    \(join.session) \(join.id) “\(join.name)” → \(join.into) “\(join.intoName)”"
                if !Session.sameSourceName(join.name, join.intoName) { line += " (shared name “\(join.sharedName)”)" }
                if let kind = join.otherKind, let kept = session.sources[join.into]?.kind {
                    line += "; kinds differ: kept \(kept), not \(kind)"
                }
                lines.append(line)
            }
        }
        if !conflicts.isEmpty {
            lines.append("Open it and type curate to settle the conflicts (claimdesk \(output)).")
        }
        return lines
    }
}
