/// Whether what the user typed is a web address rather than a file name.
public enum WebAddress {
    public static func isWebAddress(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }
}
