import ClaimDeskCore
import ClaimDeskWeb
import Foundation

extension CommandContext {

    /// What re-anchoring an article's annotations onto a new text changes, and how it went.
    struct ReanchorOutcome {
        var edits: [Change.Edit] = []
        var exact = 0, moved = 0, fuzzy = 0, orphaned = 0
        var orphanLines: [StyledLine] = []
        /// Each annotation whose quote changed, old → new: reopened for review.
        var changedLines: [StyledLine] = []

        var summary: StyledLine {
            var line = StyledLine("\(exact) exact, \(moved) moved, \(fuzzy) fuzzy, ")
            line.append("\(orphaned) orphaned", orphaned > 0 ? .warning : .plain)
            return line
        }

        mutating func count(_ resolution: AnchorResolution) {
            switch resolution {
            case .exact: exact += 1
            case .moved: moved += 1
            case .fuzzy: fuzzy += 1
            case .orphaned: orphaned += 1
            }
        }
    }

    /// Re-anchors every claim, mention and stance evidence on `article` onto `text`, in one pass so
    /// that neighbouring anchors help place each other.
    ///
    /// Every annotation whose covered text changes keeps the old and new quote in its review, goes
    /// back to open ("text changed"), and is listed old → new in the outcome: nothing changes silently.
    func reanchorEdits(on article: AnnotationID, onto text: ArticleText, because reason: String) -> ReanchorOutcome {
        let session = workspace.session
        let claims = session.claims.values.filter { $0.anchor.article == article }.sorted { $0.id < $1.id }
        let mentions = session.mentions.values.filter { $0.anchor.article == article }.sorted { $0.id < $1.id }
        let stances = session.stances.values.filter { $0.evidence.contains { $0.article == article } }.sorted { $0.id < $1.id }
        var anchors: [Anchor] = []
        for claim in claims { anchors += claim.fragments + (claim.cue.map { [$0] } ?? []) }
        for mention in mentions { anchors += mention.fragments }
        for stance in stances { anchors += stance.evidence.filter { $0.article == article } }
        let results = Reanchorer(scalars: text.scalars).reanchorAll(anchors)
        var outcome = ReanchorOutcome()
        var next = 0
        var hasOrphanedCue = false
        let now = workspace.now
        var textChanges: [AnnotationID: [TextChange]] = [:]
        /// The next result, for `old`; `part` names a cue or a fragment ("cue", "fragment 2"). A cue is
        /// not counted in the summary (it belongs to its claim), but its own losses and changes are
        /// listed all the same; `seen` hears the resolution of a part that is counted apart.
        func take(_ owner: AnnotationID, replacing old: Anchor, part: String? = nil, counted: Bool = true,
                  seen: (AnchorResolution) -> Void = { _ in }) -> Anchor {
            let (anchor, resolution) = results[next]
            next += 1
            if counted { outcome.count(resolution) }
            seen(resolution)
            let label = StyledLine(owner.rawValue, .id) + StyledLine(part.map { " " + $0 } ?? "")
            if resolution.isOrphaned {
                if part == "cue" { hasOrphanedCue = true }
                outcome.orphanLines.append(StyledLine("  orphaned ", .warning) + label + StyledLine(": " + quoted(anchor.exact, limit: 80)))
            } else if anchor.exact != old.exact {
                let how = part.map { "\(resolution.how) \($0)" } ?? resolution.how
                textChanges[owner, default: []].append(TextChange(old: old.exact, new: anchor.exact, how: how, time: now))
                let (was, now) = QuoteChange.excerpts(old: old.exact, new: anchor.exact)
                outcome.changedLines.append(StyledLine("  \(resolution.how) ", .warning) + label
                                            + StyledLine(": \"\(was)\" → \"\(now)\""))
            }
            return anchor
        }
        let reviewer = ReviewDecision.automaticReviewer
        /// Moves each item's anchors and records an edit for those that changed.
        func update<T: Annotation>(_ items: [T], as record: (T) -> Record, _ move: (inout T) -> Void) {
            for item in items {
                var changed = item
                move(&changed)
                guard changed != item else { continue }
                changed.modified = now
                if let changes = textChanges[item.id] {
                    var review = changed.review ?? Review()
                    review.textChanges += changes
                    review.decide(ReviewDecision(status: .open, reviewer: reviewer, time: now, comment: "text changed (\(reason))"))
                    changed.review = review
                }
                outcome.edits.append(Change.Edit(before: record(item), after: record(changed)))
            }
        }
        /// Each fragment moved on its own; a span in fragments counts once, by its worst fragment.
        func move(_ owner: AnnotationID, _ fragments: [Anchor]) -> [Anchor] {
            guard fragments.count > 1 else { return fragments.map { take(owner, replacing: $0) } }
            var worst: AnchorResolution?
            let moved = fragments.enumerated().map { index, fragment in
                take(owner, replacing: fragment, part: "fragment \(index + 1)", counted: false) { resolution in
                    if worst.map({ Self.severity(resolution) > Self.severity($0) }) ?? true { worst = resolution }
                }
            }
            if let worst { outcome.count(worst) }
            // Text order again, unless a fragment is lost (its old place says nothing about the new order).
            return moved.contains(where: \.isOrphaned) ? moved : moved.sorted { $0.start < $1.start }
        }
        update(claims, as: Record.claim) { claim in
            claim.fragments = move(claim.id, claim.fragments)
            claim.cue = claim.cue.map { take(claim.id, replacing: $0, part: "cue", counted: false) }
        }
        update(mentions, as: Record.mention) { $0.fragments = move($0.id, $0.fragments) }
        update(stances, as: Record.stance) { stance in
            stance.evidence = stance.evidence.map { $0.article == article ? take(stance.id, replacing: $0) : $0 }
        }
        if !outcome.orphanLines.isEmpty {
            outcome.orphanLines.append(StyledLine("  list --orphaned lists them; reattach ID SEL puts one back by hand"
                                                  + (hasOrphanedCue ? ", set ID cue SEL a cue" : ""), .dim))
        }
        if !outcome.changedLines.isEmpty {
            outcome.changedLines.append(StyledLine("  their text changed: they are open for review again (list --changed, show ID)", .dim))
        }
        return outcome
    }

