import ClaimDeskCore
import Foundation

extension CommandContext {
    // MARK: - set

    func set(_ typed: String, field: String, value: String, rawValue: String) throws(ShellError) -> [StyledLine] {
        if typed.lowercased() == "session" { return try setSession(field, value) }
        if AnnotationID(typed).kind == .article { return try setArticle(typed, field: field, value: value) }
        let id = try existing(typed, kinds: CommandCatalog.taggable)
        let before = try stored(id)
        let field = field.lowercased()
        let none = ["none", "-"].contains(value.lowercased())
        var created: [Source] = []
        var notices: [StyledLine] = []
        var after: Record
        switch before {
        case .claim(var claim):
            switch field {
            case "span": claim.fragments = try fragments(rawValue)
            case "by", "claimant": claim.claimant = none ? nil : try source(value, creating: &created, notices: &notices)
            case "via":
                claim.via = []
                if !none {
                    for name in value.split(separator: ",") {
                        claim.via.append(try source(String(name), creating: &created, notices: &notices))
                    }
                }
            case "kind": claim.kind = try label(value, .claimKind)
            case "verdict": claim.verdict = try label(value, .verdict)
            case "check-worthy": claim.checkWorthy = none ? nil : try yesNo(value)
            case "cue": claim.cue = none ? nil : try cueAnchor(rawValue, of: claim)
            default: throw unknownField(field, of: id, ["span", "by", "via", "cue", "kind", "verdict", "check-worthy"])
            }
            after = .claim(claim)
        case .source(var source):
            switch field {
            case "name":
                let name = value.trimmingCharacters(in: .whitespaces)
                if case .found(let other) = workspace.session.lookupSource(name), other.id != id,
                   other.allNames.contains(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) {
                    throw ShellError("\"\(name)\" already names \(other.id); choose another name")
                }
                source.name = name
            case "kind": source.kind = try label(value, .sourceKind)
            case "aliases", "alias":
                source.aliases = none ? [] : value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            case "role": source.role = none ? nil : value
            default: throw unknownField(field, of: id, ["name", "kind", "aliases", "role"])
            }
            after = .source(source)
        case .mention(var mention):
            switch field {
            case "span": mention.fragments = try fragments(rawValue)
            case "source": mention.source = try source(value, creating: &created, notices: &notices)
            default: throw unknownField(field, of: id, ["span", "source"])
            }
            after = .mention(mention)
        case .stance(var stance):
            switch field {
            case "holder": stance.holder = try source(value, creating: &created, notices: &notices)
            case "label": stance.label = try label(value, .stanceLabel)
            case "target": stance.target = try StanceCommand.target(value, in: workspace.session)
            default: throw unknownField(field, of: id, ["holder", "label", "target"])
            }
            // One stance per holder and target, as `stance` and opening a session require.
            if let same = workspace.session.stances.values.first(where: { $0.id != stance.id && $0.holder == stance.holder && $0.target == stance.target }) {
                throw ShellError("\(sourceName(stance.holder)) already has a stance on \(stance.target) (\(same.id), \(same.label)); change or remove that one instead")
            }
            after = .stance(stance)
        case .proposition(var proposition):
            guard field == "text" else { throw unknownField(field, of: id, ["text"]) }
            proposition.text = value
            after = .proposition(proposition)
        case .relation(var relation):
            guard field == "type" else { throw unknownField(field, of: id, ["type"]) }
            relation.type = try label(value, .relationType)
            after = .relation(relation)
        default:
            throw ShellError("\(id) has no fields to set")
        }
        if case .claim(let claim) = after, let claimant = claim.claimant, claim.via.contains(claimant) {
            throw ownRelay(claimant, created: created, fix: "set \(id) via NAME,… with other relays, or set \(id) by NAME")
        }
        after = try modify(after) { (_: inout any Annotation) throws(ShellError) in }
        guard after != before else { return [StyledLine("\(id) \(field) is already ") + (shownValue(after, field) ?? StyledLine(value))] }
        let edits = created.map { Change.Edit(before: nil, after: .source($0)) } + [Change.Edit(before: before, after: after)]
        try commit("set \(id) \(field)", edits)
        let shown = none ? StyledLine("none") : shownValue(after, field) ?? StyledLine(value)
        return notices + [StyledLine(id.rawValue, .id) + StyledLine("  \(field) set to ") + shown]
    }

    /// A cue for a claim: a selection of the active article, which must be the claim's own.
    private func cueAnchor(_ raw: String, of claim: Claim) throws(ShellError) -> Anchor {
        let cue = try anchor(raw, for: "a cue")
        guard cue.article == claim.anchor.article else {
            throw ShellError("\(claim.id) is on \(claim.anchor.article), not the active \(cue.article); use \(claim.anchor.article) first, then set its cue")
        }
        return cue
    }

