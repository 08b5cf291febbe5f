import ClaimDeskCore
import Foundation

extension Shell {
    // MARK: - Sources

    func addSource(_ a: ParsedArguments) throws(ShellError) -> [StyledLine] {
        let name = articleSpelling(try a.required(0).trimmingCharacters(in: .whitespaces))
        let session = workspace.session
        if case .found(let existing) = session.lookupSource(name),
           existing.allNames.contains(where: { Session.sameSourceName($0, name) }) {
            throw ShellError("there is already a source \"\(existing.name)\" (\(existing.id)); change it with set \(existing.id) FIELD VALUE")
        }
        let kind = try label(a.value("--kind") ?? session.taxonomy.labels(.sourceKind).last ?? session.taxonomy.fallbackLabel(.sourceKind), .sourceKind)
        let aliases = a.values("--alias").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for alias in aliases {
            if case .found(let other) = session.lookupSource(alias),
               other.allNames.contains(where: { Session.sameSourceName($0, alias) }) {
                throw ShellError("the alias \"\(alias)\" already names \(other.id) \"\(other.name)\"; choose another")
            }
        }
        var source = Source(id: session.nextID(.source), name: name, kind: kind, aliases: aliases,
                            role: a.value("--role"), author: workspace.analyst, created: workspace.now)
        source.aliases = aliases
        try commit("source add \(name)", [Change.Edit(before: nil, after: .source(source))])
        var line = StyledLine("Added source ") + StyledLine(source.id.rawValue, .id) + StyledLine(" ")
        line.appendIsolated("\"\(name)\"")
        line.append(" (\(kind))")
        return [line]
    }

    func sourcesList() -> [StyledLine] {
        let session = workspace.session
        let all = session.orderedSources
        guard !all.isEmpty else { return ["no sources yet; add one with source add NAME --kind K"] }
        return SourceTable(all.map(sourceRow)).lines()
    }

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

    // MARK: - Spans

    func mention(_ a: ParsedArguments) throws(ShellError) -> [StyledLine] {
        let fragments = try fragments(a.requiredRaw(0))
        var created: [Source] = []
        var notices: [StyledLine] = []
        let sourceID = try source(a.required(1), creating: &created, notices: &notices)
        if let same = workspace.session.mentions(onFragments: fragments).first(where: { $0.source == sourceID }) {
            throw ShellError("\(same.id) already marks this span as a mention of \(sourceName(sourceID)); show \(same.id) shows it")
        }
        guard let first = fragments.first else { throw ShellError("the selection names no text; give a sentence, a quote or @START-END") }
        var mention = Mention(id: workspace.session.nextID(.mention), anchor: first, source: sourceID,
                              author: workspace.analyst, created: workspace.now)
        mention.fragments = fragments
        let edits = created.map { Change.Edit(before: nil, after: .source($0)) } + [Change.Edit(before: nil, after: .mention(mention))]
        try commit("mention \(mention.id)", edits)
        var line = StyledLine(mention.id.rawValue, .id) + StyledLine("  mention of \(sourceName(sourceID)): ")
        line.appendIsolated(quoted(mention.spanText), .span(.mention))
        return notices + [line]
    }

