import Testing
@testable import ClaimDeskCore

/// The bit-parallel matcher against the plain edit-distance table on random strings.
@Suite struct BitParallelMatcherTests {
    /// For every end position j, the fewest edits turning the pattern into some substring ending at j.
    static func bruteForceEnds(_ p: [Int], _ t: [Int]) -> [Int] {
        var column = Array(0...p.count)
        var out: [Int] = []
        for c in t {
            var next = [0]
            for i in 1...p.count {
                next.append(min(column[i - 1] + (p[i - 1] == c ? 0 : 1), column[i] + 1, next[i - 1] + 1))
            }
            column = next
            out.append(column[p.count])
        }
        return out
    }

    static func levenshtein(_ a: [Int], _ b: [Int]) -> Int {
        var row = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var diag = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let up = row[j]
                row[j] = min(diag + (a[i - 1] == b[j - 1] ? 0 : 1), up + 1, row[j - 1] + 1)
                diag = up
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }

    @Test(arguments: [1, 2, 5, 17, 63, 64, 65, 127, 128, 129, 200])
    func searchAgreesWithTheTable(patternLength: Int) {
        var rng = SeededGenerator(seed: UInt64(patternLength) * 7919)
        for trial in 0..<20 {
            let alphabet = [2, 4, 26][trial % 3]
            let text = (0..<(patternLength * 3 + 50)).map { _ in Int.random(in: 0..<alphabet, using: &rng) }
            // Half the time plant an edited copy of the pattern, so low distances occur.
            var pattern = (0..<patternLength).map { _ in Int.random(in: 0..<alphabet, using: &rng) }
            if trial % 2 == 0 {
                let at = Int.random(in: 0...(text.count - patternLength), using: &rng)
                pattern = Array(text[at..<(at + patternLength)])
                if patternLength > 1 { pattern[Int.random(in: 0..<patternLength, using: &rng)] = alphabet }
            }
            let symbols = text.map(UInt32.init)
            let prepared = BitParallelPattern(symbols: pattern, alphabetSize: alphabet)
            let k = Int.random(in: 0...patternLength, using: &rng)
            var got: [Int: Int] = [:]
            BitParallelMatcher.search(prepared, in: symbols, range: 0..<symbols.count, maxErrors: k) { end, errors in
                got[end] = errors
            }
            let expected = Self.bruteForceEnds(pattern, text)
            for (j, d) in expected.enumerated() {
                #expect(got[j + 1] == (d <= k ? d : nil), "m=\(patternLength) trial \(trial) end \(j + 1)")
            }
        }
    }

    @Test func searchCanStartInsideTheText() {
        let text: [UInt32] = [0, 1, 2, 3, 0, 1, 2, 3]
        let pattern = BitParallelPattern(symbols: [1, 2, 3], alphabetSize: 4)
        var ends: [Int] = []
        BitParallelMatcher.search(pattern, in: text, range: 2..<8, maxErrors: 0) { end, _ in ends.append(end) }
        #expect(ends == [8])  // the occurrence at 1..<4 starts before the range
    }

    @Test(arguments: [3, 30, 64, 65, 150])
    func distanceIsLevenshtein(length: Int) {
        var rng = SeededGenerator(seed: UInt64(length))
        for _ in 0..<25 {
            let a = (0..<length).map { _ in Int.random(in: 0..<3, using: &rng) }
            let b = (0..<Int.random(in: 0...(2 * length), using: &rng)).map { _ in Int.random(in: 0..<3, using: &rng) }
            let prepared = BitParallelPattern(symbols: a, alphabetSize: 3)
            #expect(BitParallelMatcher.distance(prepared, to: b.map(UInt32.init), range: 0..<b.count) == Self.levenshtein(a, b))
        }
    }

    @Test func symbolsTheTextLacksNeverMatch() {
        // Symbol 3 is outside an alphabet of 3: it stands for a character the text does not have.
        let pattern = BitParallelPattern(symbols: [0, 3, 1], alphabetSize: 3)
        let text: [UInt32] = [0, 2, 1]
        #expect(BitParallelMatcher.distance(pattern, to: text, range: 0..<3) == 1)
    }
}
