import ClaimDeskCore
import Foundation

extension CommandContext {
    /// The filters of `list` and `review`, from their flags' values.
    func listFilter(_ words: ListFilterWords) throws(ShellError) -> ListFilter {
        let session = workspace.session
        var filter = ListFilter()
        if let by = words.by {
            switch session.lookupSource(by) {
            case .found(let source): filter.source = source.id
            case .ambiguous(let sources):
                throw ShellError("\"\(by)\" could be \(sources.prefix(5).map { "\($0.id) \"\($0.name)\"" }.joined(separator: ", ")); type more of the name")
            case .nearMiss(let source, let name): throw ShellError("no source \"\(by)\"; did you mean \"\(name)\" (\(source.id))?")
            case .none: throw ShellError("no source \"\(by)\"; sources lists them")
            }
        }
        filter.tag = words.tag
        filter.label = words.label
        filter.orphanedOnly = words.orphaned
        if let raw = words.selection {
            let article = try activeArticle()
            filter.span = (article.id, try fragments(raw).map(\.range))
        }
        if let status = words.status {
            guard let state = ReviewFilter.State(rawValue: status.lowercased()) else {
                let states = ReviewFilter.State.allCases.map(\.rawValue)
                let hint = Suggestion.closest(to: status, in: states).map { "did you mean \($0)? " } ?? ""
                throw ShellError("no review status \(status); \(hint)choose \(states.joined(separator: ", "))")
            }
            filter.review.state = state
        }
        filter.review.author = words.author
        filter.review.textChangedOnly = words.changed
        return filter
    }

    /// `s3` on the active article, `a2:s3` elsewhere, `orphaned` when lost.
    func place(_ anchor: Anchor) -> String {
        if anchor.isOrphaned { return "orphaned" }
        guard let article = workspace.session.articles[anchor.article] else { return anchor.article.rawValue }
        let sentence = (article.content.sentenceIndex(containing: anchor.start) ?? 0) + 1
        return (anchor.article == workspace.activeArticle ? "" : "\(anchor.article):") + "s\(sentence)"
    }

    /// The place padded to a column, never touching what follows.
    func placeColumn(_ anchor: Anchor) -> String {
        let text = place(anchor)
        return text.padding(toLength: max(6, text.count + 2), withPad: " ", startingAt: 0)
    }

    func idColumn(_ id: AnnotationID) -> StyledLine {
        var line = StyledLine(id.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0), .id)
        line.markTextColumn()
        return line
    }

    /// Appends a quote to a list line: at `limit` characters without a width (batch, one record per
    /// line as always); on a terminal as much of it as leaves room for `after` on the line, or,
    /// when too little is left there, a whole continuation line's worth (the line then wraps).
    func appendQuote(_ text: String, to line: inout StyledLine, style: TextStyle, limit: Int, after: StyledLine) {
        guard let width = outputWidth else {
            line.appendIsolated(quoted(text, limit: limit), style)
            return
        }
        let room = width - line.displayWidth - after.displayWidth
        let continuation = width - (line.textColumn ?? 0) - after.displayWidth
        line.appendIsolated(quoted(text, columns: room >= 30 ? room : max(continuation, 20)), style)
    }

    /// ` [accepted]`, ` [rejected]`, ` [text changed]` after a list line; nothing while simply open.
    func reviewSuffix(_ item: some Annotation) -> StyledLine {
        if ReviewFilter.awaitsReviewOfChangedText(item) { return StyledLine("  [text changed]", .warning) }
        switch item.reviewStatus {
        case .open: return StyledLine()
        case .accepted: return StyledLine("  [accepted]", .dim)
        case .rejected: return StyledLine("  [rejected]", .dim)
        }
    }

    /// Ends a listed claim or mention: its quote, cut to leave room for its tags and review mark.
    func appendQuoteAndMarks(_ item: some Annotation & FragmentedSpan, style: TextStyle, to line: inout StyledLine) {
        line.append("  ")
        let after = tagsSuffix(item.tags) + reviewSuffix(item)
        appendQuote(item.spanText, to: &line, style: style, limit: 70, after: after)
        line.append(after)
    }

    func tagsSuffix(_ tags: [String]) -> StyledLine {
        tags.isEmpty ? StyledLine() : StyledLine("  #" + tags.joined(separator: " #"), .dim)
    }

    func claimLine(_ claim: Claim) -> StyledLine {
        var line = idColumn(claim.id)
        line.append(placeColumn(claim.anchor), claim.anchor.isOrphaned ? .warning : .dim)
        line.append(claim.kind, .label)
        line.append(" ")
        line.append(claim.verdict, .label)
        if claim.checkWorthy == true { line.append(" check-worthy", .label) }
        if !claim.sourceChain.isEmpty {
            line.append("  ")
            line.append(chainLine(claim))
        }
        appendQuoteAndMarks(claim, style: .span(.claim), to: &line)
        return line
    }

    func mentionLine(_ mention: Mention) -> StyledLine {
        var line = idColumn(mention.id)
        line.append(placeColumn(mention.anchor), mention.anchor.isOrphaned ? .warning : .dim)
        line.appendIsolated(sourceName(mention.source))
        appendQuoteAndMarks(mention, style: .span(.mention), to: &line)
        return line
    }

    func stanceLine(_ stance: Stance) -> StyledLine {
        var line = idColumn(stance.id)
        line.appendIsolated(sourceName(stance.holder))
        line.append(" ")
        line.append(stance.label, .label)
        line.append(" \(stance.target) ")
        line.appendIsolated(quoted(targetText(stance.target), limit: 60), .dim)
        if !stance.evidence.isEmpty {
            line.append("  evidence " + stance.evidence.map(place).joined(separator: ", "), .dim)
        }
        line.append(tagsSuffix(stance.tags))
        line.append(reviewSuffix(stance))
        return line
    }

    func propositionLine(_ proposition: Proposition) -> StyledLine {
        var line = idColumn(proposition.id)
        line.appendIsolated(proposition.text)
        let stances = workspace.session.stances(targeting: proposition.id)
        if !stances.isEmpty {
            let summary = Dictionary(grouping: stances, by: \.label).map { "\($0.value.count) \($0.key)" }.sorted()
            line.append("  (" + summary.joined(separator: ", ") + ")", .dim)
        }
        line.append(tagsSuffix(proposition.tags))
        return line
    }

    func relationLine(_ relation: Relation) -> StyledLine {
        var line = idColumn(relation.id)
        line.append(relation.from.rawValue, .id)
        line.append(" ")
        line.append(relation.type, .label)
        line.append(" ")
        line.append(relation.to.rawValue, .id)
        line.append(tagsSuffix(relation.tags))
        line.append(reviewSuffix(relation))
        return line
    }

    // MARK: - show ID

    func describe(_ id: AnnotationID) throws(ShellError) -> [StyledLine] {
        guard let record = workspace.session.record(id) else {
            if id.kind == .note { throw ShellError("notes are shown with the annotation they are on; show its id") }
            throw ShellError("no \(id.kind?.rawValue ?? "annotation") \(id) in this session; list shows the ids")
        }
        if case .conflict(let conflict) = record { return conflictLines(conflict) }
        var lines: [StyledLine] = []
        func field(_ name: String, _ value: StyledLine) {
            var label = StyledLine("  " + name.padding(toLength: 11, withPad: " ", startingAt: 0), .dim)
            label.markTextColumn()
            lines.append(label + value)
        }
        func anchorLines(_ fragments: [Anchor], style: TextStyle) {
            guard fragments.count > 1 else {
                if let anchor = fragments.first { anchorLines(anchor, style: style) }
                return
            }
            // A span in fragments: the joined quote, then where each fragment is.
            var text = StyledLine()
            text.appendIsolated(quoted(Anchor.joinedExact(fragments), limit: 300), style)
            field("text", text)
            for (index, fragment) in fragments.enumerated() {
                if fragment.isOrphaned {
                    field("fragment \(index + 1)", StyledLine("ORPHANED, old quote " + quoted(fragment.exact, limit: 100), .warning))
                } else {
                    field("fragment \(index + 1)", StyledLine("\(place(fragment)) @\(fragment.start)-\(fragment.end) ", .dim)
                          + StyledLine(quoted(fragment.exact, limit: 100), style))
                }
            }
            if fragments.contains(where: \.isOrphaned) { field("fix", StyledLine("reattach \(id) SEL puts it back by hand")) }
        }
        func anchorLines(_ anchor: Anchor, style: TextStyle) {
            if anchor.isOrphaned {
                field("text", StyledLine("ORPHANED: its text was not found in the new version; old quote ", .warning)
                      + StyledLine(quoted(anchor.exact, limit: 300)))
                field("fix", StyledLine("reattach \(id) SEL puts it back by hand"))
            } else {
                var text = StyledLine()
                text.appendIsolated(quoted(anchor.exact, limit: 300), style)
                field("text", text)
                field("where", StyledLine("\(place(anchor)) @\(anchor.start)-\(anchor.end) in \(anchor.article)"))
            }
        }
        func sourceDescription(_ id: AnnotationID) -> StyledLine {
            guard let source = workspace.session.sources[id] else { return StyledLine(id.rawValue, .id) }
            return StyledLine(source.name + " (") + StyledLine(id.rawValue, .id) + StyledLine(", \(source.kind))")
        }
        let annotation: any Annotation
        switch record {
        case .claim(let claim):
            annotation = claim
            lines.append(StyledLine(id.rawValue, .id) + StyledLine("  claim", .heading))
            anchorLines(claim.fragments, style: .span(.claim))
            if let claimant = claim.claimant { field("by", sourceDescription(claimant)) }
            if !claim.via.isEmpty {
                var chain = StyledLine()
                for (i, source) in claim.via.enumerated() {
                    if i > 0 { chain.append(" → ") }
                    chain.append(sourceDescription(source))
                }
                field("via", chain)
            }
            if let cue = claim.cue {
                if cue.isOrphaned {
                    field("cue", StyledLine("ORPHANED, old quote " + quoted(cue.exact, limit: 100) + "; set \(id) cue SEL puts it back", .warning))
                } else {
                    var text = StyledLine()
                    text.appendIsolated(quoted(cue.exact, limit: 100), .span(.cue))
                    field("cue", text + StyledLine("  \(place(cue)) @\(cue.start)-\(cue.end)", .dim))
                }
            }
            var labels = StyledLine(claim.kind, .label) + StyledLine(", verdict ") + StyledLine(claim.verdict, .label)
            if let worthy = claim.checkWorthy { labels.append(", check-worthy \(worthy ? "yes" : "no")") }
            field("kind", labels)
        case .mention(let mention):
            annotation = mention
            lines.append(StyledLine(id.rawValue, .id) + StyledLine("  mention", .heading))
            anchorLines(mention.fragments, style: .span(.mention))
            field("source", sourceDescription(mention.source))
        case .source(let source):
            annotation = source
            lines.append(StyledLine(id.rawValue, .id) + StyledLine("  source ", .heading) + StyledLine(source.name, .strong))
            field("kind", StyledLine(source.kind, .label))
            if !source.aliases.isEmpty { field("aliases", isolatedList(source.aliases)) }
            if let role = source.role { field("role", StyledLine(role)) }
            let users = workspace.session.uses(ofSource: id)
            if !users.isEmpty { field("used by", StyledLine(users.map(\.rawValue).joined(separator: ", "), .id)) }
        case .proposition(let proposition):
            annotation = proposition
            lines.append(StyledLine(id.rawValue, .id) + StyledLine("  proposition", .heading))
            field("text", StyledLine(proposition.text))
        case .stance(let stance):
            annotation = stance
            lines.append(StyledLine(id.rawValue, .id) + StyledLine("  stance", .heading))
            field("holder", sourceDescription(stance.holder))
            field("label", StyledLine(stance.label, .label))
            field("target", StyledLine(stance.target.rawValue, .id) + StyledLine(" " + quoted(targetText(stance.target), limit: 200)))
            for evidence in stance.evidence {
                if evidence.isOrphaned {
                    field("evidence", StyledLine("ORPHANED, old quote " + quoted(evidence.exact, limit: 200), .warning))
                } else {
                    field("evidence", StyledLine(place(evidence) + " ", .dim) + StyledLine(quoted(evidence.exact, limit: 200), .span(.evidence)))
                }
            }
        case .relation(let relation):
            annotation = relation
            lines.append(StyledLine(id.rawValue, .id) + StyledLine("  relation", .heading))
            field("link", StyledLine(relation.from.rawValue, .id) + StyledLine(" ") + StyledLine(relation.type, .label)
                  + StyledLine(" ") + StyledLine(relation.to.rawValue, .id))
        case .article, .taxonomy, .settings, .conflict:
            throw ShellError("\(id) is not an annotation")
        }
        let session = workspace.session
        let stances = Set(session.stances(targeting: id) + session.stances(heldBy: id)).sorted { $0.id < $1.id }
        for stance in stances where stance.id != id {
            field("stance", StyledLine(stance.id.rawValue, .id) + StyledLine(" \(sourceName(stance.holder)) ")
                  + StyledLine(stance.label, .label) + StyledLine(" \(stance.target)"))
        }
        let relations = session.relations(touching: id)
        for relation in relations where relation.id != id {
            field("relation", StyledLine(relation.id.rawValue, .id) + StyledLine(" \(relation.from) ")
                  + StyledLine(relation.type, .label) + StyledLine(" \(relation.to)"))
        }
        if !annotation.tags.isEmpty { field("tags", StyledLine(annotation.tags.joined(separator: ", "), .label)) }
        for note in annotation.notes {
            field("note", StyledLine(note.id.rawValue, .id) + StyledLine(" " + note.text) + StyledLine("  (\(note.author), \(note.created))", .dim))
        }
        field("made", StyledLine("by \(annotation.author), \(annotation.created)"
                                 + (annotation.modified != annotation.created ? ", changed \(annotation.modified)" : ""), .dim))
        if let provenance = annotation.provenance {
            field("from", StyledLine("session \(provenance.session), analyst \(provenance.analyst)"
                                     + (provenance.id.map { ", id \($0) there" } ?? ""), .dim))
        }
        if Self.reviewable.contains(where: { $0 == id.kind }) {
            reviewFields(annotation.review, field: field)
        }
        for conflict in session.orderedConflicts where conflict.subject == id {
            field("conflict", StyledLine(conflict.id.rawValue, .id) + StyledLine(" open: " + conflict.disagreements.joined(separator: ", ")
                                                                                 + " (show \(conflict.id), curate)", .warning))
        }
        return lines
    }
}

