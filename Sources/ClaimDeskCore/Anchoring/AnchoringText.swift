/// Everything about a new text that re-anchoring needs, computed once so
/// thousands of anchors can be placed on the same text cheaply: the folded
/// units, their dense symbols for the bit-parallel matcher, and indexes of
/// 4-unit grams and of single symbols for finding exact occurrences without scanning.
struct AnchoringText: Sendable {
    static let gramLength = 4

    let scalars: [Unicode.Scalar]
    let folded: FoldedText
    /// `folded.units` as dense symbols `0..<alphabetSize`.
    let symbols: [UInt32]
    let alphabetSize: Int
    private let alphabet: [UInt32: Int]
    /// Gram buckets in compressed rows: positions of bucket `b` are `positions[bucketStart[b]..<bucketStart[b+1]]`.
    private let bucketStart: [Int32]
    /// Gram start positions, bucket by bucket (see ``gramBucket(of:at:)``).
    let gramPositions: [Int32]
    private let bucketMask: Int
    /// Positions of each symbol in the same compressed rows, for patterns shorter than a gram
    /// (a one-word quote): its rarest unit's positions are checked instead of the whole text.
    private let symbolStart: [Int32]
    private let symbolPositions: [Int32]

    init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
        let folded = FoldedText(scalars)
        self.folded = folded
        var alphabet: [UInt32: Int] = [:]
        var symbols = [UInt32]()
        symbols.reserveCapacity(folded.count)
        for u in folded.units {
            if let s = alphabet[u] {
                symbols.append(UInt32(s))
            } else {
                let s = alphabet.count
                alphabet[u] = s
                symbols.append(UInt32(s))
            }
        }
        self.alphabet = alphabet
        self.symbols = symbols
        alphabetSize = alphabet.count

        var buckets = 1024
        while buckets < folded.count * 2 { buckets <<= 1 }
        bucketMask = buckets - 1
        let gramCount = max(0, folded.count - Self.gramLength + 1)
        var counts = [Int32](repeating: 0, count: buckets + 1)
        var keys = [Int32](repeating: 0, count: gramCount)
        folded.units.withUnsafeBufferPointer { units in
            for p in 0..<gramCount {
                let b = Self.bucket(units, p, mask: buckets - 1)
                keys[p] = Int32(b)
                counts[b + 1] += 1
            }
        }
        for b in 0..<buckets { counts[b + 1] += counts[b] }
        var fill = counts
        var positions = [Int32](repeating: 0, count: gramCount)
        for p in 0..<gramCount {
            let b = Int(keys[p])
            positions[Int(fill[b])] = Int32(p)
            fill[b] += 1
        }
        bucketStart = counts
        gramPositions = positions

        var symbolStart = [Int32](repeating: 0, count: alphabetSize + 1)
        for sym in symbols { symbolStart[Int(sym) + 1] += 1 }
        for a in 0..<alphabetSize { symbolStart[a + 1] += symbolStart[a] }
        var symbolFill = symbolStart
        var symbolPositions = [Int32](repeating: 0, count: symbols.count)
        for (p, sym) in symbols.enumerated() {
            symbolPositions[Int(symbolFill[Int(sym)])] = Int32(p)
            symbolFill[Int(sym)] += 1
        }
        self.symbolStart = symbolStart
        self.symbolPositions = symbolPositions
    }

    var units: [UInt32] { folded.units }
    var count: Int { folded.count }

    /// A window of the folded text between bounds computed around a match: both ends clamped
    /// into the text, and empty rather than inverted when they cross, as they do next to
    /// either end of the text. Every window the re-anchorer reads is made here.
    func window(from lower: Int, to upper: Int) -> Range<Int> {
        let lo = max(0, min(lower, count))
        return lo..<max(lo, min(upper, count))
    }

    /// Dense symbols for pattern units (`alphabetSize` for a unit the text never has).
    func symbols(of units: some Collection<UInt32>) -> [Int] {
        units.map { alphabet[$0] ?? alphabetSize }
    }

    /// A bit-parallel pattern for folded units.
    func pattern(_ units: some Collection<UInt32>) -> BitParallelPattern {
        BitParallelPattern(symbols: symbols(of: units), alphabetSize: alphabetSize)
    }

    @inline(__always)
    private static func bucket(_ units: UnsafeBufferPointer<UInt32>, _ p: Int, mask: Int) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in 0..<gramLength {
            h = (h ^ UInt64(units[p + i])) &* 0x100_0000_01b3
        }
        return Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
    }

    /// Where in ``gramPositions`` the text positions are whose gram shares a bucket with the
    /// gram of `pattern` at `offset`: every occurrence of that gram, and a few collisions.
    func gramBucket(of pattern: [UInt32], at offset: Int) -> Range<Int> {
        let b = pattern.withUnsafeBufferPointer { Self.bucket(UnsafeBufferPointer(rebasing: $0[offset...]), 0, mask: bucketMask) }
        return Int(bucketStart[b])..<Int(bucketStart[b + 1])
    }

    /// Start indices (folded) of every exact occurrence of `pattern` in `range`, ascending, at most `limit`.
    func occurrences(of pattern: [UInt32], in range: Range<Int>? = nil, limit: Int = 4096) -> [Int] {
        let m = pattern.count
        let units = folded.units
        let range = range ?? 0..<units.count
        guard m > 0, range.count >= m else { return [] }
        var found: [Int] = []
        pattern.withUnsafeBufferPointer { pat in
            units.withUnsafeBufferPointer { text in
                func matches(at s: Int) -> Bool {
                    guard s >= range.lowerBound, s + m <= range.upperBound else { return false }
                    for i in 0..<m where text[s + i] != pat[i] { return false }
                    return true
                }
                if range.count < 4 * m + 256 {
                    // Small range: a direct scan is cheapest.
                    let first = pat[0]
                    var s = range.lowerBound
                    while s + m <= range.upperBound, found.count < limit {
                        if text[s] == first, matches(at: s) { found.append(s) }
                        s += 1
                    }
                    return
                }
                if m < Self.gramLength {
                    // Shorter than a gram: the positions of its rarest unit, then verify each.
                    var bestOffset = 0
                    var best = 0..<0
                    var bestSize = Int.max
                    for k in 0..<m {
                        guard let sym = alphabet[pat[k]] else { return }
                        let rows = Int(symbolStart[sym])..<Int(symbolStart[sym + 1])
                        if rows.count < bestSize { (bestSize, bestOffset, best) = (rows.count, k, rows) }
                    }
                    for i in best {
                        let s = Int(symbolPositions[i]) - bestOffset
                        if s + m > range.upperBound { break }
                        if matches(at: s) {
                            found.append(s)
                            if found.count >= limit { break }
                        }
                    }
                    return
                }
                // The pattern's rarest gram bucket, then verify each position in it.
                var bestOffset = 0
                var bestBucket = 0
                var bestSize = Int.max
                for k in 0...(m - Self.gramLength) {
                    let b = Self.bucket(pat, k, mask: bucketMask)
                    let size = Int(bucketStart[b + 1] - bucketStart[b])
                    if size < bestSize {
                        bestSize = size
                        bestOffset = k
                        bestBucket = b
                        if size == 0 { return }
                    }
                }
                for i in Int(bucketStart[bestBucket])..<Int(bucketStart[bestBucket + 1]) {
                    let s = Int(gramPositions[i]) - bestOffset
                    if matches(at: s) {
                        found.append(s)
                        if found.count >= limit { break }
                    }
                }
            }
        }
        return found
    }
}
