/// Finds the words that name a source next to a cue, walking left ("Gen. Reyes said") or right
/// ("said Dr. Lena Ortiz of the Institute").
///
/// A phrase is capitalised words, the titles and groups of `SourcePhraseLexicon`, and the joiners
/// between them; it must end on a name or a head noun. An appositive between source and cue
/// ("Gen. Reyes, the chairman of the Joint Chiefs, argued") is stepped over.
struct SourcePhraseFinder {
    let tokens: [SuggestionToken]

    /// The phrase ending at token `end` (inclusive), not reaching before `floor`.
    func phrase(endingAt end: Int, floor: Int) -> Range<Int>? {
        guard end >= floor, end < tokens.count, tokens[end].isWord else { return nil }
        let last = tokens[end]
        if SourcePhraseLexicon.pronouns.contains(last.lower) { return end..<(end + 1) }
        guard isHead(end) else { return describedGroup(endingAt: end, floor: floor) ?? determinedNoun(endingAt: end, floor: floor) }
        var start = end
        var j = end - 1
        var length = 1
        while j >= floor, length < 22 {
            let token = tokens[j]
            if token.isWord, fitsInside(j) {
                start = j
            } else if isGlue(j) {
                start = j
            } else {
                break
            }
            j -= 1
            length += 1
        }
        return trimmed(start..<(end + 1))
    }

    /// The phrase starting at token `start`, not reaching `limit`.
    func phrase(startingAt start: Int, limit: Int) -> Range<Int>? {
        guard start < limit, tokens[start].isWord else { return nil }
        if SourcePhraseLexicon.pronouns.contains(tokens[start].lower) { return start..<(start + 1) }
        var end = start
        var lastHead: Int?
        var j = start
        while j < limit, j - start < 22 {
            let token = tokens[j]
            if token.isWord, fitsInside(j) {
                if isHead(j) { lastHead = j }
                end = j
            } else if isGlue(j) {
                end = j
            } else {
                break
            }
            j += 1
        }
        guard let head = lastHead, head <= end else { return nil }
        let phrase = trimmed(start..<(head + 1))
        return phrase
    }

    /// "A Qatari official involved in the talks", "officials familiar with the plan": a group and what it knows.
    func describedGroup(endingAt end: Int, floor: Int) -> Range<Int>? {
        var t = end - 1
        while t >= max(floor, end - 6) {
            if tokens[t].isWord, SourcePhraseLexicon.groupTails.contains(tokens[t].lower), t - 1 >= floor, isHead(t - 1),
               (t..<end).allSatisfy({ tokens[$0].isWord }), let group = phrase(endingAt: t - 1, floor: floor) {
                return group.lowerBound..<(end + 1)
            }
            t -= 1
        }
        return nil
    }

    /// "The federation", "the company's board": a determiner and up to three lower-case words.
    func determinedNoun(endingAt end: Int, floor: Int) -> Range<Int>? {
        var t = end
        while t >= floor, end - t < 4 {
            let token = tokens[t]
            guard token.isWord else { return nil }
            if t < end, ["the", "a", "an", "its", "their"].contains(token.lower) { return t..<(end + 1) }
            if token.isCapitalized && t < end || SourcePhraseLexicon.capitalisedStops.contains(token.lower) && token.lower != "the" { return nil }
            t -= 1
        }
        return nil
    }

    /// Whether the token can end a phrase: a capitalised word that is not a sentence opener, or a head noun.
    func isHead(_ i: Int) -> Bool {
        let token = tokens[i]
        guard token.isWord else { return false }
        if token.isCapitalized { return !SourcePhraseLexicon.capitalisedStops.contains(token.lower) }
        if token.lower.hasSuffix("'s"), token.isCapitalized { return true }
        return SourcePhraseLexicon.heads.contains(token.lower)
    }

    func fitsInside(_ i: Int) -> Bool {
        let token = tokens[i]
        if token.isCapitalized { return true }
        let word = token.lower
        if SourcePhraseLexicon.heads.contains(word) || SourcePhraseLexicon.modifiers.contains(word) { return true }
        if SourcePhraseLexicon.joiners.contains(word) { return true }
        if let first = word.unicodeScalars.first, first.value >= 0x30 && first.value <= 0x39 { return true }
        return false
    }

    /// A dot after an abbreviation or initial ("Gen.", "E.", "U.S.") inside a name, or a hyphen or ampersand.
    func isGlue(_ i: Int) -> Bool {
        let token = tokens[i]
        guard token.kind == .punctuation, i > 0, i + 1 < tokens.count else { return false }
        let before = tokens[i - 1], after = tokens[i + 1]
        guard before.isWord, after.isWord else { return false }
        if token.lower == "&" { return true }
        guard before.range.upperBound == token.range.lowerBound else { return false }
        guard token.lower == "." else { return false }
        let short = before.lower.unicodeScalars.count == 1 && before.isCapitalized
        return (short || SourcePhraseLexicon.abbreviations.contains(before.lower)) && fitsInside(i + 1)
    }

    /// Drops joiners and openers at the edges: "On Tuesday President Marsh" → "President Marsh".
    func trimmed(_ range: Range<Int>) -> Range<Int>? {
        var start = range.lowerBound
        var end = range.upperBound
        for i in range where tokens[i].isWord && tokens[i].isCapitalized && SourcePhraseLexicon.capitalisedStops.contains(tokens[i].lower)
                && !["the", "a", "an"].contains(tokens[i].lower) {
            start = i + 1
        }
        while start < end, tokens[start].isWord, SourcePhraseLexicon.weekdaysAndTimes.contains(tokens[start].lower)
                || tokens[start].lower.unicodeScalars.first.map({ $0.value >= 0x30 && $0.value <= 0x39 }) == true
                    && start + 1 < end && !SourcePhraseLexicon.heads.contains(tokens[start + 1].lower)
                    && !SourcePhraseLexicon.modifiers.contains(tokens[start + 1].lower) {
            start += 1
        }
        while start < end, tokens[start].kind == .punctuation
                || SourcePhraseLexicon.joiners.contains(tokens[start].lower) && !tokens[start].isCapitalized {
            start += 1
        }
        while end > start, tokens[end - 1].kind == .punctuation || !isHead(end - 1) && tokens[end - 1].isWord
                && (SourcePhraseLexicon.joiners.contains(tokens[end - 1].lower) || SourcePhraseLexicon.modifiers.contains(tokens[end - 1].lower)) {
            end -= 1
        }
        guard start < end else { return nil }
        // A phrase must name someone: a capitalised word or a head noun.
        guard (start..<end).contains(where: { isHead($0) }) else { return nil }
        return start..<end
    }
}