/// The filters of `list`.
struct ListFilter {
    var source: AnnotationID?
    var tag: String?
    var label: String?
    /// `--in SEL`: the article and the ranges of the selection (several when given in fragments).
    var span: (article: AnnotationID, ranges: [Range<Int>])?
    var orphanedOnly = false
    var review = ReviewFilter()

    var isEmpty: Bool { source == nil && tag == nil && label == nil && span == nil && !orphanedOnly && review.isEmpty }

    private func common(_ item: some Annotation, labels: [String], spans: [Anchor]) -> Bool {
        if orphanedOnly, !spans.contains(where: \.isOrphaned) { return false }
        if !review.matches(item) { return false }
        if let tag, !item.tags.contains(where: { $0.caseInsensitiveCompare(tag) == .orderedSame }) { return false }
        if let label, !labels.contains(where: { $0.caseInsensitiveCompare(label) == .orderedSame }) { return false }
        if let span {
            let overlaps = spans.contains {
                let anchor = $0
                return anchor.article == span.article && !anchor.isOrphaned
                    && span.ranges.contains { anchor.start < $0.upperBound && anchor.end > $0.lowerBound }
            }
            if !overlaps { return false }
        }
        return true
    }

    func matches(_ claim: Claim) -> Bool {
        if let source, !claim.sourceChain.contains(source) { return false }
        return common(claim, labels: [claim.kind, claim.verdict], spans: claim.fragments + (claim.cue.map { [$0] } ?? []))
    }

    func matches(_ mention: Mention) -> Bool {
        if let source, mention.source != source { return false }
        return common(mention, labels: [], spans: mention.fragments)
    }

    func matches(_ stance: Stance) -> Bool {
        if let source, stance.holder != source { return false }
        return common(stance, labels: [stance.label], spans: stance.evidence)
    }

    func matches(_ proposition: Proposition) -> Bool {
        if source != nil || span != nil || review.state != nil { return false }
        return common(proposition, labels: [], spans: [])
    }

    func matches(_ relation: Relation) -> Bool {
        if source != nil || span != nil { return false }
        return common(relation, labels: [relation.type], spans: [])
    }

    func matches(_ item: Source, in session: Session) -> Bool {
        if let source, item.id != source { return false }
        if span != nil || review.state != nil { return false }
        return common(item, labels: [item.kind], spans: [])
    }
}
