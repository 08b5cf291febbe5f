extension SessionDiff {
    /// Counts first, then each difference on its own lines with both versions.
    public func textLines(left leftName: String, right rightName: String) -> [String] {
        var lines = ["\(leftName) ↔ \(rightName): \(onlyLeft.count) only in \(leftName), \(onlyRight.count) only in \(rightName), "
                     + "\(changed.count) differ, \(identical) identical"]
        for title in articlesOnlyLeft { lines.append("article only in \(leftName): “\(Self.shorten(title))”") }
        for title in articlesOnlyRight { lines.append("article only in \(rightName): “\(Self.shorten(title))”") }
        if !onlyLeft.isEmpty {
            lines.append("")
            lines.append("only in \(leftName):")
            lines += onlyLeft.map { "  \(($0.leftID?.rawValue ?? "").padded(to: 6)) \($0.kind.rawValue) \(Self.describe($0))" }
        }
        if !onlyRight.isEmpty {
            lines.append("")
            lines.append("only in \(rightName):")
            lines += onlyRight.map { "  \(($0.rightID?.rawValue ?? "").padded(to: 6)) \($0.kind.rawValue) \(Self.describe($0))" }
        }
        if !changed.isEmpty {
            lines.append("")
            lines.append("same span, different labels (\(leftName) | \(rightName)):")
            for entry in changed {
                let ids = "\(entry.leftID?.rawValue ?? "")~\(entry.rightID?.rawValue ?? "")"
                lines.append("  \(ids.padded(to: 10)) \(entry.kind.rawValue) \(Self.describe(entry))")
                for difference in entry.differences {
                    lines.append("      \(difference.field): \(Self.shorten(difference.left)) | \(Self.shorten(difference.right))")
                }
            }
        }
        return lines
    }

    /// The same as JSON: `{"identical": N, "onlyLeft": […], "onlyRight": […], "changed": […]}`.
    public func json(left leftName: String, right rightName: String) -> [UInt8] {
        var writer = JSONWriter(pretty: true)
        writer.beginObject()
        writer.field("articlesOnlyLeft", articlesOnlyLeft)
        writer.field("articlesOnlyRight", articlesOnlyRight)
        writer.key("changed"); Self.write(changed, to: &writer)
        writer.field("identical", identical)
        writer.field("left", leftName)
        writer.key("onlyLeft"); Self.write(onlyLeft, to: &writer)
        writer.key("onlyRight"); Self.write(onlyRight, to: &writer)
        writer.field("right", rightName)
        writer.endObject()
        return writer.bytes + [0x0A]
    }

    private static func write(_ entries: [Entry], to writer: inout JSONWriter) {
        writer.beginArray()
        for entry in entries {
            writer.beginObject()
            writer.key("differences")
            writer.beginArray()
            for difference in entry.differences {
                writer.beginObject()
                writer.field("field", difference.field)
                writer.field("left", difference.left)
                writer.field("right", difference.right)
                writer.endObject()
            }
            writer.endArray()
            writer.field("kind", entry.kind.rawValue)
            writer.field("left", entry.leftID?.rawValue)
            writer.field("right", entry.rightID?.rawValue)
            writer.field("text", entry.text)
            writer.endObject()
        }
        writer.endArray()
    }

    private static func describe(_ entry: Entry) -> String {
        entry.kind == .stance ? shorten(entry.text) : "“" + shorten(entry.text) + "”"
    }

    /// At most 70 code points, with an ellipsis where cut; line breaks shown as spaces.
    static func shorten(_ text: String) -> String {
        let flat = String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\n" ? " " : $0 }))
        let scalars = Array(flat.unicodeScalars)
        guard scalars.count > 70 else { return flat }
        return String(String.UnicodeScalarView(scalars[..<69])) + "…"
    }
}

extension String {
    /// The string followed by spaces up to `width` code points.
    func padded(to width: Int) -> String {
        let count = unicodeScalars.count
        return count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
