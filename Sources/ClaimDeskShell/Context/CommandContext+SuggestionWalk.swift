import ClaimDeskCore

extension CommandContext {
    // MARK: - suggest walk

    /// The suggestion under the walk: its sentences with the content marked, then its line.
    func suggestionWalkItemLines() -> [StyledLine] {
        guard let walk = reviewWalk, let id = walk.current, case .suggestions(let articleID) = walk.purpose,
              let article = workspace.session.articles[articleID], let index = ArticleSuggestions.index(id.rawValue) else { return [] }
        let list = suggestions(for: article).all
        guard index < list.count else { return [] }
        let suggestion = list[index]
        var marks = suggestion.content.map { ArticleView.Mark(range: $0, id: nil, style: .hit) }
        marks += (suggestion.cue ?? []).map { ArticleView.Mark(range: $0, id: nil, style: .span(.cue)) }
        marks.sort { $0.range.lowerBound < $1.range.lowerBound }
        let sentences = article.content.sentenceIndices(overlapping: suggestion.contentHull)
        return [StyledLine("\(walk.position + 1) of \(walk.ids.count)", .heading)]
            + ArticleView(article: article, marks: marks).lines(sentences: sentences)
            + suggestionLines(suggestion, index: index, in: article)
    }

    /// One key of a suggestion walk.
    func suggestionWalkKey(_ key: Character) -> ShellResult {
        guard let walk = reviewWalk, let id = walk.current else {
            reviewWalk = nil
            return ShellResult()
        }
        let screens = PassScreens(item: suggestionWalkItemLines, advanced: suggestionWalkAdvanced, end: endSuggestionWalk,
                                  keys: ReviewWalk.suggestionKeys, nextKeys: ["s", "n", " ", "\n", "\r"])
        if let shared = sharedPassKey(key.lowercased(), walk: walk, screens) { return shared }
        switch key.lowercased() {
        case "a", "r", "e":
            do {
                let accepting = key.lowercased() != "r"
                let claim = workspace.session.nextID(.claim)
                let lines = accepting ? try AcceptCommand(suggestions: [id.rawValue]).acceptSuggestions(in: self)
                    : try RejectCommand(suggestions: [id.rawValue]).rejectSuggestions(in: self)
                if accepting { reviewWalk?.accepted += 1 } else { reviewWalk?.rejected += 1 }
                reviewWalk?.position += 1
                if key.lowercased() == "e", workspace.session.claims[claim] != nil {
                    // Accepted; the command asked for next corrects the new claim (set by Marsh → set c4 by Marsh).
                    reviewWalk?.editing = claim
                    reviewWalk?.question = .command
                    return ShellResult(lines: lines)
                }
                let next = suggestionWalkAdvanced()
                return ShellResult(lines: lines + next.lines, error: next.error)
            } catch {
                return ShellResult(error: error)
            }
        default:
            return ShellResult(error: ShellError("no key \(key) in a suggestion walk; \(ReviewWalk.suggestionKeys)"))
        }
    }

    /// The command asked for by `e`, run on the claim just made (its id put in as the review pass
    /// does); then the walk goes on. Empty text keeps the claim as accepted.
    func suggestionWalkAnswer(_ text: String) -> ShellResult {
        guard var walk = reviewWalk, walk.question != nil, let claim = walk.editing else { return ShellResult() }
        walk.question = nil
        walk.editing = nil
        reviewWalk = walk
        let answer = text.trimmingCharacters(in: .whitespaces)
        var result = ShellResult(lines: [StyledLine("(kept as accepted)", .dim)])
        if !answer.isEmpty {
            var words = answer.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            if !words.contains(claim.rawValue) { words.insert(claim.rawValue, at: min(1, words.count)) }
            result = execute(words.joined(separator: " "))
        }
        let next = suggestionWalkAdvanced()
        result.lines += next.lines
        if result.error == nil { result.error = next.error }
        return result
    }

    /// After moving on: the next suggestion still open (one accepted may have claimed a neighbour's
    /// words, an undo may have reopened one), or the end of the walk.
    private func suggestionWalkAdvanced() -> ShellResult {
        guard var walk = reviewWalk, case .suggestions(let articleID) = walk.purpose,
              let article = workspace.session.articles[articleID] else { return endSuggestionWalk() }
        let list = suggestions(for: article).all
        let isOpen = openSuggestionTest(on: article)
        while let id = walk.current {
            if let index = ArticleSuggestions.index(id.rawValue), index < list.count, isOpen(list[index]) { break }
            walk.ids.remove(at: walk.position)
        }
        reviewWalk = walk
        if walk.current == nil { return endSuggestionWalk() }
        return ShellResult(lines: suggestionWalkItemLines())
    }

    private func endSuggestionWalk() -> ShellResult {
        guard let walk = reviewWalk else { return ShellResult() }
        reviewWalk = nil
        return ShellResult(lines: [StyledLine("Suggestion walk left: \(walk.accepted) accepted, \(walk.rejected) rejected in this pass; "
                                              + "suggest lists what is still open", .dim)])
    }
}
