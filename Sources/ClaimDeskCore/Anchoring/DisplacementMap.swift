/// Where the anchors placed with confidence went: for a stretch of the new text, which old text
/// it came from. A passage found far from where an anchor's neighbours say it belongs may be the
/// anchor's text moved or re-inserted there, or a look-alike that was already in the old text
/// somewhere else (a repeated sentence, a boilerplate line) while the annotated passage was
/// deleted. Only the second lies among placed anchors from other old text, with no room between
/// them for the annotated passage to have been moved or inserted.
///
/// Offsets are code points: `old` of the text the anchors were made on, `new` of the new text.
struct DisplacementMap: Sendable {
    struct Placement: Sendable {
        var old: Range<Int>
        var new: Range<Int>
        var shift: Int { new.lowerBound - old.lowerBound }
    }

    /// Sorted by new start.
    private let placements: [Placement]
    /// The same, sorted by old start.
    private let byOld: [Placement]
    /// Every anchor found unchanged (short quotes and those looked at again included), sorted by
    /// old start: where old text went, so that a stretch emptied by a move counts as room.
    private let moves: [Placement]
    /// Placements whose shift is within this of the candidate's moved with it.
    let tolerance: Int

    /// `moves` defaults to the placements themselves.
    init(_ placements: [Placement], moves: [Placement]? = nil, tolerance: Int = ReanchorPolicy.otherTextTolerance) {
        self.placements = placements.sorted { $0.new.lowerBound < $1.new.lowerBound }
        self.byOld = placements.sorted { $0.old.lowerBound < $1.old.lowerBound }
        self.moves = moves.map { $0.sorted { $0.old.lowerBound < $1.old.lowerBound } } ?? byOld
        self.tolerance = tolerance
    }

    var isEmpty: Bool { placements.isEmpty }

    /// Whether the new-text range `candidate` is other old text than `old`. Placements that moved
    /// as the candidate would have (the annotated passage's own neighbours, or other anchors on
    /// the same look-alike) say nothing either way; of the others, one overlapping the candidate
    /// shows it came from elsewhere, and the nearest ones before and after it, in their old order,
    /// show it when the annotated text did not stand between them and the new text between them
    /// has no room for it (it was not moved or inserted there).
    func isOtherText(_ candidate: Range<Int>, for old: Range<Int>, closeBy: Int = DisplacementMap.closeBy) -> Bool {
        let shift = candidate.lowerBound - old.lowerBound
        func independent(_ p: Placement) -> Bool { abs(p.shift - shift) > tolerance }
        let lo = BinarySearch.firstIndex(upTo: placements.count) { placements[$0].new.lowerBound < candidate.lowerBound }
        var after: Placement?
        var i = lo
        while i < placements.count, i - lo < Self.lookAround, placements[i].new.lowerBound - candidate.upperBound <= Self.maximumSpan {
            let p = placements[i]
            i += 1
            guard independent(p) else { continue }
            if p.new.lowerBound < candidate.upperBound { return true }
            after = p
            break
        }
        var before: Placement?
        var j = lo - 1
        while j >= 0, lo - j <= Self.lookAround, candidate.lowerBound - placements[j].new.lowerBound <= Self.maximumSpan {
            let p = placements[j]
            j -= 1
            guard independent(p) else { continue }
            if p.new.upperBound > candidate.lowerBound { return true }
            before = p
            break
        }
        // Only placements close around it vouch that nothing was inserted there (a moved paragraph
        // may take the place of a deleted one of the same length, farther off).
        guard let before, let after, candidate.lowerBound - before.new.upperBound <= closeBy,
              after.new.lowerBound - candidate.upperBound <= closeBy else { return false }
        let oldGap = after.old.lowerBound - before.old.lowerBound
        let newGap = after.new.lowerBound - before.new.lowerBound
        // They must have been near each other in the old text too (not two moved paragraphs side by side).
        guard oldGap >= 0, oldGap <= Self.maximumSpan else { return false }
        if before.old.lowerBound <= old.lowerBound, old.upperBound <= after.old.upperBound { return false }
        // Old text between them that now stands elsewhere left room (two paragraphs of about the
        // same length that traded places).
        return newGap - oldGap + vacated(between: before, and: after) < candidate.count / 2
    }

    /// How much of the old text between `before` and `after` now lies elsewhere: the old stretch
    /// of the anchors from there found outside them in the new text.
    private func vacated(between before: Placement, and after: Placement) -> Int {
        let from = before.old.upperBound, to = after.old.lowerBound
        guard from < to else { return 0 }
        let lo = BinarySearch.firstIndex(upTo: moves.count) { moves[$0].old.lowerBound < from }
        var first: Int?, last = from
        var i = lo
        while i < moves.count, moves[i].old.lowerBound < to, i - lo < Self.lookAround * 4 {
            let p = moves[i]
            i += 1
            if p.new.lowerBound >= before.new.lowerBound, p.new.lowerBound <= after.new.lowerBound { continue }
            if first == nil { first = p.old.lowerBound }
            last = max(last, min(p.old.upperBound, to))
        }
        return first.map { last - $0 } ?? 0
    }

