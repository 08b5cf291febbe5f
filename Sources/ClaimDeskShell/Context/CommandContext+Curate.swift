import ClaimDeskCore

/// How a conflict is settled.
enum ConflictChoice: Equatable {
    /// One session's version, by its position (`a` is 0).
    case version(Int)
    /// Every distinct version, the first under the annotation's id and the others under new ids.
    case keepAll
    /// None: the annotation goes, with what points at it.
    case drop
    /// The annotation as the session now holds it, after a command edited it.
    case edited(String)
}

extension CommandContext {
    // MARK: - curate and resolve

    func openConflict(_ typed: String) throws(ShellError) -> Conflict {
        let id = AnnotationID(typed)
        guard id.kind == .conflict else {
            throw ShellError("\(typed) is not a conflict id; conflicts look like x1 (curate lists them)")
        }
        guard let conflict = workspace.session.conflicts[id] else {
            throw ShellError("no open conflict \(id); curate lists the open ones")
        }
        return conflict
    }

    /// Settles a conflict as one change: the chosen annotation in place (with a comment that
    /// says how it was chosen), the conflict gone.
    @discardableResult
    func settle(_ conflict: Conflict, _ choice: ConflictChoice) throws(ShellError) -> [StyledLine] {
        let session = workspace.session
        let subject = conflict.subject
        var edits: [Change.Edit] = []
        let how: String
        var kept: [AnnotationID] = []
        func note(_ record: Record, _ text: String) -> Record {
            record.updatingReview {
                $0.decide(ReviewDecision(status: $0.status, reviewer: workspace.analyst, time: workspace.now, comment: text))
            } ?? record
        }
        switch choice {
        case .version(let index) where conflict.versions[index].record != nil:
            guard let record = conflict.versions[index].record else { return [] }
            try checkReferences(record, conflict, Conflict.letter(index))
            let version = conflict.versions[index]
            let origin = version.analyst == version.session ? version.analyst : "\(version.analyst), \(version.session)"
            how = "took \(Conflict.letter(index)) (\(origin))"
            edits.append(Change.Edit(before: session.record(subject), after: note(record, "curated \(conflict.id): \(how)")))
            kept = [subject]
        case .version(let index):
            how = "took \(Conflict.letter(index)) (\(conflict.versions[index].analyst): none)"
            edits += removal(of: subject)
        case .drop:
            how = "dropped"
            edits += removal(of: subject)
        case .keepAll:
            if subject.kind == .stance {
                throw ShellError("a source holds one stance on a target; take one version (a, b, …) or drop it")
            }
            var distinct: [Record] = []
            for record in conflict.versions.compactMap(\.record)
            where !distinct.contains(where: { MergeDisagreement.fields($0, record).isEmpty }) {
                distinct.append(record)
            }
            guard let first = distinct.first, let kind = subject.kind else { return try settle(conflict, .drop) }
            for (i, record) in distinct.enumerated() { try checkReferences(record, conflict, Conflict.letter(i)) }
            how = "kept \(Plural.count(distinct.count, "version"))"
            edits.append(Change.Edit(before: session.record(subject), after: note(first, "curated \(conflict.id): \(how)")))
            kept = [subject]
            let newIDs = session.nextIDs(kind, count: distinct.count - 1)
            var noteIDs = session.nextIDs(.note, count: distinct.dropFirst().reduce(0) { $0 + $1.notes.count })[...]
            for (record, id) in zip(distinct.dropFirst(), newIDs) {
                var fresh: [AnnotationID: AnnotationID] = [:]
                for old in record.notes { fresh[old.id] = noteIDs.popFirst() ?? old.id }
                let copy = record.remapped(to: id) { fresh[$0] ?? $0 }
                edits.append(Change.Edit(before: nil, after: note(copy, "curated \(conflict.id): \(how), this one as \(id)")))
                kept.append(id)
            }
        case .edited(let command):
            guard let current = session.record(subject) else {
                throw ShellError("\(subject) is no longer in the session; take a version (a, b, …) instead")
            }
            how = "edited (\(command))"
            edits.append(Change.Edit(before: current, after: note(current, "curated \(conflict.id): \(how)")))
            kept = [subject]
        }
        edits.append(Change.Edit(before: .conflict(conflict), after: nil))
        try commit("resolve \(conflict.id) \(how)", edits)
        var line = StyledLine(conflict.id.rawValue, .id) + StyledLine(" settled: \(how)")
        if !kept.isEmpty { line.append("; " + kept.map(\.rawValue).joined(separator: ", "), .id) }
        return [line, StyledLine(conflictsProgress(), .dim)]
    }

