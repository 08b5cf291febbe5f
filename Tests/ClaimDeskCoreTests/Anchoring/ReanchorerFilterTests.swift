import Testing
@testable import ClaimDeskCore

/// Searching the whole text only where the filters leave a chance must place, move and
/// orphan every anchor exactly as scanning all of it does: compared on seeded random edits
/// of prose made of common words, where a quote's pieces occur everywhere.
@Suite struct ReanchorerFilterTests {
    static func article(using rng: inout SeededGenerator) -> [String] {
        let common = ["the", "of", "and", "to", "a", "in", "that", "said", "council", "city", "was", "with", "on"]
        let rare = ["harbour", "ferry", "timetable", "minister", "boats", "commuters", "island", "crowding",
                    "budget", "tender", "pier", "dredging", "levy", "mayor", "union", "strike"]
        return (0..<900).map { _ in rng.next() % 3 == 0 ? rng.pick(rare) : rng.pick(common) }
    }

    /// The words after random edits of the kinds an article gets: words replaced or dropped,
    /// clauses inserted, passages cut or repeated elsewhere.
    static func edited(_ words: [String], using rng: inout SeededGenerator) -> [String] {
        var out = words
        for _ in 0..<60 {
            let at = Int(rng.next() % UInt64(out.count - 20))
            switch rng.next() % 5 {
            case 0: out[at] = rng.pick(["pontoon", "the", "tariff", "and", "said"])
            case 1: out.remove(at: at)
            case 2: out.insert(contentsOf: ["officials", "said", "on", "Friday"], at: at)
            case 3: out.removeSubrange(at..<(at + 8))
            default: out.insert(contentsOf: out[at..<(at + 6)], at: Int(rng.next() % UInt64(out.count)))
            }
        }
        return out
    }

    @Test(arguments: [1, 2, 3])
    func filteredSearchPlacesExactlyAsAFullScan(seed: UInt64) {
        var rng = SeededGenerator(seed: seed * 7_777)
        let oldWords = Self.article(using: &rng)
        let old = Array(oldWords.joined(separator: " ").unicodeScalars)
        let new = Self.edited(oldWords, using: &rng).joined(separator: " ")
        var queries: [AnchorQuery] = []
        for _ in 0..<150 {
            let start = Int(rng.next() % UInt64(old.count - 120))
            let end = start + 6 + Int(rng.next() % 60)
            func slice(_ r: Range<Int>) -> String { String(String.UnicodeScalarView(old[r])) }
            queries.append(AnchorQuery(start: start, end: end, exact: slice(start..<end),
                                       prefix: slice(max(0, start - 32)..<start), suffix: slice(end..<min(old.count, end + 32))))
        }
        let filtered = Reanchorer(text: new)
        var scanning = filtered
        scanning.filtersWholeText = false
        let results = filtered.locateAll(queries)
        #expect(results == scanning.locateAll(queries))
        for q in queries.prefix(40) {
            #expect(filtered.locate(q) == scanning.locate(q))
        }
        // Both outcomes occur, so the comparison covers anchors placed and anchors orphaned.
        #expect(results.contains { $0.isOrphaned } && results.contains { !$0.isOrphaned })
    }
}