    /// Whether the candidate is other old text, as ``isOtherText(_:for:closeBy:)`` says; when the
    /// annotated passage's own place shrank (it was deleted or moved away), placements up to
    /// ``maximumSpan`` away from the candidate settle it, not only those close around it: a
    /// repetition far from any long anchor is then still recognised as text that was there before.
    func liesOnOtherText(_ candidate: Range<Int>, for old: Range<Int>) -> Bool {
        isOtherText(candidate, for: old) || wasDeleted(old, leaving: candidate)
    }

    /// Whether the placements around `old` show that its place shrank (the passage was deleted or
    /// moved away) and those up to ``maximumSpan`` around `candidate` show that it is other old text.
    func wasDeleted(_ old: Range<Int>, leaving candidate: Range<Int>) -> Bool {
        let shift = candidate.lowerBound - old.lowerBound
        guard let home = neighbours(of: old, shift: shift), !home.hasRoom(for: old) else { return false }
        return isOtherText(candidate, for: old, closeBy: Self.maximumSpan)
    }

    /// Whether a passage found unchanged at `new` is probably a copy (a pull quote) while the
    /// annotated text still stands, perhaps edited, where it was: the nearest placements before and
    /// after it in the old text that moved otherwise are no closer together than they were, and
    /// the placements that moved as it did (the copy's other anchors) come from one short stretch
    /// of old text. A moved paragraph leaves its old place shrunk, so it is never suspected.
    /// `quoteRepeats` says whether the quote stands more than once in the new text; it is asked
    /// only of a passage found between those placements.
    func isSuspectedCopy(old: Range<Int>, new: Range<Int>, quoteRepeats: () -> Bool) -> Bool {
        guard let home = neighbours(of: old, shift: new.lowerBound - old.lowerBound),
              home.sameShift.count <= Self.copySpan, home.hasRoom(for: old) else { return false }
        // Found between those placements, it must have come with text added there (a paragraph
        // reordered among its neighbours moves within room that was already there), and its quote
        // must stand twice: text inserted on both sides of a passage left in place looks the same.
        let between = home.before.new.lowerBound < new.lowerBound && new.lowerBound < home.after.new.lowerBound
        guard !between || (home.growth >= max(1, old.count / 2) && quoteRepeats()) else { return false }
        // Room filled with text from elsewhere in the old text is a reordering, not a copy.
        return !hasMovedIn(between: home.before, and: home.after)
    }

    /// Whether a placement from old text outside `before`...`after` lies between them in the new text.
    private func hasMovedIn(between before: Placement, and after: Placement) -> Bool {
        let from = min(before.new.lowerBound, after.new.lowerBound), to = max(before.new.lowerBound, after.new.lowerBound)
        let lo = BinarySearch.firstIndex(upTo: placements.count) { placements[$0].new.lowerBound <= from }
        var i = lo
        while i < placements.count, placements[i].new.lowerBound < to, i - lo < Self.lookAround {
            let p = placements[i]
            if p.old.lowerBound < before.old.lowerBound || p.old.lowerBound > after.old.lowerBound { return true }
            i += 1
        }
        return false
    }

    /// The nearest placements before and after `old` (by old start) whose shift differs from `shift`
    /// by more than ``tolerance``, and the old stretch covered by the placements between them, which
    /// moved by `shift`. Nil when there is no such placement on one side within ``lookAround``
    /// placements and ``maximumSpan`` code points.
    private func neighbours(of old: Range<Int>, shift: Int) -> Home? {
        func independent(_ p: Placement) -> Bool { abs(p.shift - shift) > tolerance }
        let lo = BinarySearch.firstIndex(upTo: byOld.count) { byOld[$0].old.lowerBound < old.lowerBound }
        var first = old.lowerBound, last = old.lowerBound
        var before: Placement?
        var j = lo - 1
        while j >= 0, lo - j <= Self.lookAround, old.lowerBound - byOld[j].old.lowerBound <= Self.maximumSpan {
            if independent(byOld[j]) { before = byOld[j]; break }
            first = byOld[j].old.lowerBound
            j -= 1
        }
        var after: Placement?
        var i = lo
        while i < byOld.count, i - lo < Self.lookAround, byOld[i].old.lowerBound - old.lowerBound <= Self.maximumSpan {
            if independent(byOld[i]) { after = byOld[i]; break }
            last = max(last, byOld[i].old.lowerBound)
            i += 1
        }
        guard let before, let after, before.old.lowerBound < after.old.lowerBound else { return nil }
        return Home(before: before, after: after, sameShift: first..<(last + 1))
    }

    /// Where a passage stood: the placements around it that moved otherwise than it did.
    private struct Home {
        var before: Placement
        var after: Placement
        var sameShift: Range<Int>

        /// Whether `before` and `after` are still in order and no closer together, less half the
        /// passage, than they were: nothing as long as the passage was taken out between them.
        func hasRoom(for old: Range<Int>) -> Bool {
            growth > -max(1, old.count / 2)
        }

        /// How much longer the new text between them is than the old.
        var growth: Int {
            (after.new.lowerBound - before.new.lowerBound) - (after.old.lowerBound - before.old.lowerBound)
        }
    }

    /// Placements that moved together over more old text than this (code points) are not one copied sentence.
    static let copySpan = 512
    /// How close (code points of new text) the placements either side must be to vouch for it.
    static let closeBy = 256
    /// How many placements each side are looked at for one that moved otherwise than the candidate.
    static let lookAround = 16
    /// Placements further than this (code points of new text) from the candidate say nothing about it.
    static let maximumSpan = 4096
}
