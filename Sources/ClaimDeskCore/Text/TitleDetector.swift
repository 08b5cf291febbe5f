/// Finds an article's title: its first Markdown heading in a `.md` file, else its first non-empty line.
public enum TitleDetector {
    public static func title(of text: String, isMarkdown: Bool) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        if isMarkdown, let heading = lines.first(where: { $0.hasPrefix("#") }) {
            return stripHeadingMarks(heading)
        }
        guard let first = lines.first else { return "Untitled" }
        let title = isMarkdown ? stripHeadingMarks(first) : first
        return title.count > 120 ? String(title.prefix(119)) + "…" : title
    }

    private static func stripHeadingMarks(_ line: String) -> String {
        let stripped = line.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces)
        return stripped.isEmpty ? "Untitled" : stripped
    }
}

import Foundation
