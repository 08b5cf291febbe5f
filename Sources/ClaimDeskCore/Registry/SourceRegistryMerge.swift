/// What importing a registry file does to a session's sources: which are new and which known
/// ones gain aliases, a kind or a role.
///
/// A name the session knows (by name or alias, compared as source lookup compares) is the same
/// source: it keeps its name and id, gains the aliases it lacks, and takes the file's kind only
/// when its own is the taxonomy's catch-all (`other`), and the file's role only when it has none.
/// Nothing is ever removed, so importing twice changes nothing the second time.
public struct SourceRegistryMerge: Sendable {
    public var added: [Source] = []
    /// Known sources as they were and as they become.
    public var updated: [(before: Source, after: Source)] = []
    /// Kinds the file uses that the taxonomy does not know (those sources take the catch-all kind).
    public var unknownKinds: [String] = []

    public init(_ file: SourceRegistryFile, into session: Session, author: String, time: Timestamp) {
        let taxonomy = session.taxonomy
        let fallback = taxonomy.fallbackLabel(.sourceKind)
        var known = session.orderedSources
        var changed: [AnnotationID: Source] = [:]
        let ids = session.nextIDs(.source, count: file.entries.count)
        var nextID = ids.makeIterator()
        for entry in file.entries {
            let names = ([entry.name] + entry.aliases).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            var kind = taxonomy.canonical(entry.kind, in: .sourceKind)
            if kind == nil, !unknownKinds.contains(entry.kind) { unknownKinds.append(entry.kind) }
            let role = entry.role.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
            if let index = known.firstIndex(where: { source in
                source.allNames.contains { have in names.contains { Session.sameSourceName(have, $0) } }
            }) {
                var source = known[index]
                // An alias that already names another source would make lookup ambiguous: it is left out.
                for name in names where !known.contains(where: { $0.allNames.contains { Session.sameSourceName($0, name) } }) {
                    source.aliases.append(name)
                }
                if source.kind == fallback, let better = kind, better != fallback { source.kind = better }
                if source.role == nil { source.role = role }
                known[index] = source
                changed[source.id] = source
            } else if let id = nextID.next(), let name = names.first {
                let source = Source(id: id, name: name, kind: kind ?? fallback, aliases: Array(names.dropFirst()),
                                    role: role, author: author, created: time)
                known.append(source)
                added.append(source)
            }
        }
        let addedIDs = Set(added.map(\.id))
        for (id, after) in changed.sorted(by: { $0.key < $1.key }) where !addedIDs.contains(id) {
            guard let before = session.sources[id], before != after else { continue }
            updated.append((before, after))
        }
        // A source added from the file and then named again by a later entry is added in its final form.
        added = added.map { source in changed[source.id] ?? source }
    }

    /// The edits that apply the import, for one change.
    public var edits: [Change.Edit] {
        added.map { Change.Edit(before: nil, after: .source($0)) }
            + updated.map { Change.Edit(before: .source($0.before), after: .source($0.after)) }
    }
}
