/// Finds an article's title: its first Markdown heading in a `.md` file, else its first non-empty line.
public enum TitleDetector {
    public static func title(of text: String, isMarkdown: Bool) -> String {
        // Lines are looked at lazily: the title is near the top of a long article.
        var firstLine: String? = nil
        let utf8 = text.utf8
        var start = utf8.startIndex
        while start < utf8.endIndex {
            let end = utf8[start...].firstIndex(of: 0x0A) ?? utf8.endIndex
            let line = trimmed(String(decoding: utf8[start..<end], as: UTF8.self))
            start = end < utf8.endIndex ? utf8.index(after: end) : end
            if line.isEmpty { continue }
            if firstLine == nil { firstLine = line }
            if !isMarkdown { break }
            if line.hasPrefix("#") { return shortened(stripHeadingMarks(line)) }
        }
        guard let first = firstLine else { return "Untitled" }
        return shortened(isMarkdown ? stripHeadingMarks(first) : first)
    }

    private static func trimmed(_ line: String) -> String {
        var scalars = Substring(line).unicodeScalars[...]
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    private static func shortened(_ title: String) -> String {
        title.count > 120 ? String(title.prefix(119)) + "…" : title
    }

    private static func stripHeadingMarks(_ line: String) -> String {
        let stripped = trimmed(String(line.drop(while: { $0 == "#" })))
        return stripped.isEmpty ? "Untitled" : stripped
    }
}
