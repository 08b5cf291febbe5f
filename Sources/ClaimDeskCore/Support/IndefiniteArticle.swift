/// "a" or "an" before a word in messages: "an article", "a claim".
///
/// By the first letter, which is right for every word the program puts after it (annotation kinds,
/// taxonomy facets); not a general rule of English sound.
public enum IndefiniteArticle {
    public static func before(_ word: String) -> String {
        let first = word.first.map { Character($0.lowercased()) }
        return (first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + word
    }
}
