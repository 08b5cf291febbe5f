/// Turns words a user typed into an FTS5 query that cannot be a syntax error: each word becomes a
/// quoted string of its letters, digits and inner `.` `-` `'`, and all must occur.
///
/// FTS5 reads `AND`, `NEAR`, `*`, `-` and quotes as operators; a user searching for
/// `U.S. "firm answer"` means the words, so none of them is left to be read as syntax.
public enum CorpusTextQuery {
    /// The FTS5 query, or nil when the words hold nothing searchable.
    public static func match(_ words: String) -> String? {
        let terms = words.split(whereSeparator: { $0.isWhitespace }).compactMap { word -> String? in
            let kept = word.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "'" || $0 == "’" || $0 == "." || $0 == "-" }
            guard kept.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) else { return nil }
            return "\"" + String(String.UnicodeScalarView(kept)) + "\""
        }
        return terms.isEmpty ? nil : terms.joined(separator: " ")
    }
}
