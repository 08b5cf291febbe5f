/// Which characters of untrusted text (articles, sessions, imports) must never reach a reader as
/// they are: controls that rewrite a terminal, and bidi marks that reorder or hide what is shown.
///
/// The terminal shows them as `\u{1B}`, exports as visible stand-ins; both ask here.
public enum UntrustedText {
    /// C0 and C1 controls and DEL (but newline and tab), and every bidi control: embeddings,
    /// overrides, isolates and the directional marks.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\n" || scalar == "\t" { return false }
        return scalar.properties.generalCategory == .control || scalar.properties.isBidiControl
    }

    /// The text as one visible line: a newline as `\n`, every unsafe character as `\u{1B}`.
    /// For messages that quote a document's content, so a value can never fake a line or a
    /// terminal sequence, whoever prints the message.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "\n" || isUnsafe($0) }) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                result += "\\n"
            } else if isUnsafe(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