    /// How bad a re-anchoring result is, for the one a span in fragments is counted by.
    static func severity(_ resolution: AnchorResolution) -> Int {
        switch resolution {
        case .exact: 0
        case .moved: 1
        case .fuzzy: 2
        case .orphaned: 3
        }
    }

    /// The quote an orphaned annotation had before it lost its place.
    static func orphanedQuote(_ record: Record) -> String {
        switch record {
        case .claim(let v): v.spanText
        case .mention(let v): v.spanText
        case .stance(let v): v.evidence.first(where: \.isOrphaned)?.exact ?? ""
        default: ""
        }
    }

    /// The record with a text change recorded and its review reopened, when the text really changed.
    static func withTextChange(_ record: Record, old: String, new: String, how: String, at time: Timestamp) -> Record {
        guard old != new else { return record }
        return record.updatingReview { review in
            review.textChanges.append(TextChange(old: old, new: new, how: how, time: time))
            review.decide(ReviewDecision(status: .open, reviewer: ReviewDecision.automaticReviewer, time: time, comment: "text changed (\(how))"))
        } ?? record
    }

    func notOrphaned(_ id: AnnotationID) -> ShellError {
        if workspace.session.claims[id]?.cue?.isOrphaned == true {
            return ShellError("\(id) is not orphaned, its cue is; put the cue back with set \(id) cue SEL")
        }
        return ShellError("\(id) is not orphaned; change its span with set \(id) span SEL")
    }

    /// Articles whose text no longer matches its hash (edited outside ClaimDesk) are re-anchored when a
    /// session is opened, as one change the user can undo; returns what to tell the user.
    func reanchorEditedArticles() -> [StyledLine] {
        var lines: [StyledLine] = []
        for article in workspace.session.orderedArticles where !article.hashMatchesText {
            if persistence.place.readOnlyReason != nil {
                lines.append(StyledLine("warning: \(article.id)'s text was edited outside ClaimDesk (its hash does not match); "
                                        + "open the session where it is not read-only to re-anchor it", .warning))
                continue
            }
            var updated = article
            let stored = article.sha256
            updated.replaceText(with: article.text, origin: article.origin, at: workspace.now)
            updated.revisions[updated.revisions.count - 1].sha256 = stored
            let outcome = reanchorEdits(on: article.id, onto: updated.content, because: "edited outside ClaimDesk")
            do {
                try commit("re-anchor \(article.id) after an outside edit",
                           [Change.Edit(before: .article(article), after: .article(updated))] + outcome.edits)
            } catch {
                lines.append(StyledLine("warning: \(error.message)", .warning))
                continue
            }
            lines.append(StyledLine("\(article.id)'s text was edited outside ClaimDesk; re-anchored its annotations: ", .warning)
                         + outcome.summary)
            lines += outcome.changedLines + outcome.orphanLines
        }
        return lines
    }
}