    /// Edits that remove an annotation and everything that points at it, as `rm` does.
    private func removal(of id: AnnotationID) -> [Change.Edit] {
        let session = workspace.session
        guard session.record(id) != nil else { return [] }
        var doomed: [AnnotationID] = [id]
        var index = 0
        while index < doomed.count {
            for dependent in session.dependents(of: doomed[index]) where !doomed.contains(dependent) { doomed.append(dependent) }
            index += 1
        }
        return doomed.reversed().compactMap { id in session.record(id).map { Change.Edit(before: $0, after: nil) } }
    }

    /// A version may name a source or claim removed since the merge; it cannot come back then.
    private func checkReferences(_ record: Record, _ conflict: Conflict, _ letter: String) throws(ShellError) {
        for reference in record.references where workspace.session.record(reference.id) == nil && reference.id != conflict.subject {
            throw ShellError("version \(letter) of \(conflict.id) names \(reference.id) (its \(reference.field)), which is no longer "
                             + "in the session; take another version or drop it")
        }
        for anchor in record.anchors where workspace.session.articles[anchor.anchor.article] == nil {
            throw ShellError("version \(letter) of \(conflict.id) is on article \(anchor.anchor.article), which is no longer in the session")
        }
    }

    /// "3 conflicts open", for `status` and after each settlement.
    func conflictsProgress() -> String {
        let open = workspace.session.conflicts.count
        return open == 0 ? "no conflicts open" : "\(Plural.count(open, "conflict")) open"
    }

    // MARK: - Showing conflicts

    /// One line per conflict for `curate` in a script: its id, the annotation, what differs.
    func conflictLine(_ conflict: Conflict) -> StyledLine {
        var line = idColumn(conflict.id) + StyledLine(conflict.subject.rawValue, .id)
        line.append(" " + conflict.disagreements.joined(separator: ", "), .label)
        if let record = conflict.versions.compactMap(\.record).first, let text = quoteOf(record) {
            line.append(" " + quoted(text, limit: 60))
        }
        return line
    }

    /// A conflict in full: the text in its sentences, then each version on a line.
    func conflictLines(_ conflict: Conflict) -> [StyledLine] {
        let session = workspace.session
        var lines = [StyledLine(conflict.id.rawValue, .id) + StyledLine("  conflict on ", .heading) + StyledLine(conflict.subject.rawValue, .id)
                     + StyledLine("  differs in: " + conflict.disagreements.joined(separator: ", "), .label)]
        let anchors = conflict.versions.compactMap(\.record).flatMap { $0.anchors.map(\.anchor) }
        if let first = anchors.first(where: { !$0.isOrphaned }), let article = session.articles[first.article] {
            let marks = anchors.filter { $0.article == first.article && !$0.isOrphaned }
                .map { ArticleView.Mark(range: $0.range, id: nil, style: .hit) }
            let covering = marks.map(\.range).reduce(first.range) { min($0.lowerBound, $1.lowerBound)..<max($0.upperBound, $1.upperBound) }
            lines += ArticleView(article: article, marks: marks).lines(sentences: article.content.sentenceIndices(overlapping: covering))
        }
        for (i, version) in conflict.versions.enumerated() {
            var line = StyledLine("  " + Conflict.letter(i) + "  ", .strong) + StyledLine("\(version.analyst) (\(version.session))  ", .dim)
            line = line + versionSummary(version.record)
            lines.append(line)
        }
        return lines
    }

    /// What a version says, in one line: its quote and the fields a merge compares.
    private func versionSummary(_ record: Record?) -> StyledLine {
        switch record {
        case nil:
            return StyledLine("none (this session does not have it)", .dim)
        case .claim(let claim)?:
            var line = StyledLine(quoted(claim.anchor.exact, limit: 70)) + StyledLine(" @\(claim.anchor.start)-\(claim.anchor.end)", .dim)
            if let claimant = claim.claimant { line.append(" by " + sourceName(claimant)) }
            if !claim.via.isEmpty { line.append(" via " + claim.via.map(sourceName).joined(separator: " → ")) }
            if let cue = claim.cue { line.append(" · cue " + quoted(cue.exact, limit: 30)) }
            line.append(" · ")
            line.append(claim.kind, .label)
            line.append(" · ")
            line.append(claim.verdict, .label)
            if let worthy = claim.checkWorthy { line.append(" · check-worthy \(worthy ? "yes" : "no")") }
            return line
        case .mention(let mention)?:
            return StyledLine(quoted(mention.anchor.exact, limit: 70)) + StyledLine(" @\(mention.anchor.start)-\(mention.anchor.end)", .dim)
                + StyledLine(" names " + sourceName(mention.source))
        case .stance(let stance)?:
            var line = StyledLine(sourceName(stance.holder) + " ") + StyledLine(stance.label, .label)
            line.append(" on " + quoted(targetText(stance.target), limit: 50))
            if !stance.evidence.isEmpty { line.append(" · evidence " + stance.evidence.map { quoted($0.exact, limit: 40) }.joined(separator: ", ")) }
            return line
        case .relation(let relation)?:
            return StyledLine(relation.from.rawValue, .id) + StyledLine(" ") + StyledLine(relation.type, .label) + StyledLine(" ")
                + StyledLine(relation.to.rawValue, .id)
        case let other?:
            return StyledLine(other.id?.rawValue ?? "")
        }
    }

