/// Checks an address a session setting holds (`base-url`, `organization-url`).
///
/// Exports put these addresses in documents that browsers and search engines follow (the HTML
/// report's links, ClaimReview's `url`, annotation ids), so only absolute `http` and `https`
/// addresses are taken: `javascript:`, `data:`, `file:` and relative paths never get that far.
public enum WebAddress {
    /// Why `text` is not an absolute http(s) address, or nil when it is one.
    public static func problem(_ text: String) -> String? {
        let lower = text.lowercased()
        guard let scheme = ["https://", "http://"].first(where: { lower.hasPrefix($0) }) else {
            let given = text.firstIndex(of: ":").map { "its scheme is \(text[..<$0])" } ?? "it has no scheme"
            return "\(given); only http and https addresses are allowed"
        }
        if let bad = text.unicodeScalars.first(where: { $0.properties.isWhitespace || $0.properties.generalCategory == .control
                                                    || UntrustedText.isUnsafe($0) || "<>\"{}|\\^`".unicodeScalars.contains($0) }) {
            return "it contains \(bad.properties.isWhitespace ? "a space" : "the character U+\(String(bad.value, radix: 16, uppercase: true))"), which an address may not"
        }
        let host = lower.dropFirst(scheme.count).prefix { !"/?#".contains($0) }
        let name = host.split(separator: "@").last.map(String.init) ?? ""
        guard !name.isEmpty, !name.hasPrefix(":") else { return "it names no host after \(scheme)" }
        return nil
    }

    public static func isValid(_ text: String) -> Bool { problem(text) == nil }

    /// Whether what the user typed is a web address rather than a file name (for `load`, `extract`).
    public static func isWebAddress(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }
}
