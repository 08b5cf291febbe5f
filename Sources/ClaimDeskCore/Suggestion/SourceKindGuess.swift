/// Guesses a new source's kind from how the text names it, for sources created by accepting a suggestion.
///
/// The guess is said in a notice so the analyst can correct it: outlets by the words in their names
/// ("Times", "Reuters", "Ledger"), officials by their titles, groups of unnamed officials as anonymous.
public enum SourceKindGuess {
    public static func kind(of name: String) -> String {
        let words = name.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }).map(Self.word)
        let set = Set(words)
        if !set.isDisjoint(with: SourcePhraseLexicon.outletWords) && set.isDisjoint(with: notOutlets) {
            return "outlet"
        }
        if name.count >= 2, name.count <= 6, name.allSatisfy({ $0.isUppercase || $0 == "-" }) {
            return "organisation"
        }
        if !set.isDisjoint(with: governmentWords) {
            return "government"
        }
        if !set.isDisjoint(with: agencyWords) {
            return "agency"
        }
        if !set.isDisjoint(with: documentWords) {
            return "document"
        }
        if let first = words.first, ["a", "an", "one", "two", "three", "several", "some", "many", "senior", "unnamed", "anonymous"].contains(first)
            || words.contains(where: { ["official", "officials", "sources", "source", "diplomats", "aides", "people"].contains($0) }) && name.first?.isLowercase == true
            || words.last.map({ ["officials", "diplomats", "sources"].contains($0) }) == true {
            return "anonymous"
        }
        if !set.isDisjoint(with: expertWords) {
            return "expert"
        }
        if !set.isDisjoint(with: organisationWords) {
            return "organisation"
        }
        if !set.isDisjoint(with: officialWords) {
            return "official"
        }
        return "other"
    }

    /// A word of a name as the lists spell it: typographic apostrophes as `'`, no dots at its ends
    /// ("Gen." → "gen"), done on characters rather than through Foundation's string searching.
    static func word(_ raw: Substring) -> String {
        var word = raw.contains("’") ? String(raw.map { $0 == "’" ? "'" : $0 }) : String(raw)
        while word.first == "." { word.removeFirst() }
        while word.last == "." { word.removeLast() }
        return word
    }

    // Built once: a set written inside the function was built and hashed on every call.
    static let notOutlets: Set<String> = ["ministry", "department", "office", "spokesman", "spokeswoman"]
    static let governmentWords: Set<String> = ["ministry", "government", "administration", "cabinet", "kremlin", "pentagon", "regime", "embassy", "parliament", "congress", "senate"]
    static let agencyWords: Set<String> = ["agency", "commission", "authority", "command", "army", "navy", "police", "department", "office", "council", "court", "service"]
    static let documentWords: Set<String> = ["report", "statement", "study", "survey", "poll", "document", "documents", "memo", "letter", "data"]
    static let expertWords: Set<String> = ["analyst", "analysts", "expert", "experts", "professor", "researcher", "dr", "economist", "scientist"]
    static let organisationWords: Set<String> = ["institute", "university", "group", "company", "corp", "inc", "foundation", "association", "party", "union", "center", "centre", "monitor", "organization", "organisation", "coalition", "alliance", "fund", "bank", "committee"]
    static let officialWords: Set<String> = ["president", "minister", "secretary", "gen", "general", "adm", "col", "maj", "lt", "sen", "senator", "rep", "gov", "governor", "mayor", "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor", "commander", "chief", "chairman", "director", "official", "prime", "deputy", "officer", "aide"]
}
