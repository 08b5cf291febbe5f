import Foundation

/// Language tags as pages and analysts write them, as BCP 47 (`en_us` → `en-US`).
public enum LanguageTag {
    /// The tag in its usual case, or nil when it is not one (a primary subtag of 2–3 letters,
    /// then subtags of 2–8 letters or digits).
    public static func normalize(_ value: String) -> String? {
        let parts = value.trimmingCharacters(in: .whitespaces).split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "_" })
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        var tag = first.lowercased()
        for part in parts.dropFirst() {
            guard (2...8).contains(part.count), part.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
            switch part.count {
            case 2: tag += "-" + part.uppercased()
            case 4: tag += "-" + part.prefix(1).uppercased() + part.dropFirst().lowercased()
            default: tag += "-" + part.lowercased()
            }
        }
        return tag
    }
}
