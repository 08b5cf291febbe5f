import Foundation

/// Every source's names and aliases, and the words in them, folded and sorted, so a typed
/// name is found by binary search: exactly, by prefix, or by the prefix of a word.
///
/// Keys are compared as UTF-8 bytes, in which every key that starts with a given prefix
/// sorts next to the others; they are NFC so canonically equal spellings meet.
struct SourceNameIndex: Equatable, Sendable {
    struct Entry: Equatable, Sendable {
        var key: String
        var source: AnnotationID
        /// The name or alias the key comes from, as written, for "did you mean".
        var name: String
        /// Which name of the source (0 is its name, then aliases) and which word of it
        /// (0 for the whole name): near misses prefer the earliest, as the registry lists them.
        var nameIndex: Int
        var wordIndex: Int
        /// Length in characters, to skip keys too long or short to be a near miss.
        var length: Int

        static func precedes(_ a: Entry, _ b: Entry) -> Bool {
            if a.key != b.key { return a.key.utf8.lexicographicallyPrecedes(b.key.utf8) }
            if a.source != b.source { return a.source < b.source }
            if a.nameIndex != b.nameIndex { return a.nameIndex < b.nameIndex }
            return a.wordIndex < b.wordIndex
        }
    }

    /// Whole names and aliases.
    private(set) var names: [Entry] = []
    /// Their words.
    private(set) var words: [Entry] = []
    /// The same names and words, by length, for near misses.
    private(set) var nearMisses = NearMissTable()

    /// A name folded as sources are compared: `Session.sourceKey`, in NFC.
    static func key(_ text: String) -> String {
        let key = Session.sourceKey(text)
        return key.utf8.allSatisfy { $0 < 0x80 } ? key : key.precomposedStringWithCanonicalMapping
    }

    static func entries(of source: Source) -> (names: [Entry], words: [Entry]) {
        var names: [Entry] = [], words: [Entry] = []
        for (n, name) in source.allNames.enumerated() {
            let key = Self.key(name)
            guard !key.isEmpty else { continue }
            names.append(Entry(key: key, source: source.id, name: name, nameIndex: n, wordIndex: 0, length: key.count))
            for (w, word) in key.split(separator: " ").enumerated() {
                words.append(Entry(key: String(word), source: source.id, name: name, nameIndex: n, wordIndex: w + 1,
                                   length: word.count))
            }
        }
        return (names, words)
    }

    mutating func add(_ source: Source) {
        let (n, w) = Self.entries(of: source)
        for entry in n { Self.insert(entry, into: &names) }
        for entry in w { Self.insert(entry, into: &words) }
        for entry in Self.nearMissCandidates(n, w) { nearMisses.add(entry) }
    }

    mutating func remove(_ source: Source) {
        let (n, w) = Self.entries(of: source)
        for entry in n { Self.delete(entry, from: &names) }
        for entry in w { Self.delete(entry, from: &words) }
        for entry in Self.nearMissCandidates(n, w) { nearMisses.remove(entry) }
    }

    /// Names and words, less the word that is a whole one-word name: the name itself, earlier
    /// among equals, always wins over it.
    private static func nearMissCandidates(_ names: [Entry], _ words: [Entry]) -> [Entry] {
        let wholeNames = Set(names.map { NameKey(key: $0.key, nameIndex: $0.nameIndex) })
        return names + words.filter { !wholeNames.contains(NameKey(key: $0.key, nameIndex: $0.nameIndex)) }
    }

    private struct NameKey: Hashable {
        var key: String
        var nameIndex: Int
    }

    /// Sources with a name or alias folded to exactly `key`, in id order.
    func exact(_ key: String) -> [AnnotationID] {
        Self.matching(key, in: names) { $0.key == key }
    }

    /// Sources with a name or alias (or, with `words`, a word of one) that starts with `key`, in id order.
    func prefixed(_ key: String, words inWords: Bool) -> [AnnotationID] {
        Self.matching(key, in: inWords ? words : names) { _ in true }
    }

    /// The closest name or word within `limit` edits of `key` (at least 3 characters long),
    /// earliest source first among equals; nil when none is that close.
    func nearMiss(_ key: String, limit: Int) -> Entry? {
        nearMisses.nearest(key, limit: limit)
    }

    // MARK: Sorted arrays

    private static func matching(_ prefix: String, in entries: [Entry], _ accept: (Entry) -> Bool) -> [AnnotationID] {
        var i = lowerBound(prefix, in: entries)
        var found = Set<AnnotationID>()
        while i < entries.count, entries[i].key.utf8.starts(with: prefix.utf8) {
            if accept(entries[i]) { found.insert(entries[i].source) }
            i += 1
        }
        return found.sorted()
    }

    /// The first entry whose key is not below `key` (bytes).
    private static func lowerBound(_ key: String, in entries: [Entry]) -> Int {
        BinarySearch.firstIndex(upTo: entries.count) { entries[$0].key.utf8.lexicographicallyPrecedes(key.utf8) }
    }

    private static func position(of entry: Entry, in entries: [Entry]) -> Int {
        BinarySearch.firstIndex(upTo: entries.count) { Entry.precedes(entries[$0], entry) }
    }

    private static func insert(_ entry: Entry, into entries: inout [Entry]) {
        entries.insert(entry, at: position(of: entry, in: entries))
    }

    private static func delete(_ entry: Entry, from entries: inout [Entry]) {
        let at = position(of: entry, in: entries)
        if at < entries.count, entries[at] == entry { entries.remove(at: at) }
    }
}
