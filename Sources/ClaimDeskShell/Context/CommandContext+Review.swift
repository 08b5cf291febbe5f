import ClaimDeskCore

extension CommandContext {
    /// The kinds an editor accepts or rejects: everything that marks text or links it.
    static let reviewable: [AnnotationKind] = [.claim, .mention, .stance, .relation]

    // MARK: - accept, reject, reopen

    /// Records one decision on each annotation, as one change (one undo).
    func decide(_ typed: [String], status: ReviewStatus, comment: String?, commentOnly: Bool = false) throws(ShellError) -> [StyledLine] {
        guard !typed.isEmpty else { throw ShellError("name the annotations, for example \(status.verb) c1 c3") }
        var ids: [AnnotationID] = []
        for word in typed {
            let id = try existing(word, kinds: Self.reviewable)
            if !ids.contains(id) { ids.append(id) }
        }
        let decision = ReviewDecision(status: status, reviewer: workspace.analyst, time: workspace.now, comment: comment)
        var edits: [Change.Edit] = []
        for id in ids {
            guard let before = workspace.session.record(id) else { continue }
            edits.append(Change.Edit(before: before, after: try Self.reviewed(before, with: decision)))
        }
        try commit("\(status.verb) \(ids.map(\.rawValue).joined(separator: " "))", edits)
        let what = ids.count == 1 ? ids[0].rawValue : Plural.count(ids.count, "annotation")
        var line = StyledLine(what, ids.count == 1 ? .id : .plain) + StyledLine(commentOnly ? "  comment recorded" : "  \(status.pastTense)")
        if let comment { line.append(": " + comment, .dim) }
        return [line, StyledLine(reviewProgress(), .dim)]
    }

    /// The record with a decision added to its review.
    static func reviewed(_ record: Record, with decision: ReviewDecision) throws(ShellError) -> Record {
        guard let after = record.updatingReview({ $0.decide(decision) }) else {
            throw ShellError("only claims, mentions, stances and relations are reviewed")
        }
        return after
    }

    /// "21 of 34 reviewed: 18 accepted, 3 rejected".
    func reviewProgress() -> String {
        let (total, accepted, rejected) = workspace.session.reviewProgress
        return "\(accepted + rejected) of \(total) reviewed: \(accepted) accepted, \(rejected) rejected"
    }

    // MARK: - review

    /// The matching reviewable annotations, by article and then by where their text starts.
    func reviewQueue(_ filter: ListFilter) -> [AnnotationID] {
        let session = workspace.session
        var items: [(article: AnnotationID, start: Int, id: AnnotationID)] = []
        for claim in session.claims.values where filter.matches(claim) {
            items.append((claim.anchor.article, claim.anchor.start, claim.id))
        }
        for mention in session.mentions.values where filter.matches(mention) {
            items.append((mention.anchor.article, mention.anchor.start, mention.id))
        }
        for stance in session.stances.values where filter.matches(stance) {
            let first = stance.evidence.first
            items.append((first?.article ?? AnnotationID("a\(Int.max)"), first?.start ?? Int.max, stance.id))
        }
        for relation in session.relations.values where filter.matches(relation) {
            let anchor = session.claims[relation.from]?.anchor
            items.append((anchor?.article ?? AnnotationID("a\(Int.max)"), anchor?.start ?? Int.max, relation.id))
        }
        return items.sorted { ($0.article, $0.start, $0.id) < ($1.article, $1.start, $1.id) }.map(\.id)
    }

    /// The annotation under review, in context: its sentences with its span marked, then its fields.
    func reviewItemLines() -> [StyledLine] {
        guard let walk = reviewWalk, let id = walk.current else { return [] }
        var lines = [StyledLine("\(walk.position + 1) of \(walk.ids.count)  ", .heading) + StyledLine(id.rawValue, .id)]
        let session = workspace.session
        var anchors: [Anchor] = []
        switch session.record(id) {
        case .claim(let claim)?: anchors = claim.fragments
        case .mention(let mention)?: anchors = mention.fragments
        case .stance(let stance)?: anchors = stance.evidence
        case .relation(let relation)?:
            anchors = [relation.from, relation.to].compactMap { session.claims[$0]?.anchor ?? session.mentions[$0]?.anchor }
        default: break
        }
        // Fragments of one span in the same sentences are shown together, each marked.
        var index = 0
        let placed = anchors.filter { !$0.isOrphaned }
        while index < placed.count {
            let anchor = placed[index]
            guard let article = session.articles[anchor.article] else { index += 1; continue }
            var sentences = article.content.sentenceIndices(overlapping: anchor.range)
            var marks = [ArticleView.Mark(range: anchor.range, id: nil, style: .hit)]
            index += 1
            while index < placed.count, placed[index].article == anchor.article {
                let next = article.content.sentenceIndices(overlapping: placed[index].range)
                guard next.lowerBound <= sentences.upperBound else { break }
                sentences = sentences.lowerBound..<max(sentences.upperBound, next.upperBound)
                marks.append(ArticleView.Mark(range: placed[index].range, id: nil, style: .hit))
                index += 1
            }
            lines += ArticleView(article: article, marks: marks).lines(sentences: sentences)
        }
        lines += (try? describe(id)) ?? []
        return lines
    }

