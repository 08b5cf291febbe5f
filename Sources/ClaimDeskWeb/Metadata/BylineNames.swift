/// Authors' names from a byline as pages write it: "By Jane Doe and John Roe, Reuters",
/// "Jane Doe | Senior Correspondent", "Doe, Jane" is not undone (it is rare in news bylines).
enum BylineNames {
    static let roleWords: Set<String> = [
        "reporter", "reporters", "correspondent", "correspondents", "editor", "editors", "writer", "writers", "staff",
        "contributor", "contributors", "columnist", "producer", "bureau", "chief", "desk", "team", "updated", "published",
        "photographer", "analyst", "journalist", "reporting", "editing", "additional",
    ]

    /// The names in a byline, without "By", roles, dates, URLs or the outlet's own name.
    static func names(in byline: String, excluding outlets: [String]) -> [String] {
        var text = PageSignals.clean(byline)
        for prefix in ["written by ", "words by ", "by: ", "by ", "von ", "par ", "por "] where text.lowercased().hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count))
            break
        }
        for cut in [" | ", " — ", " – ", "\n"] {
            if let range = text.range(of: cut) { text = String(text[..<range.lowerBound]) }
        }
        let separated = text.replacingOccurrences(of: " and ", with: ",").replacingOccurrences(of: " & ", with: ",")
            .replacingOccurrences(of: ";", with: ",").replacingOccurrences(of: " with ", with: ",")
        let excluded = Set(outlets.map { $0.lowercased() } + ["reuters", "associated press", "the associated press", "ap", "afp", "agence france-presse"])
        var names: [String] = []
        for part in separated.split(separator: ",") {
            let name = PageSignals.clean(String(part)).trimmingCharacters(inSet: [".", ":", "·"])
            if name.isEmpty || excluded.contains(name.lowercased()) { continue }
            if name.contains("@") || name.contains("://") || name.contains(where: \.isNumber) { continue }
            let words = name.split(separator: " ")
            if words.count > 5 { continue }
            if words.contains(where: { roleWords.contains($0.lowercased()) }) { continue }
            guard words.first?.first?.isUppercase == true else { continue }
            if !names.contains(name) { names.append(name) }
        }
        return names
    }
}
