import ClaimDeskCore
import Foundation

extension CommandContext {
    // MARK: - Sources

    /// The columns of one `sources` line: id, name, kind, then the rest.
    func sourceRow(_ source: Source) -> SourceTable.Row {
        let session = workspace.session
        var rest = StyledLine()
        if !source.aliases.isEmpty {
            rest.append("aka ")
            rest.append(isolatedList(source.aliases))
            rest.append("  ")
        }
        if let role = source.role {
            rest.append("— ")
            rest.appendIsolated(role)
            rest.append("  ")
        }
        let (claims, mentions, _) = session.useCounts(ofSource: source.id)
        rest.append("(\(count(claims, "claim")), \(count(mentions, "mention")))", .dim)
        if !source.tags.isEmpty { rest.append("  #" + source.tags.joined(separator: " #"), .dim) }
        return SourceTable.Row(id: source.id.rawValue, name: source.name, kind: source.kind, rest: rest)
    }

    /// A new source's name as the active article spells it (`O'Brien` → `O’Brien`), when it does.
    func articleSpelling(_ name: String) -> String {
        guard let article = workspace.article else { return name }
        return TypographicName.form(of: name, in: article.content)
    }

    /// The source a typed name stands for, creating it (with a notice) when it is new.
    ///
    /// - Parameter created: sources made on the spot so far in this command, to add in its change.
    func source(_ typed: String, creating created: inout [Source], notices: inout [StyledLine]) throws(ShellError) -> AnnotationID {
        let name = typed.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw ShellError("a source name is empty; give a name, an alias or an id") }
        if let made = created.first(where: { Session.sameSourceName($0.name, name) }) { return made.id }
        switch workspace.session.lookupSource(name) {
        case .found(let source):
            return source.id
        case .ambiguous(let sources):
            let names = sources.prefix(5).map { "\($0.id) \"\($0.name)\"" }.joined(separator: ", ")
            throw ShellError("\"\(name)\" could be \(names); type more of the name or the id")
        case .nearMiss(let source, let known):
            throw ShellError("no source \"\(name)\"; did you mean \"\(known)\" (\(source.id))? To add a new source anyway: source add \(name)")
        case .none:
            let session = workspace.session
            let id = session.nextIDs(.source, count: created.count + 1).last ?? session.nextID(.source)
            let kind = session.taxonomy.fallbackLabel(.sourceKind)
            let name = articleSpelling(name)
            let source = Source(id: id, name: name, kind: kind, author: workspace.analyst, created: workspace.now)
            created.append(source)
            var notice = StyledLine("new source ", .notice) + StyledLine(id.rawValue, .id) + StyledLine(" ", .notice)
            notice.appendIsolated("\"\(name)\"", .notice)
            notice.append(" (\(kind)); set its kind with set \(id) kind K", .notice)
            notices.append(notice)
            return id
        }
    }

    /// A label checked against the session's taxonomy, spelt as the taxonomy spells it.
    func label(_ value: String, _ facet: Taxonomy.Facet) throws(ShellError) -> String {
        let taxonomy = workspace.session.taxonomy
        if let canonical = taxonomy.canonical(value, in: facet) { return canonical }
        let labels = taxonomy.labels(facet)
        let hint = Suggestion.closest(to: value, in: labels).map { "did you mean \($0)? " } ?? ""
        throw ShellError("unknown \(facet.rawValue) \"\(value)\"; \(hint)choose one of: \(labels.joined(separator: ", "))")
    }

    // MARK: - Words typed as values

    /// Tags are single words; commas separate several.
    func tagWords(_ values: [String]) throws(ShellError) -> [String] {
        var tags: [String] = []
        for value in values { tags += try tagWords(value) }
        return tags
    }

    func tagWords(_ value: String) throws(ShellError) -> [String] {
        let words = value.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map { String($0).trimmingCharacters(in: .init(charactersIn: "#")) }
        guard !words.isEmpty, words.allSatisfy({ !$0.isEmpty }) else { throw ShellError("a tag is empty; tags are single words") }
        return words
    }

    func yesNo(_ value: String) throws(ShellError) -> Bool {
        switch value.lowercased() {
        case "yes", "y", "true": return true
        case "no", "n", "false": return false
        default: throw ShellError("expected yes or no, not \(value)")
        }
    }

    /// An id that must exist and be of one of these kinds.
    func existing(_ typed: String, kinds: [AnnotationKind]) throws(ShellError) -> AnnotationID {
        let id = AnnotationID(typed)
        if id.kind == nil, kinds.contains(.source), case .found(let source) = workspace.session.lookupSource(typed) {
            return source.id
        }
        guard let kind = id.kind else {
            throw ShellError("\(typed) is not an id; ids look like c1, m2, src3, pr1, st1, r1 (list shows them)")
        }
        guard kinds.contains(kind) else {
            throw ShellError("\(id) is \(IndefiniteArticle.before(kind.rawValue)); this takes \(kinds.map(\.rawValue).joined(separator: ", "))")
        }
        guard workspace.session.record(id) != nil else {
            throw ShellError("no \(kind.rawValue) \(id) in this session; list \(kind.plural) shows them")
        }
        return id
    }

    /// Applies `body` to the annotation in a record, stamping its modification time.
    func modify(_ record: Record, _ body: (inout any Annotation) throws(ShellError) -> Void) throws(ShellError) -> Record {
        guard record.annotation != nil else { throw ShellError("this cannot carry tags or notes") }
        return try record.updatingAnnotation { (item: inout any Annotation) throws(ShellError) in
            try body(&item)
            item.modified = workspace.now
        }
    }

    // MARK: - Words for output

    func sourceName(_ id: AnnotationID) -> String { workspace.session.sourceName(id) }

    /// Why a claim cannot name its claimant among its relays: a relay passes on someone else's claim.
    func ownRelay(_ claimant: AnnotationID, created: [Source], fix: String) -> ShellError {
        let name = created.first { $0.id == claimant }?.name ?? sourceName(claimant)
        return ShellError("\"\(UntrustedText.visible(name))\" is the claimant, so it cannot also relay the claim; \(fix)")
    }

    func targetText(_ id: AnnotationID) -> String {
        guard let summary = workspace.session.summary(of: id) else { return id.rawValue }
        return id.kind == .claim ? quoted(summary) : summary
    }
}

