/// Names the claimant of each suggestion, in reading order, from the sources seen so far.
///
/// "He" is the last person named as a source, "it" the last organisation, "they" the last group;
/// "Reyes" or "Gen. Reyes" is the earlier "Gen. Thomas E. Reyes"; "the monitor" is the earlier
/// "the shipping monitor Tidewatch"; a name the directory knows takes the directory's spelling.
struct ClaimantResolver {
    enum Kind { case person, organisation, group }

    struct Known {
        var name: String
        var kind: Kind
        var isOutlet: Bool
        /// Lower-case words of the name as written, for "the monitor" → "the shipping monitor Tidewatch".
        var words: Set<String>
        /// The name folded, and its last word: compared for every later source, so computed once.
        var folded: String
        var lastWord: String
    }

    let directory: SourceDirectory
    private(set) var known: [Known] = []
    /// Kinds already worked out, by name: the same names come back all through an article.
    private var kinds: [String: (kind: Kind, isOutlet: Bool)] = [:]
    private var lastSpeaker: String?

    init(directory: SourceDirectory) {
        self.directory = directory
    }

    mutating func resolve(_ draft: inout AttributionDraft) {
        if draft.continuesSpeaker {
            draft.claimant = lastSpeaker
            return
        }
        for index in draft.via.indices {
            let name = name(for: draft.via[index].text, remember: true)
            draft.via[index].text = name ?? draft.via[index].text
        }
        guard let text = draft.sourceText else { return }
        if draft.isMentionOnly {
            _ = name(for: text, remember: true)
            return
        }
        draft.claimant = name(for: text, remember: true)
        if draft.claimant == nil { draft.confidence -= 0.2 }
        if let claimant = draft.claimant { lastSpeaker = claimant }
    }

    /// The claimant name a source phrase stands for, or nil for a pronoun with nothing before it.
    mutating func name(for phrase: String, remember: Bool) -> String? {
        let lower = SourceDirectory.fold(phrase)
        switch lower {
        case "he", "she", "i":
            return known.last(where: { $0.kind == .person })?.name
        case "it":
            return known.last(where: { $0.kind == .organisation })?.name
        case "they", "we":
            return (known.last(where: { $0.kind == .group }) ?? known.last(where: { $0.kind == .organisation }))?.name
        case "you":
            return nil
        default:
            break
        }
        var name = Self.cleaned(phrase)
        let words = Self.words(of: lower)
        if let entry = directory.entry(for: name) {
            name = entry.name
        } else if words.first == "the", words.count <= 3, phrase.dropFirst(4).first?.isLowercase == true,
                  let head = words.last.map(String.init) {
            // "the monitor", "the newspaper", "the ministry": the nearest earlier source it describes.
            if let earlier = known.last(where: { $0.words.contains(head) && $0.folded != lower })
                ?? (Self.outletHeads.contains(head) ? known.last(where: \.isOutlet) : nil) {
                return earlier.name
            }
        } else if let short = Self.surname(of: phrase),
                  let earlier = known.last(where: { $0.kind == .person && $0.name != name && $0.lastWord == short
                      && !$0.words.contains("and") }) {
            name = earlier.name
        } else if words.count <= 2, let last = words.last.map(String.init), let earlier = known.last(where: {
            $0.kind == .organisation && $0.lastWord == last && $0.name.count > name.count
        }), phrase.first?.isUppercase == true || words.first == "the" {
            // "the Courier" → "The Daily Courier".
            name = earlier.name
        }
        if remember, known.last?.name != name {
            if let index = known.lastIndex(where: { $0.name == name }) {
                // Seen before: move it to the end without working it out again.
                let again = known.remove(at: index)
                known.append(again)
                return name
            }
            let sort: (kind: Kind, isOutlet: Bool)
            if let seen = kinds[name] {
                sort = seen
            } else {
                sort = (Self.kind(of: name), SourceKindGuess.kind(of: name) == "outlet")
                kinds[name] = sort
            }
            known.removeAll { $0.name == name }
            let folded = SourceDirectory.fold(name)
            known.append(Known(name: name, kind: sort.kind, isOutlet: sort.isOutlet,
                               words: Set(words.map(String.init)), folded: folded,
                               lastWord: Self.words(of: folded).last.map(String.init) ?? ""))
            // Pronouns and short names reach back a few paragraphs, not to the start of a long text.
            if known.count > 64 { known.removeFirst(known.count - 48) }
        }
        return name
    }

    /// Words of a folded name (single spaces), split on bytes: splitting a String by Characters
    /// works out grapheme clusters, which no folded name needs.
    static func words(of folded: String) -> [Substring] {
        folded.utf8.split(separator: 0x20).map { Substring($0) }
    }

