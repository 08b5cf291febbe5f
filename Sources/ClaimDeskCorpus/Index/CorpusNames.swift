import Foundation

/// How names are compared across sessions: case and diacritics aside, runs of spaces as one, and
/// typographic apostrophes as typed ones, so `reuters` finds `Reuters` and `Iran's` finds `Iran’s`.
enum CorpusNames {
    static func key(_ name: String) -> String {
        let folded = name.replacingOccurrences(of: "’", with: "'")
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        return folded.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
