/// Writes suggestions for `claimdesk suggest`: one JSON object a line, or readable text.
public enum SuggestionListWriter {
    /// `{"content": [[s, e], …], "source": [[s, e]] or null, "cue": [[s, e], …] or null,
    /// "claimant": NAME or null, "via": [NAME, …], "confidence": 0.0–1.0, "rule": TEXT}`, keys in that order.
    public static func jsonLines(_ suggestions: [AttributionSuggestion]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(suggestions.count * 160)
        for suggestion in suggestions {
            var line = "{\"content\": " + spans(suggestion.content)
            line += ", \"source\": " + (suggestion.source.map(spans) ?? "null")
            line += ", \"cue\": " + (suggestion.cue.map(spans) ?? "null")
            line += ", \"claimant\": " + (suggestion.claimant.map(quoted) ?? "null")
            line += ", \"via\": [" + suggestion.via.map(quoted).joined(separator: ", ") + "]"
            line += ", \"confidence\": " + decimal(suggestion.confidence)
            line += ", \"rule\": " + quoted(suggestion.rule) + "}\n"
            out.append(contentsOf: line.utf8)
        }
        return out
    }

    /// One block a suggestion: number, confidence, rule and chain, then the content and the cue words.
    public static func text(_ suggestions: [AttributionSuggestion], of text: ArticleText) -> [UInt8] {
        var out = ""
        for (index, suggestion) in suggestions.enumerated() {
            let chain = ([suggestion.claimant ?? "?"] + suggestion.via).joined(separator: " via ")
            out += "\(index + 1)  \(decimal(suggestion.confidence))  \(suggestion.rule)  \(chain)\n"
            let content = suggestion.content.map { UntrustedText.visible(text.slice($0)) }.joined(separator: " … ")
            out += "   content: \(oneLine(content))\n"
            if let cue = suggestion.cue {
                out += "   cue: \(oneLine(cue.map { UntrustedText.visible(text.slice($0)) }.joined(separator: " … ")))\n"
            }
        }
        return Array(out.utf8)
    }

    static func oneLine(_ text: String) -> String {
        text.contains("\n") ? text.replacingOccurrences(of: "\n", with: " ") : text
    }

    static func spans(_ ranges: [Range<Int>]) -> String {
        "[" + ranges.map { "[\($0.lowerBound), \($0.upperBound)]" }.joined(separator: ", ") + "]"
    }

    static func quoted(_ value: String) -> String {
        var writer = JSONWriter(pretty: false, capacity: value.utf8.count + 2)
        writer.string(value)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// Two decimals, as "0.85"; never exponent notation.
    public static func decimal(_ value: Double) -> String {
        let hundredths = Int((min(1, max(0, value)) * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
