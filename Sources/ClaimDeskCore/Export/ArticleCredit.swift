/// The article's metadata as the exports show it: who wrote it, where and when it appeared, and
/// its address. Only http(s) addresses become links (a session file may name anything).
struct ArticleCredit {
    var byline: String?
    var outlet: String?
    var published: String?
    var url: String?

    init(_ article: Article, in session: Session) {
        let meta = article.metadata
        byline = meta.byline.isEmpty ? nil : meta.byline.joined(separator: ", ")
        outlet = meta.publisher.map(session.sourceName)
        published = meta.published
        url = meta.url.flatMap { Self.isWebLink($0) ? $0 : nil }
    }

    var isEmpty: Bool { byline == nil && outlet == nil && published == nil && url == nil }

    /// The article's URL when it is a web link: what W3C targets name as their source.
    static func webLink(_ article: Article) -> String? {
        article.metadata.url.flatMap { isWebLink($0) ? $0 : nil }
    }

    static func isWebLink(_ text: String) -> Bool {
        let lower = text.lowercased()
        return (lower.hasPrefix("https://") || lower.hasPrefix("http://")) && ExportIdentifiers.isAbsoluteIRI(text)
    }
}
