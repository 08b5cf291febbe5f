/// Aligns prefix + quote + suffix against a window of the new text and says
/// where the quote starts and ends in it, and how many edits fall in each part.
///
/// The matcher only reports where a match ends and how many errors it has;
/// when a quote was edited at its edges ("fell 3%" → "fell 3.2%") the
/// smallest-error match can be a shorter or longer span than the edited quote.
/// Aligning the stored context with it puts the boundaries where the context
/// says they are. Text inserted right at a boundary is left outside the quote
/// (the tightest span among the best alignments). Text inserted inside the
/// quote costs a quarter of other edits, as in ``ReanchorPolicy/insertionWeight``,
/// so a clause added to a quoted sentence is taken in rather than cut off.
enum SegmentAligner {
    struct Alignment: Equatable {
        /// The quote's span, as folded indices of the text.
        var quote: Range<Int>
        var prefixErrors: Int
        var quoteErrors: Int
        /// How many of `quoteErrors` are text inserted inside the quote.
        var quoteInsertions: Int
        /// Quote units matched in runs of at least ``survivalRun`` (or the whole quote, if shorter):
        /// text that survived, as opposed to letters that happen to agree.
        var quoteKept: Int
        var suffixErrors: Int
    }

    static let survivalRun = 4

    /// The largest table (cells) a single alignment may use.
    static let cellLimit = 4_000_000

