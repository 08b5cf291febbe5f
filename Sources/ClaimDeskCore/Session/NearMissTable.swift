/// The names and words a typed name may be a near miss of, grouped by length, each with its
/// characters and a 64-bit character signature ready, so most are ruled out without an edit
/// distance and the rest without allocating their text again.
///
/// `source add` asks it for every new name: scanning every name with a fresh edit distance made
/// each new source cost more as the session grew (2.5 ms at 300 sources). Only the lengths within
/// the limit are visited; a candidate whose signature shows more characters the other lacks than
/// the limit allows is skipped; the distance stops as soon as it must exceed the limit, and the
/// limit shrinks to the best distance found. The answer is the one a full scan gives.
struct NearMissTable: Equatable, Sendable {
    struct Candidate: Equatable, Sendable {
        var entry: SourceNameIndex.Entry
        /// The key lowercased, as ``Suggestion/distance(_:_:)`` compares it.
        var characters: [Character]
        var signature: UInt64
    }

    /// Candidates by `entry.length`, each bucket in ``SourceNameIndex/Entry/precedes(_:_:)`` order,
    /// so two tables with the same entries are equal however they were built.
    private(set) var byLength: [Int: [Candidate]] = [:]

    /// Keys shorter than this are never a near miss.
    static let shortest = 3

    mutating func add(_ entry: SourceNameIndex.Entry) {
        guard entry.length >= Self.shortest else { return }
        let characters = Array(entry.key.lowercased())
        let candidate = Candidate(entry: entry, characters: characters, signature: Self.signature(characters))
        byLength[entry.length, default: []].insert(candidate, at: Self.position(of: entry, in: byLength[entry.length] ?? []))
    }

    mutating func remove(_ entry: SourceNameIndex.Entry) {
        guard var bucket = byLength[entry.length] else { return }
        let at = Self.position(of: entry, in: bucket)
        guard at < bucket.count, bucket[at].entry == entry else { return }
        bucket.remove(at: at)
        byLength[entry.length] = bucket.isEmpty ? nil : bucket
    }

    /// The closest entry within `limit` edits of `key`, earliest source (then name, then word)
    /// first among equals; nil when none is that close.
    func nearest(_ key: String, limit: Int) -> SourceNameIndex.Entry? {
        let length = key.count
        let typed = Array(key.lowercased())
        let typedSignature = Self.signature(typed)
        var best: (entry: SourceNameIndex.Entry, distance: Int)?
        var bound = limit
        for other in max(Self.shortest, length - limit)...max(Self.shortest, length + limit) {
            guard abs(other - length) <= bound, let bucket = byLength[other] else { continue }
            for candidate in bucket {
                // Each character one side has and the other lacks costs an edit of its own.
                let missing = max((typedSignature & ~candidate.signature).nonzeroBitCount,
                                  (candidate.signature & ~typedSignature).nonzeroBitCount)
                guard missing <= bound,
                      let d = Suggestion.distance(typed, candidate.characters, atMost: bound) else { continue }
                if let current = best {
                    let entry = candidate.entry, held = current.entry
                    let earlier = (entry.source, entry.nameIndex, entry.wordIndex) < (held.source, held.nameIndex, held.wordIndex)
                    if d < current.distance || (d == current.distance && earlier) { best = (entry, d) }
                } else {
                    best = (candidate.entry, d)
                }
                bound = best?.distance ?? bound
            }
        }
        return best?.entry
    }

    /// One bit per character present (by its first scalar, modulo 64): a character whose bit is
    /// missing from the other signature is missing from the other text.
    static func signature(_ characters: [Character]) -> UInt64 {
        var bits: UInt64 = 0
        for character in characters {
            let scalar = character.unicodeScalars.first.map(\.value) ?? 0
            bits |= 1 << UInt64(scalar & 63)
        }
        return bits
    }

    private static func position(of entry: SourceNameIndex.Entry, in bucket: [Candidate]) -> Int {
        BinarySearch.firstIndex(upTo: bucket.count) { SourceNameIndex.Entry.precedes(bucket[$0].entry, entry) }
    }
}