    func claim(_ a: ParsedArguments) throws(ShellError) -> [StyledLine] {
        let fragments = try fragments(a.requiredRaw(0))
        let taxonomy = workspace.session.taxonomy
        // A claim like another: its chain, kind and tags, so a long chain is typed once.
        let model = try a.value("--like").map { raw throws(ShellError) in try likeClaim(raw) }
        let kind = try label(a.value("--kind") ?? model?.kind ?? taxonomy.defaultLabel(.claimKind), .claimKind)
        let verdict = try label(a.value("--verdict") ?? taxonomy.defaultLabel(.verdict), .verdict)
        let checkWorthy = try a.value("--check-worthy").map { value throws(ShellError) in try yesNo(value) }
        let tags = try (model?.tags ?? []) + tagWords(a.values("--tag"))
        var created: [Source] = []
        var notices: [StyledLine] = []
        var claimant = try a.value("--by").map { name throws(ShellError) in try source(name, creating: &created, notices: &notices) }
        var via: [AnnotationID] = []
        let noRelays = try Self.viaNone(a.values("--via"))
        for name in a.values("--via") where !noRelays { via.append(try source(name, creating: &created, notices: &notices)) }
        if let model {
            if a.value("--by") == nil { claimant = model.claimant }
            if a.values("--via").isEmpty { via = model.via }
        }
        if !noRelays, let outlet = try activeArticle().metadata.publisher, outlet != claimant, !via.contains(outlet) {
            via.append(outlet)
            notices.append(StyledLine("via \(sourceName(outlet)), the article's outlet, as the last link (--via none leaves it off)", .dim))
        }
        if let claimant, via.contains(claimant) {
            throw ownRelay(claimant, created: created, fix: "drop it from --via or give another --by")
        }
        if let same = workspace.session.claims(onFragments: fragments).first(where: { $0.claimant == claimant && $0.via == via }) {
            throw ShellError("\(same.id) already marks this span as a claim with the same source chain; change it with set \(same.id) FIELD VALUE")
        }
        let cue = try a.rawValues("--cue").last.map { raw throws(ShellError) in try self.anchor(raw, for: "a cue") }
        guard let first = fragments.first else { throw ShellError("the selection names no text; give a sentence, a quote or @START-END") }
        var claim = Claim(id: workspace.session.nextID(.claim), anchor: first, claimant: claimant, via: via, kind: kind,
                          checkWorthy: checkWorthy, verdict: verdict, author: workspace.analyst, created: workspace.now, cue: cue)
        claim.fragments = fragments
        claim.addTags(tags)
        if let text = a.value("--note") {
            claim.notes.append(Note(id: workspace.session.nextID(.note), text: text, author: workspace.analyst, created: workspace.now))
        }
        let edits = created.map { Change.Edit(before: nil, after: .source($0)) } + [Change.Edit(before: nil, after: .claim(claim))]
        try commit("claim \(claim.id)", edits)
        var line = StyledLine(claim.id.rawValue, .id) + StyledLine("  claim")
        if !claim.sourceChain.isEmpty {
            line.append(" ")
            line.append(chainLine(claim))
        }
        line.append(": ")
        line.appendIsolated(quoted(claim.spanText, limit: 240), .span(.claim))
        if let cue {
            line.append("  cue ")
            line.appendIsolated(quoted(cue.exact, limit: 60), .span(.cue))
        }
        return notices + [line]
    }

    /// Whether `--via none` was given: no relays, not even the article's outlet.
    static func viaNone(_ values: [String]) throws(ShellError) -> Bool {
        guard values.contains(where: { $0.lowercased() == "none" }) else { return false }
        guard values.count == 1 else { throw ShellError("--via none means no relays at all; give it alone, without other --via") }
        return true
    }

    /// The claim `--like` names, or why it cannot be copied.
    private func likeClaim(_ raw: String) throws(ShellError) -> Claim {
        let id = AnnotationID(raw)
        guard id.kind == .claim else {
            throw ShellError("--like takes a claim id such as c3, not \(raw); list claims shows them")
        }
        guard let claim = workspace.session.claims[id] else { throw ShellError("no claim \(id) in this session; list claims shows them") }
        return claim
    }

    // MARK: - Propositions, stances, relations

