/// What Tab offers: the words that could replace the word before the cursor.
public struct Completion: Equatable, Sendable {
    /// Where the word being completed starts, in Characters from the start of the line.
    public var start: Int
    /// The word as typed so far.
    public var word: String
    /// Full replacements for the word, quoted where they need it, sorted.
    public var candidates: [String]

    public init(start: Int, word: String, candidates: [String]) {
        self.start = start
        self.word = word
        self.candidates = candidates
    }

    /// The longest start shared by every candidate (what a first Tab inserts).
    public var commonPrefix: String {
        guard var prefix = candidates.first else { return word }
        for candidate in candidates.dropFirst() {
            while !candidate.lowercased().hasPrefix(prefix.lowercased()) { prefix.removeLast() }
        }
        return prefix.count >= word.count ? prefix : word
    }

    /// Whether a completed word should be followed by a space (not after a folder).
    public static func needsSpace(after candidate: String) -> Bool {
        !candidate.hasSuffix("/")
    }
}