/// A quote for display: on one line, shortened in the middle when long.
extension CommandContext {
    /// "by NAME via NAME → NAME" as ``Session/chainDescription(_:)`` words it, each name isolated
    /// so a chain of Arabic and English names keeps its order.
    func chainLine(_ claim: Claim) -> StyledLine {
        let session = workspace.session
        var line = StyledLine()
        if let claimant = claim.claimant {
            line.append("by ")
            line.appendIsolated(session.sourceName(claimant))
        }
        if !claim.via.isEmpty {
            line.append(claim.claimant == nil ? "via " : " via ")
            for (index, relay) in claim.via.enumerated() {
                if index > 0 { line.append(" → ") }
                line.appendIsolated(session.sourceName(relay))
            }
        }
        return line
    }

    /// The line that answers a new claim, from `claim` or from an accepted suggestion (`from g3`):
    /// its id, chain, quote and cue.
    func newClaimLine(_ claim: Claim, from suggestion: String? = nil, quoteLimit: Int) -> StyledLine {
        var line = StyledLine(claim.id.rawValue, .id) + StyledLine((suggestion.map { " from \($0)" } ?? "") + "  claim")
        if !claim.sourceChain.isEmpty {
            line.append(" ")
            line.append(chainLine(claim))
        }
        line.append(": ")
        line.appendIsolated(quoted(claim.spanText, limit: quoteLimit), .span(.claim))
        if let cue = claim.cue {
            line.append("  cue ")
            line.appendIsolated(quoted(cue.exact, limit: 60), .span(.cue))
        }
        return line
    }
}

/// Names joined by ", ", each isolated so an Arabic alias beside a Latin one reads in its own direction.
func isolatedList(_ names: [String], _ style: TextStyle = .plain) -> StyledLine {
    var line = StyledLine()
    for (index, name) in names.enumerated() {
        if index > 0 { line.append(", ", style) }
        line.appendIsolated(name, style)
    }
    return line
}

func quoted(_ text: String, limit: Int = 100) -> String {
    let flat = oneLine(text)
    guard flat.count > limit else { return "\"\(flat)\"" }
    return "\"\(flat.prefix(limit * 2 / 3))…\(flat.suffix(limit / 3 - 1))\""
}

/// The text in quotes in at most `columns` display columns (quotes included): its start and end
/// around an ellipsis when it is longer, cut between words where one is near.
func quoted(_ text: String, columns: Int) -> String {
    let flat = TerminalSafeText.escape(oneLine(text))
    guard DisplayWidth.of(flat) + 2 > columns else { return "\"\(flat)\"" }
    let room = max(columns - 3, 6)
    let characters = Array(flat)
    var head = 0, headWidth = 0
    while head < characters.count, headWidth + DisplayWidth.of(characters[head]) <= room * 2 / 3 {
        headWidth += DisplayWidth.of(characters[head])
        head += 1
    }
    // Prefer to cut at a space within the last few columns, so the ellipsis falls between words.
    if let space = characters[max(0, head - 12)..<head].lastIndex(of: " "), space > 0 {
        headWidth -= DisplayWidth.of(String(characters[space..<head]))
        head = space
    }
    var tail = characters.count, tailWidth = 0
    while tail > head, tailWidth + DisplayWidth.of(characters[tail - 1]) <= room - headWidth {
        tailWidth += DisplayWidth.of(characters[tail - 1])
        tail -= 1
    }
    if let space = characters[tail..<min(characters.count, tail + 12)].firstIndex(of: " ") { tail = space + 1 }
    return "\"" + String(characters[..<head]) + "…" + String(characters[tail...]) + "\""
}
