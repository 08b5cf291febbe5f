/// Turns the bytes of a web page into a ``WebArticle``: parse, find the body, read the metadata.
///
/// Pure: the caller reads the file or fetches the URL and passes the bytes, the charset the
/// server named (if any) and the page's address (if known).
public enum WebPageReader {
    public static func read(_ bytes: [UInt8], headerCharset: String? = nil, pageURL: String? = nil) throws(WebPageError) -> WebArticle {
        guard HTMLParser.isAvailable else { throw .parserMissing }
        let (root, encoding) = HTMLParser.parse(bytes, headerCharset: headerCharset)
        var metadata = MetadataResolver(PageSignals(root), pageURL: pageURL)
        let content = ContentExtractor(root, title: metadata.title)
        metadata.complete(bylineLines: content.bylineLines, datelineLines: content.datelineLines)
        guard !content.paragraphs.isEmpty else { throw .noText }
        return WebArticle(title: metadata.title, byline: metadata.byline, published: metadata.published,
                          modified: metadata.modified, site: metadata.site, url: metadata.url, language: metadata.language,
                          paragraphs: content.paragraphs, encoding: encoding)
    }

    /// Whether a file is a web page: by its extension (`.html`, `.htm`, `.xhtml`), or by its first
    /// bytes unless it is named as text (`.txt`, `.md`).
    public static func isWebPage(extensionName: String, bytes: [UInt8]) -> Bool {
        ["html", "htm", "xhtml"].contains(extensionName.lowercased())
            || (!["txt", "md", "markdown", "text"].contains(extensionName.lowercased()) && looksLikeHTML(bytes))
    }

    /// Whether bytes look like HTML rather than plain text: a doctype or `<html>`, `<head>` or
    /// `<body>` tag near the start.
    public static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(1024), as: UTF8.self).lowercased()
        let trimmed = head.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" })
        return trimmed.hasPrefix("<!doctype html") || trimmed.hasPrefix("<html") || head.contains("<head>")
            || head.contains("<body") || (trimmed.hasPrefix("<!--") && head.contains("<html"))
    }
}
