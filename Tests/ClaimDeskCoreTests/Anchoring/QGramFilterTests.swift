import Testing
@testable import ClaimDeskCore

/// The gram-count filter may only rule out places where no match can be: searching its
/// windows must report exactly what a scan of the whole text reports.
@Suite struct QGramFilterTests {
    /// Text of common words, as in prose, so short pieces of a pattern occur everywhere.
    static func prose(words: Int, using rng: inout SeededGenerator) -> [UInt32] {
        let vocabulary = ["the", "of", "and", "to", "a", "in", "that", "said", "council", "city", "harbour",
                          "ferry", "timetable", "minister", "was", "with", "boats", "from", "would", "they"]
        var text: [UInt32] = []
        for _ in 0..<words {
            text += rng.pick(vocabulary).unicodeScalars.map(\.value)
            text.append(32)
        }
        return text
    }

    /// `units` with `edits` random substitutions, insertions and deletions.
    static func edited(_ units: [UInt32], edits: Int, using rng: inout SeededGenerator) -> [UInt32] {
        var out = units
        for _ in 0..<edits where !out.isEmpty {
            let at = Int(rng.next() % UInt64(out.count))
            switch rng.next() % 3 {
            case 0: out[at] = rng.pick(Array("xyzq".unicodeScalars.map(\.value)))
            case 1: out.insert(rng.pick(Array("xyzq".unicodeScalars.map(\.value))), at: at)
            default: out.remove(at: at)
            }
        }
        return out
    }

    static func hits(_ pattern: [UInt32], _ maxErrors: Int, in text: AnchoringText, ranges: [Range<Int>]) -> [[Int]] {
        var out: [[Int]] = []
        let compiled = text.pattern(pattern)
        for range in ranges {
            BitParallelMatcher.search(compiled, in: text.symbols, range: range, maxErrors: maxErrors) { out.append([$0, $1]) }
        }
        return out
    }

    @Test(arguments: [24, 40, 64])
    func windowsFindEveryMatchAScanFinds(patternLength: Int) throws {
        var rng = SeededGenerator(seed: UInt64(patternLength) * 104_729)
        let units = Self.prose(words: 4000, using: &rng)
        let text = AnchoringText(scalars: units.compactMap(Unicode.Scalar.init))
        var filtered = 0
        for trial in 0..<40 {
            let maxErrors = patternLength * [10, 15, 20][trial % 3] / 100
            // Half taken from the text and edited (so there are matches), half fresh prose.
            let pattern: [UInt32]
            if trial % 2 == 0 {
                let at = Int(rng.next() % UInt64(units.count - patternLength))
                pattern = Array(Self.edited(Array(units[at..<(at + patternLength)]), edits: trial % 5, using: &rng)
                    .prefix(patternLength))
            } else {
                pattern = Array(Self.prose(words: 20, using: &rng).prefix(patternLength))
            }
            guard let windows = QGramFilter.windows(for: pattern, maxErrors: maxErrors, in: text) else { continue }
            filtered += 1
            #expect(Self.hits(pattern, maxErrors, in: text, ranges: windows)
                    == Self.hits(pattern, maxErrors, in: text, ranges: [0..<text.count]))
        }
        // The filter must have had something to rule out, or this test proves nothing.
        #expect(filtered >= 10)
    }

    @Test func aPatternNowhereInTheTextLeavesNoWindow() throws {
        var rng = SeededGenerator(seed: 7)
        let text = AnchoringText(scalars: Self.prose(words: 2000, using: &rng).compactMap(Unicode.Scalar.init))
        let absent = Array("zebra quokka jackdaw vixen wombat".unicodeScalars.map(\.value))
        let windows = try #require(QGramFilter.windows(for: absent, maxErrors: 4, in: text))
        #expect(windows.isEmpty)
    }

    @Test func tooManyErrorsForTheCountsIsLeftToAScan() {
        var rng = SeededGenerator(seed: 11)
        let text = AnchoringText(scalars: Self.prose(words: 500, using: &rng).compactMap(Unicode.Scalar.init))
        // 12 units, 3 errors: 9 grams, each error may destroy 4, so no gram need survive.
        #expect(QGramFilter.windows(for: Array("council city".unicodeScalars.map(\.value)), maxErrors: 3, in: text) == nil)
    }
}
