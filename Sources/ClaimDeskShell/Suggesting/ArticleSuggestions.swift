import ClaimDeskCore

/// The suggestions for one article, numbered `g1`, `g2` … in reading order.
///
/// Numbers come from the full list the rules give for the text, before anything accepted or
/// rejected is hidden, so `g7` names the same suggestion for as long as the article's text (and
/// the source registry that names claimants) is unchanged.
struct ArticleSuggestions {
    /// The article's SHA-256 and a digest of the registry when the list was made.
    let key: String
    let all: [AttributionSuggestion]

    /// The prefix of suggestion ids: no annotation kind, selection or command word starts with `g`.
    static let prefix = "g"

    static func id(_ index: Int) -> String { prefix + String(index + 1) }

    /// The zero-based position a typed id names, if it is a well-formed suggestion id.
    static func index(_ typed: String) -> Int? {
        guard typed.hasPrefix(prefix), typed.count > 1, typed.count <= 8,
              let number = Int(typed.dropFirst()), number >= 1, typed.dropFirst().allSatisfy(\.isASCII) else { return nil }
        return number - 1
    }

    /// Whether every word is a suggestion id, or the one word `all`.
    static func names(_ words: [String]) -> Bool {
        !words.isEmpty && (words == ["all"] || words.allSatisfy { index($0) != nil })
    }
}
