import ClaimDeskCore

extension WebArticle {
    /// `{"byline", "language", "modified", "published", "site", "text", "title", "url"}`: strings or
    /// null, sorted keys, the text as `load` stores it. Authors are joined with ", ".
    public func json(pretty: Bool = true) -> [UInt8] {
        var writer = JSONWriter(pretty: pretty)
        func nullable(_ name: String, _ value: String?) {
            writer.key(name)
            if let value { writer.string(value) } else { writer.null() }
        }
        writer.beginObject()
        nullable("byline", byline.isEmpty ? nil : byline.joined(separator: ", "))
        nullable("language", language)
        nullable("modified", modified)
        nullable("published", published)
        nullable("site", site)
        nullable("text", text)
        nullable("title", title)
        nullable("url", url)
        writer.endObject()
        writer.appendRaw(0x0A)
        return writer.bytes
    }

    /// The metadata as `Field: value` lines, a blank line, then the text.
    public var plainText: String {
        var lines: [String] = []
        let fields: [(String, String?)] = [
            ("Title", title), ("Byline", byline.isEmpty ? nil : byline.joined(separator: ", ")), ("Published", published),
            ("Modified", modified), ("Site", site), ("URL", url), ("Language", language),
        ]
        for (name, value) in fields { lines.append("\(name): \(value ?? "-")") }
        return lines.joined(separator: "\n") + "\n\n" + text
    }
}