    func addProposition(_ text: String) throws(ShellError) -> [StyledLine] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let same = workspace.session.propositions.values.first(where: { $0.text.caseInsensitiveCompare(trimmed) == .orderedSame }) {
            throw ShellError("this proposition exists already as \(same.id); take stances on it with stance HOLDER LABEL \(same.id)")
        }
        let proposition = Proposition(id: workspace.session.nextID(.proposition), text: trimmed, author: workspace.analyst,
                                      created: workspace.now)
        try commit("proposition add \(proposition.id)", [Change.Edit(before: nil, after: .proposition(proposition))])
        return [StyledLine(proposition.id.rawValue, .id) + StyledLine("  proposition: \(trimmed)")]
    }

    func stance(_ a: ParsedArguments) throws(ShellError) -> [StyledLine] {
        let labelValue = try label(a.required(1), .stanceLabel)
        let target = try stanceTarget(a.required(2))
        var evidence: [Anchor] = []
        // Fragments given as one --evidence are pieces of evidence of their own.
        for raw in a.rawValues("--evidence") { evidence += try fragments(raw) }
        var created: [Source] = []
        var notices: [StyledLine] = []
        let holder = try source(a.required(0), creating: &created, notices: &notices)
        if let same = workspace.session.stances.values.first(where: { $0.holder == holder && $0.target == target }) {
            throw ShellError("\(sourceName(holder)) already has a stance on \(target) (\(same.id), \(same.label)); change it with set \(same.id) label L")
        }
        let stance = Stance(id: workspace.session.nextID(.stance), holder: holder, label: labelValue, target: target,
                            evidence: evidence, author: workspace.analyst, created: workspace.now)
        let edits = created.map { Change.Edit(before: nil, after: .source($0)) } + [Change.Edit(before: nil, after: .stance(stance))]
        try commit("stance \(stance.id)", edits)
        return notices + [StyledLine(stance.id.rawValue, .id)
                          + StyledLine("  \(sourceName(holder)) ") + StyledLine(labelValue, .label)
                          + StyledLine(" \(target): \(targetText(target))")]
    }

    func stanceTarget(_ typed: String) throws(ShellError) -> AnnotationID {
        let id = AnnotationID(typed)
        switch id.kind {
        case .proposition?, .claim?:
            guard workspace.session.record(id) != nil else {
                throw ShellError("no \(id.kind!.rawValue) \(id); list \(id.kind!.plural) shows them")
            }
            return id
        default:
            if let match = workspace.session.propositions.values.first(where: { $0.text.caseInsensitiveCompare(typed) == .orderedSame }) {
                return match.id
            }
            throw ShellError("a stance target is a proposition or a claim id (pr1, c2), not \(typed); add one with proposition add TEXT")
        }
    }

    func link(_ a: ParsedArguments) throws(ShellError) -> [StyledLine] {
        let from = try existing(a.required(0), kinds: [.claim, .mention, .proposition, .stance])
        let type = try label(a.required(1), .relationType)
        let to = try existing(a.required(2), kinds: [.claim, .mention, .proposition, .stance])
        guard from != to else { throw ShellError("an annotation cannot be linked to itself") }
        if let same = workspace.session.relations.values.first(where: { $0.from == from && $0.to == to && $0.type == type }) {
            throw ShellError("\(from) \(type) \(to) exists already as \(same.id)")
        }
        let relation = Relation(id: workspace.session.nextID(.relation), from: from, type: type, to: to,
                                author: workspace.analyst, created: workspace.now)
        try commit("link \(relation.id)", [Change.Edit(before: nil, after: .relation(relation))])
        return [StyledLine(relation.id.rawValue, .id) + StyledLine("  \(from) ") + StyledLine(type, .label) + StyledLine(" \(to)")]
    }

    // MARK: - Tags, notes

    func tag(_ typed: String, _ words: [String], adding: Bool) throws(ShellError) -> [StyledLine] {
        let id = try existing(typed, kinds: CommandCatalog.taggable)
        let tags = try tagWords(words)
        let before = try stored(id)
        var changed: [String] = []
        let after = try modify(before) { (item: inout any Annotation) throws(ShellError) in
            if adding {
                changed = item.addTags(tags)
                if changed.isEmpty { throw ShellError("\(id) already has \(tags.count == 1 ? "that tag" : "those tags")") }
            } else {
                changed = item.removeTags(tags)
                if changed.isEmpty {
                    throw ShellError("\(id) has no tag \(tags.joined(separator: ", ")); its tags: \(item.tags.isEmpty ? "none" : item.tags.joined(separator: ", "))")
                }
            }
        }
        try commit("\(adding ? "tag" : "untag") \(id)", [Change.Edit(before: before, after: after)])
        return [StyledLine(id.rawValue, .id) + StyledLine(adding ? "  tagged " : "  untagged ")
                + StyledLine(changed.joined(separator: ", "), .label)]
    }

    func note(_ typed: String, _ text: String) throws(ShellError) -> [StyledLine] {
        let id = try existing(typed, kinds: CommandCatalog.taggable)
        let before = try stored(id)
        let note = Note(id: workspace.session.nextID(.note), text: text, author: workspace.analyst, created: workspace.now)
        let after = try modify(before) { (item: inout any Annotation) throws(ShellError) in item.notes.append(note) }
        try commit("note \(note.id) on \(id)", [Change.Edit(before: before, after: after)])
        return [StyledLine(note.id.rawValue, .id) + StyledLine("  note on \(id)")]
    }

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
        var item: any Annotation
        switch record {
        case .source(let v): item = v
        case .mention(let v): item = v
        case .claim(let v): item = v
        case .proposition(let v): item = v
        case .stance(let v): item = v
        case .relation(let v): item = v
        default: throw ShellError("this cannot carry tags or notes")
        }
        try body(&item)
        item.modified = workspace.now
        switch item {
        case let v as Source: return .source(v)
        case let v as Mention: return .mention(v)
        case let v as Claim: return .claim(v)
        case let v as Proposition: return .proposition(v)
        case let v as Stance: return .stance(v)
        case let v as Relation: return .relation(v)
        default: throw ShellError("this cannot carry tags or notes")
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
extension Shell {
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