    /// One key of the review pass.
    public func reviewKey(_ key: Character) -> ShellResult {
        if reviewWalk?.purpose == .curate { return curateKey(key) }
        if reviewWalk?.purpose.isSuggestions == true { return suggestionWalkKey(key) }
        guard var walk = reviewWalk, let id = walk.current else {
            reviewWalk = nil
            return ShellResult()
        }
        let typed = key.lowercased()
        let screens = PassScreens(item: reviewItemLines, advanced: advanced, end: endWalk, keys: ReviewWalk.keys)
        if let shared = sharedPassKey(typed, walk: walk, screens) { return shared }
        switch typed {
        case "a":
            return decideInWalk(id, status: .accepted, comment: nil)
        case "r":
            walk.question = .reason
        case "c":
            walk.question = .comment
        case "e":
            walk.question = .command
        default:
            return ShellResult(error: ShellError("no key \(key) in a review; \(ReviewWalk.keys)"))
        }
        reviewWalk = walk
        return ShellResult()
    }

    /// The text asked for by the last key: a reason, a comment or a command. Empty text cancels.
    public func reviewAnswer(_ text: String) -> ShellResult {
        if reviewWalk?.purpose == .curate { return curateAnswer(text) }
        if reviewWalk?.purpose.isSuggestions == true { return suggestionWalkAnswer(text) }
        guard var walk = reviewWalk, let id = walk.current, let question = walk.question else { return ShellResult() }
        walk.question = nil
        reviewWalk = walk
        let answer = text.trimmingCharacters(in: .whitespaces)
        guard !answer.isEmpty else { return ShellResult(lines: [StyledLine("(nothing done)", .dim)]) }
        switch question {
        case .reason:
            return decideInWalk(id, status: .rejected, comment: answer)
        case .comment:
            let status = workspace.session.record(id)?.review?.status ?? .open
            do {
                let lines = try decide([id.rawValue], status: status, comment: answer, commentOnly: true)
                reviewWalk?.commented += 1
                return ShellResult(lines: lines)
            } catch {
                return ShellResult(error: error)
            }
        case .command:
            var words = answer.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            if !words.contains(id.rawValue) { words.insert(id.rawValue, at: min(1, words.count)) }
            var result = execute(words.joined(separator: " "))
            if workspace.session.record(id) == nil {
                // It was removed: drop it from the walk.
                reviewWalk?.ids.remove(at: walk.position)
                let next = advanced()
                result.lines += next.lines
                return result
            }
            result.lines += reviewItemLines()
            return result
        }
    }

    private func decideInWalk(_ id: AnnotationID, status: ReviewStatus, comment: String?) -> ShellResult {
        do {
            let lines = try decide([id.rawValue], status: status, comment: comment)
            if status == .accepted { reviewWalk?.accepted += 1 } else { reviewWalk?.rejected += 1 }
            reviewWalk?.position += 1
            let next = advanced()
            return ShellResult(lines: lines + next.lines, error: next.error)
        } catch {
            return ShellResult(error: error)
        }
    }

    /// After moving on: the next item, or the end of the pass.
    private func advanced() -> ShellResult {
        advance(showing: reviewItemLines, end: endWalk)
    }

    private func endWalk() -> ShellResult {
        guard let walk = reviewWalk else { return ShellResult() }
        reviewWalk = nil
        return ShellResult(lines: [StyledLine("Review left: \(walk.accepted) accepted, \(walk.rejected) rejected, "
                                              + "\(Plural.count(walk.commented, "comment")) in this pass; " + reviewProgress(), .dim)])
    }

    /// The `list` line of any reviewable annotation.
    func listLine(_ id: AnnotationID) -> StyledLine? {
        switch workspace.session.record(id) {
        case .claim(let v)?: claimLine(v)
        case .mention(let v)?: mentionLine(v)
        case .stance(let v)?: stanceLine(v)
        case .relation(let v)?: relationLine(v)
        default: nil
        }
    }
}

extension ReviewStatus {
    var verb: String {
        switch self {
        case .open: "reopen"
        case .accepted: "accept"
        case .rejected: "reject"
        }
    }

    var pastTense: String {
        switch self {
        case .open: "reopened"
        case .accepted: "accepted"
        case .rejected: "rejected"
        }
    }
}

extension CommandContext {
    // MARK: - diff

    /// A saved session with its journal's changes applied in memory, without taking its lock.
    func readOnly(_ location: SessionLocation, withJournal: Bool = true) throws(ShellError) -> Session {
        let stored: StoredSession
        do { stored = try host.store.read(location) } catch { throw ShellError("cannot read \(location.name): \(error.message)") }
        return try stored.replayedInMemory(at: location, withJournal: withJournal).session
    }
}

extension CommandContext {
    /// `show ID`'s review part: the status with the decision that set it, earlier decisions, and
    /// every text change with the old and the new quote side by side.
    func reviewFields(_ review: Review?, field: (String, StyledLine) -> Void) {
        guard let review else { return }
        func describe(_ decision: ReviewDecision) -> StyledLine {
            var line = StyledLine(decision.status.rawValue, .label) + StyledLine(" by \(decision.reviewer), \(decision.time)", .dim)
            if let comment = decision.comment { line.append(": " + comment) }
            return line
        }
        if let latest = review.latest {
            field("review", describe(latest))
            for earlier in review.decisions.dropLast().reversed() { field("earlier", describe(earlier)) }
        } else {
            field("review", StyledLine(review.status.rawValue, .label))
        }
        for change in review.textChanges {
            field("text was", StyledLine(quoted(change.old, limit: 140), .dim) + StyledLine("  (\(change.how), \(change.time))", .dim))
            field("now", StyledLine(quoted(change.new, limit: 140)))
        }
    }
}