    /// The phrase as a name: no leading "the" before a lower-case description is kept, possessive "’s" dropped.
    static func cleaned(_ phrase: String) -> String {
        // Most phrases are written with single spaces already: no need to split and join them.
        let bytes = phrase.utf8
        let spacedOnce = bytes.first != 0x20 && bytes.last != 0x20 && !bytes.contains(0x0A) && !bytes.contains(0x09)
            && !zip(bytes, bytes.dropFirst()).contains { $0 == 0x20 && $1 == 0x20 }
        let describes = phrase.hasPrefix("the ") || phrase.hasPrefix("a ") || phrase.hasPrefix("an ")
        if spacedOnce && !describes {
            var name = phrase
            if name.hasSuffix("’s") || name.hasSuffix("'s") { name.removeLast(2) }
            return name
        }
        let words = phrase.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        var name = spacedOnce ? phrase : words.joined(separator: " ")
        for suffix in ["’s", "'s"] where name.hasSuffix(suffix) { name.removeLast(2) }
        // "the shipping monitor Tidewatch" is Tidewatch: a description, then the name.
        if let first = words.first, ["the", "a", "an"].contains(first), words.count >= 3, words[1].first?.isLowercase == true {
            let name = words.reversed().prefix { $0.first?.isUppercase == true }.reversed()
            if !name.isEmpty, name.count < words.count - 1, !words.dropFirst().contains(where: { ["of", "for", "at", "in"].contains($0) }) {
                return name.joined(separator: " ")
            }
        }
        return name
    }

    /// The last word of a name, folded.
    static func lastWord(_ name: String) -> String {
        SourceDirectory.fold(name).split(separator: " ").last.map(String.init) ?? ""
    }

    /// "Reyes", "Gen. Reyes", "Ms. Marsh": a surname alone or after a title, folded; nil for longer names.
    static func surname(of phrase: String) -> String? {
        // Three words or more are never a surname: counted on bytes before any splitting.
        var count = 0
        var inWord = false
        for byte in phrase.utf8 {
            if byte == 0x20 { inWord = false } else if !inWord {
                inWord = true
                count += 1
                if count > 2 { return nil }
            }
        }
        let words = phrase.split(separator: " ")
        guard let last = words.last, last.first?.isUppercase == true else { return nil }
        if words.count == 1 { return SourceDirectory.fold(String(last)) }
        if words.count == 2, titles.contains(SourceDirectory.fold(String(words[0]))) { return SourceDirectory.fold(String(last)) }
        return nil
    }

    static func kind(of name: String) -> Kind {
        let words = SourceDirectory.fold(name).split(separator: " ").map(String.init)
        if words.contains(where: { SourcePhraseLexicon.organisationWords.contains($0) }) { return .organisation }
        if let last = words.last, SourcePhraseLexicon.isGroupHead(last) { return .group }
        if name.count <= 6, name.allSatisfy({ $0.isUppercase }) { return .organisation }
        if let first = name.first, first.isLowercase, let last = words.last, SourcePhraseLexicon.heads.contains(last) {
            return personHeads.contains(last) ? .person : .organisation
        }
        // Countries and capitals speak as governments: "Iran", "Tehran".
        if words.count == 1, name.first?.isUppercase == true, Self.places.contains(words[0]) { return .organisation }
        return .person
    }

    // Word lists built once: a set written inside a function is built and hashed on every call,
    // and these run for every source phrase of an article.
    static let outletHeads: Set<String> = ["newspaper", "paper", "broadcaster", "outlet", "agency", "daily", "network", "channel"]
    static let titles: Set<String> = ["mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "president", "minister", "secretary",
                                      "prof", "adm", "col", "maj", "lt", "ambassador", "judge", "mayor", "general", "chancellor"]
    static let personHeads: Set<String> = ["spokesman", "spokeswoman", "official", "adviser", "aide", "minister", "analyst", "expert", "diplomat"]

    static let places: Set<String> = [
        "iran", "tehran", "washington", "moscow", "beijing", "china", "russia", "israel", "britain", "france",
        "germany", "iraq", "baghdad", "syria", "damascus", "turkey", "ankara", "saudi", "riyadh", "egypt", "cairo",
        "ukraine", "kyiv", "london", "paris", "berlin", "brussels", "japan", "tokyo", "india", "pakistan", "kabul",
        "afghanistan", "qatar", "doha", "jordan", "lebanon", "beirut", "yemen", "gaza", "jerusalem", "kremlin",
        "pentagon", "calder", "meridian",
    ]
}