    /// A source field's new value as the session names it (the source's name, not the alias or id typed).
    private func shownValue(_ record: Record, _ field: String) -> StyledLine? {
        if case .claim(let claim) = record, field == "cue" {
            guard let cue = claim.cue else { return StyledLine("none") }
            var line = StyledLine()
            line.appendIsolated(quoted(cue.exact, limit: 100), .span(.cue))
            return line
        }
        let sources: [AnnotationID]
        switch (record, field) {
        case (.claim(let claim), "by"), (.claim(let claim), "claimant"): sources = claim.claimant.map { [$0] } ?? []
        case (.claim(let claim), "via"): sources = claim.via
        case (.mention(let mention), "source"): sources = [mention.source]
        case (.stance(let stance), "holder"): sources = [stance.holder]
        default: return nil
        }
        guard !sources.isEmpty else { return StyledLine("none") }
        var line = StyledLine()
        for (index, source) in sources.enumerated() {
            if index > 0 { line.append(" → ") }
            line.appendIsolated(sourceName(source))
        }
        return line
    }

    func unknownField(_ field: String, of id: AnnotationID, _ fields: [String]) -> ShellError {
        let hint = Suggestion.closest(to: field, in: fields).map { "did you mean \($0)? " } ?? ""
        return ShellError("\(id) has no field \(field); \(hint)fields: \(fields.joined(separator: ", "))")
    }

    func setSession(_ field: String, _ value: String) throws(ShellError) -> [StyledLine] {
        let name = field.lowercased()
        guard SessionSettings.names.contains(name) else {
            let hint = Suggestion.closest(to: name, in: SessionSettings.names).map { "did you mean \($0)? " } ?? ""
            throw ShellError("no session setting \(field); \(hint)settings: \(SessionSettings.names.joined(separator: ", "))")
        }
        let before = workspace.session.settings
        var after = before
        after[name] = ["none", "-"].contains(value.lowercased()) ? nil : value
        if SessionSettings.addressNames.contains(name), let address = after[name], let problem = WebAddress.problem(address) {
            throw ShellError("\(name) must be an http or https address such as https://desk.example/, and \"\(address)\" is not: \(problem)")
        }
        guard after != before else { return [StyledLine("session \(name) is already \(value)")] }
        try commit("set session \(name)", [Change.Edit(before: .settings(before), after: .settings(after))])
        return [StyledLine("session \(name) set to \(after[name] ?? "none")")]
    }

    // MARK: - rm

    func remove(_ typed: String) throws(ShellError) -> [StyledLine] {
        let id = AnnotationID(typed)
        if id.kind == .note { return try removeNote(id) }
        let target = try existing(typed, kinds: CommandCatalog.taggable)
        let session = workspace.session
        if target.kind == .source {
            let users = session.uses(ofSource: target)
            if !users.isEmpty {
                let shown = users.prefix(6).map(\.rawValue).joined(separator: ", ") + (users.count > 6 ? ", …" : "")
                throw ShellError("\(target) is still used by \(shown); remove those or point them at another source first")
            }
        }
        // Everything that points at what goes, transitively.
        var doomed: [AnnotationID] = [target]
        var index = 0
        while index < doomed.count {
            for dependent in session.dependents(of: doomed[index]) where !doomed.contains(dependent) {
                doomed.append(dependent)
            }
            index += 1
        }
        let edits = doomed.reversed().compactMap { id in session.record(id).map { Change.Edit(before: $0, after: nil) } }
        try commit("rm \(target)", edits)
        var line = StyledLine("Removed ") + StyledLine(target.rawValue, .id)
        if doomed.count > 1 {
            line.append(" and what pointed at it: " + doomed.dropFirst().map(\.rawValue).joined(separator: ", "))
        }
        return [line]
    }

    func removeNote(_ id: AnnotationID) throws(ShellError) -> [StyledLine] {
        let session = workspace.session
        let owners: [Record] = session.sources.values.map(Record.source) + session.claims.values.map(Record.claim)
            + session.mentions.values.map(Record.mention) + session.propositions.values.map(Record.proposition)
            + session.stances.values.map(Record.stance) + session.relations.values.map(Record.relation)
        for owner in owners {
            let notes: [Note]
            switch owner {
            case .source(let v): notes = v.notes
            case .claim(let v): notes = v.notes
            case .mention(let v): notes = v.notes
            case .proposition(let v): notes = v.notes
            case .stance(let v): notes = v.notes
            case .relation(let v): notes = v.notes
            default: notes = []
            }
            guard notes.contains(where: { $0.id == id }) else { continue }
            let after = try modify(owner) { (item: inout any Annotation) throws(ShellError) in item.notes.removeAll { $0.id == id } }
            try commit("rm \(id)", [Change.Edit(before: owner, after: after)])
            return [StyledLine("Removed note ") + StyledLine(id.rawValue, .id)]
        }
        throw ShellError("no note \(id) in this session; show ID lists an annotation's notes")
    }
}
