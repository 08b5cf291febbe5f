/// Where an approximate match of a pattern can be in a text, from gram counts alone.
///
/// A substring within `k` edits of a pattern of length `n` keeps at least
/// `n - q + 1 - k·q` of the pattern's `q`-grams unchanged (one edit touches at
/// most `q` of them), each at a text position `p` with `p - i` (`i` its place in
/// the pattern) within `k` of the substring's start. So counting, per band of
/// such diagonals, how many of the pattern's grams the gram index holds there
/// rules out every band below that bound, and a match can only start in what is
/// left. Unlike a scan, it costs the sizes of the index buckets it reads.
///
/// The windows are a superset of the places a full scan would report (hash
/// collisions in the index only add to the counts), so searching them finds
/// exactly the matches, and the same best error counts, as searching everything.
enum QGramFilter {
    /// Merged, disjoint windows of `text` containing every substring within `maxErrors`
    /// edits of `pattern`; empty when there is none. Nil when the pattern is too short
    /// for the counts to rule anything out, or the bands left cover too much to save time.
    static func windows(for pattern: [UInt32], maxErrors k: Int, in text: AnchoringText) -> [Range<Int>]? {
        let q = AnchoringText.gramLength, n = pattern.count
        let gramCount = n - q + 1
        let needed = gramCount - k * q
        guard k >= 0, needed >= 1 else { return nil }
        // The pattern's grams, rarest first. Reading the index costs the size of each bucket read,
        // so the commonest grams are left out (lowering the bound by one each) while their
        // buckets would cost more than `budget` together; if the bound would reach 0, give up.
        var grams = (0..<gramCount).map { (offset: $0, bucket: text.gramBucket(of: pattern, at: $0)) }
        grams.sort { $0.bucket.count < $1.bucket.count }
        let budget = text.count / 8
        var used = 0, hits = 0
        while used < gramCount, hits + grams[used].bucket.count <= budget {
            hits += grams[used].bucket.count
            used += 1
        }
        let threshold = needed - (gramCount - used)
        guard threshold >= 1 else { return nil }
        // Diagonal bins as wide as a match's band of diagonals: a match's grams fall in two adjacent bins.
        let width = 2 * k + 1
        let binCount = (text.count + n) / width + 2
        let divide = FixedDivisor(width)
        var bins = [Int32](repeating: 0, count: binCount)
        // Two neighbouring bins reach the bound only if one of them holds half of it: those bins
        // are listed as they get there, so only they and their left neighbours are looked at.
        let half = Int32((threshold + 1) / 2)
        var hot: [Int] = []
        bins.withUnsafeMutableBufferPointer { bins in
            text.gramPositions.withUnsafeBufferPointer { positions in
                for g in grams.prefix(used) {
                    for p in positions[g.bucket] {
                        // The diagonal p - offset, shifted by n so it is never negative.
                        let bin = divide(Int(p) - g.offset + n)
                        bins[bin] += 1
                        if bins[bin] == half { hot.append(bin) }
                    }
                }
            }
        }
        hot.sort()
        var windows: [Range<Int>] = []
        bins.withUnsafeBufferPointer { bins in
            var checked = -1
            for h in hot {
                for bin in max(checked + 1, h - 1)...h {
                    checked = bin
                    guard bins[bin] != 0,
                          Int(bins[bin]) + (bin + 1 < binCount ? Int(bins[bin + 1]) : 0) >= threshold else { continue }
                    // Diagonals of bins `bin` and `bin + 1`, back in text offsets.
                    let first = bin * width - n, last = (bin + 2) * width - 1 - n
                    let w = text.window(from: first - k, to: last + n + k)
                    guard !w.isEmpty else { continue }
                    if let end = windows.last?.upperBound, w.lowerBound <= end {
                        windows[windows.count - 1] = windows[windows.count - 1].lowerBound..<max(end, w.upperBound)
                    } else {
                        windows.append(w)
                    }
                }
            }
        }
        var covered = 0
        for w in windows { covered += w.count }
        return covered > text.count / 2 ? nil : windows
    }
}
