import ClaimDeskCore
import Foundation

extension CommandContext {
    // MARK: - set

    /// A cue for a claim: a selection of the active article, which must be the claim's own.
    func cueAnchor(_ raw: String, of claim: Claim) throws(ShellError) -> Anchor {
        let cue = try anchor(raw, for: "a cue")
        guard cue.article == claim.anchor.article else {
            throw ShellError("\(claim.id) is on \(claim.anchor.article), not the active \(cue.article); use \(claim.anchor.article) first, then set its cue")
        }
        return cue
    }

    /// A source field's new value as the session names it (the source's name, not the alias or id typed).
    func shownValue(_ record: Record, _ field: String) -> StyledLine? {
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
