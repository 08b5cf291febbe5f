/// A pattern prepared for ``BitParallelMatcher``: for every symbol of the
/// alphabet, a bit mask of the pattern positions holding it, in 64-bit blocks.
///
/// Symbols are small dense integers (``AnchoringText`` maps folded code points
/// to them), so a mask is one array load per text position.
struct BitParallelPattern: Sendable {
    let length: Int
    let blockCount: Int
    /// `(alphabetSize + 1) * blockCount` masks; the last row is for symbols the text never has.
    let masks: [UInt64]

    /// `symbols` must be in `0...alphabetSize` (`alphabetSize` itself meaning "not in the text").
    init(symbols: [Int], alphabetSize: Int) {
        precondition(!symbols.isEmpty, "an empty pattern matches everywhere")
        length = symbols.count
        blockCount = (symbols.count + 63) / 64
        var masks = [UInt64](repeating: 0, count: (alphabetSize + 1) * blockCount)
        for (i, s) in symbols.enumerated() where s < alphabetSize {
            masks[s * blockCount + i / 64] |= 1 << UInt64(i % 64)
        }
        self.masks = masks
    }
}

/// Approximate string matching with Myers' bit-vector algorithm (1999), in
/// the blocked form for patterns longer than a machine word (Hyyrö 2003).
///
/// It computes the last row of the edit-distance table, one text position at
/// a time, 64 pattern rows per machine operation: O(n·⌈m/64⌉) instead of the
/// O(n·m) of the plain table, and it finds every end position within the
/// error bound, so nothing is missed the way a filter or a heuristic could.
enum BitParallelMatcher {
    /// Calls `hit(end, errors)` for every `end` in `range` (exclusive end
    /// offsets into `text`, i.e. `range.lowerBound + 1 ... range.upperBound`)
    /// where some substring of `text[range]` ending there is within
    /// `maxErrors` edits (unit-cost insertions, deletions, substitutions) of the pattern.
    static func search(_ pattern: BitParallelPattern, in text: [UInt32], range: Range<Int>, maxErrors: Int,
                       hit: (_ end: Int, _ errors: Int) -> Void) {
        scan(pattern, in: text, range: range, anchored: false) { end, score in
            if score <= maxErrors { hit(end, score) }
        }
    }

    /// The edit distance between the pattern and `text[range]` as a whole (Levenshtein).
    static func distance(_ pattern: BitParallelPattern, to text: [UInt32], range: Range<Int>) -> Int {
        var last = pattern.length
        scan(pattern, in: text, range: range, anchored: true) { _, score in last = score }
        return last
    }

    /// The fewest edits between a pattern of at most 64 units and the text read from `start`
    /// in direction `step` (+1 or -1) for at most `limit` units, the pattern aligned from
    /// `start` and free to end anywhere: how well stored context fits next to a candidate.
    static func anchoredDistance(_ pattern: BitParallelPattern, in text: [UInt32], from start: Int, step: Int, limit: Int) -> Int {
        precondition(pattern.blockCount == 1, "context patterns fit in one word")
        let m = pattern.length
        let high: UInt64 = 1 << UInt64(m - 1)
        var pv: UInt64 = ~0, mv: UInt64 = 0
        var score = m, best = m
        pattern.masks.withUnsafeBufferPointer { masks in
            text.withUnsafeBufferPointer { text in
                var j = start
                for _ in 0..<limit {
                    let eq = masks[Int(text[j])]
                    let xv = eq | mv
                    let xh = (((eq & pv) &+ pv) ^ pv) | eq
                    var ph = mv | ~(xh | pv)
                    var mh = pv & xh
                    if ph & high != 0 { score &+= 1 } else if mh & high != 0 { score &-= 1 }
                    ph = (ph << 1) | 1
                    mh <<= 1
                    pv = mh | ~(xv | ph)
                    mv = ph & xv
                    if score < best { best = score }
                    j += step
                }
            }
        }
        return best
    }

    /// The shared loop: `anchored` makes the top row count from the start of
    /// `range` (global alignment) instead of being free (search).
    private static func scan(_ pattern: BitParallelPattern, in text: [UInt32], range: Range<Int>, anchored: Bool,
                             each: (_ end: Int, _ score: Int) -> Void) {
        let m = pattern.length
        let blocks = pattern.blockCount
        let lastHigh: UInt64 = 1 << UInt64((m - 1) % 64)
        var score = m
        let topIn = anchored ? 1 : 0
        pattern.masks.withUnsafeBufferPointer { masks in
            text.withUnsafeBufferPointer { text in
                if blocks == 1 {
                    var pv: UInt64 = ~0, mv: UInt64 = 0
                    for j in range {
                        let eq = masks[Int(text[j])]
                        let xv = eq | mv
                        let xh = (((eq & pv) &+ pv) ^ pv) | eq
                        var ph = mv | ~(xh | pv)
                        var mh = pv & xh
                        if ph & lastHigh != 0 { score &+= 1 } else if mh & lastHigh != 0 { score &-= 1 }
                        ph = (ph << 1) | UInt64(topIn)
                        mh <<= 1
                        pv = mh | ~(xv | ph)
                        mv = ph & xv
                        each(j + 1, score)
                    }
                    return
                }
                var pvs = [UInt64](repeating: ~0, count: blocks)
                var mvs = [UInt64](repeating: 0, count: blocks)
                pvs.withUnsafeMutableBufferPointer { pvs in
                    mvs.withUnsafeMutableBufferPointer { mvs in
                        for j in range {
                            let base = Int(text[j]) * blocks
                            var hin = topIn
                            for b in 0..<blocks {
                                var eq = masks[base + b]
                                let pv = pvs[b], mv = mvs[b]
                                let xv = eq | mv
                                if hin < 0 { eq |= 1 }
                                let xh = (((eq & pv) &+ pv) ^ pv) | eq
                                var ph = mv | ~(xh | pv)
                                var mh = pv & xh
                                let high: UInt64 = b == blocks - 1 ? lastHigh : 1 << 63
                                let hout = ph & high != 0 ? 1 : (mh & high != 0 ? -1 : 0)
                                ph <<= 1
                                mh <<= 1
                                if hin < 0 { mh |= 1 } else if hin > 0 { ph |= 1 }
                                pvs[b] = mh | ~(xv | ph)
                                mvs[b] = ph & xv
                                hin = hout
                            }
                            score &+= hin
                            each(j + 1, score)
                        }
                    }
                }
            }
        }
    }
}