    private func quoteOf(_ record: Record) -> String? {
        switch record {
        case .claim(let c): c.anchor.exact
        case .mention(let m): m.anchor.exact
        case .stance(let s): "\(sourceName(s.holder)) \(s.label) on \(targetText(s.target))"
        case .relation(let r): "\(r.from) \(r.type) \(r.to)"
        default: nil
        }
    }

    // MARK: - The walk

    func curateItemLines() -> [StyledLine] {
        guard let walk = reviewWalk, let id = walk.current, let conflict = workspace.session.conflicts[id] else { return [] }
        return [StyledLine("\(walk.position + 1) of \(walk.ids.count)", .heading)] + conflictLines(conflict)
    }

    /// One key of a curate walk.
    func curateKey(_ key: Character) -> ShellResult {
        guard var walk = reviewWalk, let id = walk.current else {
            reviewWalk = nil
            return ShellResult()
        }
        guard let conflict = workspace.session.conflicts[id] else {
            // Settled some other way (undo, a command): move on.
            walk.ids.remove(at: walk.position)
            reviewWalk = walk
            return curateAdvanced()
        }
        let typed = key.lowercased()
        let screens = PassScreens(item: curateItemLines, advanced: curateAdvanced, end: endCurate, keys: ReviewWalk.curateKeys)
        if let shared = sharedPassKey(typed, walk: walk, screens) { return shared }
        switch typed {
        case "k": return settleInWalk(conflict, .keepAll)
        case "d": return settleInWalk(conflict, .drop)
        case "e":
            walk.question = .command
        default:
            let index = Int(typed).map { $0 - 1 } ?? (typed == "a" || typed == "b" || typed == "c" ? conflict.version(typed) : nil)
            guard let index, conflict.versions.indices.contains(index) else {
                return ShellResult(error: ShellError("no key \(key) in curate; \(ReviewWalk.curateKeys)"))
            }
            return settleInWalk(conflict, .version(index))
        }
        reviewWalk = walk
        return ShellResult()
    }

    /// The command asked for by `e`: run on the conflict's annotation, which then counts as settled.
    func curateAnswer(_ text: String) -> ShellResult {
        guard var walk = reviewWalk, let id = walk.current, walk.question != nil else { return ShellResult() }
        walk.question = nil
        reviewWalk = walk
        let answer = text.trimmingCharacters(in: .whitespaces)
        guard !answer.isEmpty, let conflict = workspace.session.conflicts[id] else { return ShellResult(lines: [StyledLine("(nothing done)", .dim)]) }
        var words = answer.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        if !words.contains(conflict.subject.rawValue) { words.insert(conflict.subject.rawValue, at: min(1, words.count)) }
        let command = words.joined(separator: " ")
        var result = execute(command)
        guard result.succeeded else { return result }
        let settled = settleInWalk(conflict, .edited(command))
        result.lines += settled.lines
        result.error = settled.error
        return result
    }

    private func settleInWalk(_ conflict: Conflict, _ choice: ConflictChoice) -> ShellResult {
        do {
            let lines = try settle(conflict, choice)
            reviewWalk?.resolved += 1
            if let position = reviewWalk?.position { reviewWalk?.ids.remove(at: position) }
            let next = curateAdvanced()
            return ShellResult(lines: lines + next.lines, error: next.error)
        } catch {
            return ShellResult(error: error)
        }
    }

    private func curateAdvanced() -> ShellResult {
        advance(showing: curateItemLines, end: endCurate)
    }

    private func endCurate() -> ShellResult {
        guard let walk = reviewWalk else { return ShellResult() }
        reviewWalk = nil
        return ShellResult(lines: [StyledLine("Curate left: \(walk.resolved) settled in this pass; " + conflictsProgress(), .dim)])
    }
}
