import Foundation

/// What the top of a plain-text article says about it: a date line ("March 23, 2020") near the
/// headline is its published date.
public enum PlainTextMetadata {
    /// How many non-empty lines from the top are looked at.
    static let linesLooked = 6

    /// The published date of a date line among the first lines: a short line that is mostly a
    /// date ("March 23, 2020", "Published: 23 March 2020 | 10:04"), or a dateline opening the
    /// first paragraph ("WASHINGTON, March 23, 2020 —").
    public static func publishedDate(in text: String) -> String? {
        var seen = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let trimmed = String(Spaces.trimmed(line))
            if trimmed.isEmpty { continue }
            seen += 1
            if seen > linesLooked { break }
            let probe = trimmed.count <= 60 ? trimmed : String(trimmed.prefix(60))
            // A date inside a long sentence ("… on March 23, 2020, officials said …") is not a date line.
            if trimmed.count > 60, !probe.contains("—" as Character), !Self.containsSpacedHyphen(probe), !probe.contains("–" as Character) {
                continue
            }
            if let date = PublicationDate.find(in: probe) { return date }
        }
        return nil
    }

    /// Whether `text` has " - " (a hyphen between spaces, as a dash) among its characters: compared
    /// by `Character` like the other dashes, without Foundation's `NSString` search.
    static func containsSpacedHyphen(_ text: String) -> Bool {
        var previous: (Character, Character) = ("x", "x")
        for character in text {
            if previous == (" ", "-") && character == " " { return true }
            previous = (previous.1, character)
        }
        return false
    }
}
