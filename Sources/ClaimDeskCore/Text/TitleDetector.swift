/// Finds an article's title: its first Markdown heading in a `.md` file, else its first line that
/// looks like a headline.
///
/// Text copied from a web page often starts with furniture: a photo caption ("US President
/// Donald Trump. (Reuters)"), a date line, a byline, or straight with the first paragraph. A
/// headline is a short line (at most 20 words) that is none of those and does not read as a
/// long sentence (12 words or more ending in a full stop). When no line of the first few
/// qualifies, the first line is the title, as before.
public enum TitleDetector {
    /// How many non-empty lines from the top may hold the headline.
    static let linesLooked = 8

    public static func title(of text: String, isMarkdown: Bool) -> String {
        // Lines are looked at lazily: the title is near the top of a long article.
        var firstLine: String? = nil
        var headline: String? = nil
        var looked = 0
        let utf8 = text.utf8
        var start = utf8.startIndex
        while start < utf8.endIndex {
            let end = utf8[start...].firstIndex(of: 0x0A) ?? utf8.endIndex
            let line = trimmed(String(decoding: utf8[start..<end], as: UTF8.self))
            start = end < utf8.endIndex ? utf8.index(after: end) : end
            if line.isEmpty { continue }
            if firstLine == nil { firstLine = line }
            if isMarkdown, line.hasPrefix("#") { return shortened(stripHeadingMarks(line)) }
            looked += 1
            if headline == nil, looked <= linesLooked, looksLikeHeadline(isMarkdown ? stripHeadingMarks(line) : line) {
                headline = line
                if !isMarkdown { break }
            }
            if looked > linesLooked && (!isMarkdown || headline != nil) { break }
        }
        guard let first = headline ?? firstLine else { return "Untitled" }
        return shortened(isMarkdown ? stripHeadingMarks(first) : first)
    }

    /// Whether a line reads as a headline rather than a caption, dateline, byline or sentence.
    static func looksLikeHeadline(_ line: String) -> Bool {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        if words.count > 20 || line.count > 160 { return false }
        let lower = line.lowercased()
        // Captions end with a credit or name one.
        for credit in ["(reuters)", "(ap)", "(afp)", "(ap photo)", "(getty images)", "(epa)", "(file photo)", "(photo)", "(xinhua)"]
            where lower.hasSuffix(credit) || lower.hasSuffix(credit + ".") { return false }
        for marker in ["photo:", "photograph:", "image:", "reuters/", "ap photo/", "getty images", "file photo"] where lower.contains(marker) {
            return false
        }
        // Bylines and date lines.
        if lower.hasPrefix("by ") && words.count <= 8 { return false }
        for prefix in ["published", "updated", "posted", "last updated", "first published"] where lower.hasPrefix(prefix) { return false }
        if PublicationDate.find(in: line) != nil && words.count <= 8 { return false }
        // A long sentence is the first paragraph, not a headline.
        if line.hasSuffix(".") && words.count >= 12 { return false }
        // Letters make a headline; a line of symbols or numbers does not.
        return line.unicodeScalars.contains { $0.properties.isAlphabetic }
    }

    private static func trimmed(_ line: String) -> String {
        var scalars = Substring(line).unicodeScalars[...]
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    private static func shortened(_ title: String) -> String {
        title.shortened(to: 120)
    }

    private static func stripHeadingMarks(_ line: String) -> String {
        let stripped = trimmed(String(line.drop(while: { $0 == "#" })))
        return stripped.isEmpty ? "Untitled" : stripped
    }
}
