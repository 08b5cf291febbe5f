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
    /// Placements whose shift is within this of the candidate's moved with it.
    let tolerance: Int

    init(_ placements: [Placement], tolerance: Int = ReanchorPolicy.otherTextTolerance) {
        self.placements = placements.sorted { $0.new.lowerBound < $1.new.lowerBound }
        self.tolerance = tolerance
    }

    var isEmpty: Bool { placements.isEmpty }

    /// Whether the new-text range `candidate` is other old text than `old`. Placements that moved
    /// as the candidate would have (the annotated passage's own neighbours, or other anchors on
    /// the same look-alike) say nothing either way; of the others, one overlapping the candidate
    /// shows it came from elsewhere, and the nearest ones before and after it, in their old order,
    /// show it when the annotated text did not stand between them and the new text between them
    /// has no room for it (it was not moved or inserted there).
    func isOtherText(_ candidate: Range<Int>, for old: Range<Int>) -> Bool {
        let shift = candidate.lowerBound - old.lowerBound
        func independent(_ p: Placement) -> Bool { abs(p.shift - shift) > tolerance }
        var lo = 0, hi = placements.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if placements[mid].new.lowerBound < candidate.lowerBound { lo = mid + 1 } else { hi = mid }
        }
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
        guard let before, let after, candidate.lowerBound - before.new.upperBound <= Self.closeBy,
              after.new.lowerBound - candidate.upperBound <= Self.closeBy else { return false }
        let oldGap = after.old.lowerBound - before.old.lowerBound
        let newGap = after.new.lowerBound - before.new.lowerBound
        // They must have been near each other in the old text too (not two moved paragraphs side by side).
        guard oldGap >= 0, oldGap <= Self.maximumSpan else { return false }
        if before.old.lowerBound <= old.lowerBound, old.upperBound <= after.old.upperBound { return false }
        return newGap - oldGap < candidate.count / 2
    }

    /// How close (code points of new text) the placements either side must be to vouch for it.
    static let closeBy = 256
    /// How many placements each side are looked at for one that moved otherwise than the candidate.
    static let lookAround = 16
    /// Placements further than this (code points of new text) from the candidate say nothing about it.
    static let maximumSpan = 4096
}