    /// Aligns `prefix + quote + suffix` (folded units) against `text[window]`,
    /// free to start and end anywhere in the window. Nil when the table would be too large.
    static func align(prefix: ArraySlice<UInt32>, quote: ArraySlice<UInt32>, suffix: ArraySlice<UInt32>,
                      text: [UInt32], window: Range<Int>) -> Alignment? {
        let pattern = Array(prefix) + Array(quote) + Array(suffix)
        let p = prefix.count, m = quote.count
        let rows = pattern.count + 1, cols = window.count + 1
        guard rows * cols <= cellLimit, !pattern.isEmpty else { return nil }
        // Costs in quarters: an edit is 4, an insertion inside the quote or at its edges 1
        // (at an edge too, so inserted text next to the quote ties with taking it in, and the
        // tie goes outside).
        let edit: Int32 = 4
        func insertionCost(_ row: Int) -> Int32 { row >= p && row <= p + m ? 1 : edit }
        var table = [Int32](repeating: 0, count: rows * cols)
        pattern.withUnsafeBufferPointer { pat in
            text.withUnsafeBufferPointer { text in
                table.withUnsafeMutableBufferPointer { d in
                    // Row 0 is all zeros: the pattern may start anywhere in the window.
                    for i in 1..<rows {
                        let row = i * cols, up = (i - 1) * cols
                        d[row] = Int32(i) * edit
                        let c = pat[i - 1]
                        let insCost = insertionCost(i)
                        for j in 1..<cols {
                            let cost: Int32 = text[window.lowerBound + j - 1] == c ? 0 : edit
                            var best = d[up + j - 1] + cost
                            let del = d[up + j] + edit
                            if del < best { best = del }
                            let ins = d[row + j - 1] + insCost
                            if ins < best { best = ins }
                            d[row + j] = best
                        }
                    }
                }
            }
        }
        // Free end: the leftmost cheapest column of the last row.
        let last = (rows - 1) * cols
        var j = 0
        for c in 1..<cols where table[last + c] < table[last + j] { j = c }
        var i = rows - 1
        let quoteEndRow = p + m
        var start = -1, end = -1
        var errors = [0, 0, 0]  // prefix, quote, suffix
        var quoteInsertions = 0
        // Table columns whose text unit the alignment matched (column c is text unit c - 1 of the window).
        var matched = [Bool](repeating: false, count: cols + 1)
        // Text inserted at each edge, and whether the quote's edge unit itself was replaced.
        var insertedBefore = 0, insertedAfter = 0
        var firstReplaced = false, lastReplaced = false
        var kept = 0, keptRun = 0
        let minRun = min(survivalRun, m)
        func endRun() {
            if keptRun >= minRun { kept += keptRun }
            keptRun = 0
        }
        func charge(row: Int, insertion: Bool) {
            if row <= p {
                errors[0] += 1
            } else if row < quoteEndRow || (row == quoteEndRow && !insertion) {
                errors[1] += 1
                if insertion { quoteInsertions += 1 }
            } else {
                errors[2] += 1
            }
        }
        if i == quoteEndRow { end = j }
        while i > 0 {
            let cur = table[i * cols + j]
            let diagCost: Int32 = j > 0 ? (text[window.lowerBound + j - 1] == pattern[i - 1] ? 0 : edit) : 0
            let canDiag = j > 0 && table[(i - 1) * cols + j - 1] + diagCost == cur
            let canUp = table[(i - 1) * cols + j] + edit == cur
            let canLeft = j > 0 && table[i * cols + j - 1] + insertionCost(i) == cur
            if i == quoteEndRow && canLeft {
                // Text inserted right after the quote stays outside it.
                charge(row: i, insertion: true)
                insertedAfter += 1
                endRun()
                j -= 1
                end = j
                continue
            }
            if canDiag || canUp {
                if i == quoteEndRow && start < 0 { lastReplaced = canDiag && diagCost != 0 }
                if i == p + 1 { firstReplaced = canDiag && diagCost != 0 }
                if canDiag {
                    if diagCost != 0 { charge(row: i, insertion: false) } else { matched[j] = true }
                    if diagCost == 0 && i > p && i <= quoteEndRow { keptRun += 1 } else { endRun() }
                    j -= 1
                } else {
                    charge(row: i, insertion: false)
                    endRun()
                }
                i -= 1
                if i == quoteEndRow { end = j }
                if i == p && start < 0 { start = j }
            } else {
                charge(row: i, insertion: true)
                if i == p { insertedBefore += 1 }
                endRun()
                j -= 1
            }
        }
        endRun()
        if start < 0 { start = j }
        if end < 0 { end = start }
        // A replaced edge unit with text inserted beside it ("June 4" → "June 11"): the
        // replacement is all the inserted text, so it belongs to the quote.
        if lastReplaced { end += insertedAfter }
        if firstReplaced { start -= insertedBefore }
        // An edge of the span that is not held by matched context right outside it keeps only
        // what the quote matched: unmatched text there belongs to whatever replaced the context.
        // It starts (ends) at the first (last) run of `run` matched units, so one stray
        // coincidence cannot drag the edge out over the replacement text.
        let run = min(3, m)
        func runStarts(at c: Int) -> Bool { c + run - 1 <= end && (c..<(c + run)).allSatisfy { matched[$0] } }
        func runEnds(at c: Int) -> Bool { c - run + 1 > start && ((c - run + 1)...c).allSatisfy { matched[$0] } }
        let heldBefore = start >= run && ((start - run + 1)...start).allSatisfy { matched[$0] }
        let heldAfter = end + run <= cols - 1 && ((end + 1)...(end + run)).allSatisfy { matched[$0] }
        if !heldBefore {
            while start < end && !runStarts(at: start + 1) { start += 1 }
        }
        if !heldAfter {
            while end > start && !runEnds(at: end) { end -= 1 }
        }
        // White space at an edge belongs to the span only if the quote has it there.
        let space: UInt32 = 0x20
        if quote.first != space {
            while start < end && text[window.lowerBound + start] == space { start += 1 }
        }
        if quote.last != space {
            while end > start && text[window.lowerBound + end - 1] == space { end -= 1 }
        }
        return Alignment(quote: (window.lowerBound + start)..<(window.lowerBound + max(start, end)),
                         prefixErrors: errors[0], quoteErrors: errors[1], quoteInsertions: quoteInsertions, quoteKept: kept,
                         suffixErrors: errors[2])
    }
}
