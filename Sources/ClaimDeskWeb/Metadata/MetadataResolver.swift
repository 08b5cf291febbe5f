import ClaimDeskCore
import Foundation

/// Chooses each metadata field from the page's signals, in a fixed order of trust
/// (documented in docs/web-articles.md): structured data first, then Open Graph and other
/// `<meta>` tags, then what the markup shows (`<h1>`, `<time>`, byline elements), then the text.
struct MetadataResolver {
    var title: String?
    var byline: [String] = []
    var published: String?
    var modified: String?
    var site: String?
    var url: String?
    var language: String?

    init(_ signals: PageSignals, pageURL: String?) {
        let data = StructuredData(scripts: signals.jsonLD)
        let meta = signals.meta
        site = data.publisher ?? Self.nonEmpty(meta["og:site_name"]) ?? Self.nonEmpty(meta["application-name"])
            ?? data.websiteName ?? Self.nonEmpty(meta["twitter:site"]).flatMap { $0.hasPrefix("@") ? nil : $0 }
        let h1 = signals.articleH1 ?? signals.firstH1
        let candidates: [String?] = [data.headline, meta["og:title"], meta["twitter:title"], h1, meta["title"], meta["headline"]]
        for candidate in candidates.compactMap({ $0 }) {
            let cleaned = Self.withoutSiteName(PageSignals.clean(candidate), site: site, guess: false, h1: h1)
            if !cleaned.isEmpty { title = cleaned; break }
        }
        if let documentTitle = signals.documentTitle {
            if title == nil { title = Self.withoutSiteName(documentTitle, site: site, guess: true, h1: h1) }
            if site == nil { site = Self.siteSuffix(documentTitle, title: title) }
        }
        if title?.isEmpty == true { title = nil }
        // A relative canonical link needs a base: the page's address, else another absolute URL the page names.
        let base = Self.absolute(pageURL, base: nil) ?? Self.absolute(meta["og:url"], base: nil) ?? Self.absolute(data.url, base: nil)
        if let canonical = Self.absolute(signals.canonical, base: base) {
            url = canonical
        } else {
            url = Self.absolute(meta["og:url"], base: pageURL) ?? Self.absolute(data.url, base: pageURL) ?? Self.absolute(pageURL, base: nil)
        }
        let languageCandidates = [signals.language, data.language, meta["content-language"], meta["language"], meta["og:locale"], meta["dc.language"]]
        language = languageCandidates.lazy.compactMap { $0.flatMap(Self.languageTag) }.first
        let outlets = [site].compactMap { $0 }
        let bylineSources: [[String]] = [
            data.authors, [meta["author"]].compactMap { $0 }, [meta["article:author"]].compactMap { $0 }, [meta["dc.creator"]].compactMap { $0 },
            [meta["parsely-author"]].compactMap { $0 }, [meta["sailthru.author"]].compactMap { $0 },
            signals.itempropAuthors, signals.relAuthors, signals.bylineElements.prefix(1).map { $0 },
        ]
        for source in bylineSources {
            let names = source.flatMap { BylineNames.names(in: $0, excluding: outlets) }
            var unique: [String] = []
            for name in names where !unique.contains(name) { unique.append(name) }
            if !unique.isEmpty { byline = unique; break }
        }
        let publishedCandidates: [String?] = [
            data.published, meta["article:published_time"], meta["og:published_time"], meta["datepublished"],
            signals.itempropPublished, meta["pubdate"], meta["publishdate"], meta["publish-date"], meta["date"],
            meta["dc.date"], meta["dc.date.issued"], meta["dcterms.created"], meta["sailthru.date"], meta["parsely-pub-date"],
            meta["citation_publication_date"], signals.publishedTimes.first, signals.times.first,
        ]
        published = publishedCandidates.lazy.compactMap { $0.flatMap(PublicationDate.normalize) }.first
        let modifiedCandidates: [String?] = [
            data.modified, meta["article:modified_time"], meta["og:updated_time"], meta["datemodified"],
            signals.itempropModified, meta["last-modified"], meta["dcterms.modified"], signals.modifiedTimes.first,
        ]
        modified = modifiedCandidates.lazy.compactMap { $0.flatMap(PublicationDate.normalize) }.first
    }

    /// Fills what the markup did not say from the body's own byline and date lines, then from the URL.
    mutating func complete(bylineLines: [String], datelineLines: [String]) {
        if byline.isEmpty, let line = bylineLines.first {
            byline = BylineNames.names(in: line, excluding: [site].compactMap { $0 })
        }
        if published == nil {
            published = datelineLines.lazy.compactMap(PublicationDate.find).first ?? url.flatMap(Self.dateInPath)
        }
    }

    static func nonEmpty(_ value: String?) -> String? {
        guard let value else { return nil }
        let cleaned = PageSignals.clean(value)
        return cleaned.isEmpty ? nil : cleaned
    }

    static let separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " // "]

    /// "Headline | Site" → "Headline". Strips a part that names the site; with `guess`, a short
    /// last part after a longer headline too (a `<title>`'s usual suffix).
    static func withoutSiteName(_ title: String, site: String?, guess: Bool, h1: String?) -> String {
        if let h1, title != h1, title.hasPrefix(h1) { return h1 }
        let siteKey = site.map(ContentExtractor.key)
        for separator in separators {
            guard let last = title.range(of: separator, options: .backwards) else { continue }
            let head = String(title[..<last.lowerBound]), tail = String(title[last.upperBound...])
            if let siteKey, ContentExtractor.key(tail) == siteKey || tail.lowercased().hasPrefix(site?.lowercased() ?? "\u{0}") {
                return withoutSiteName(head, site: site, guess: guess, h1: h1)
            }
            if let first = title.range(of: separator), let siteKey, ContentExtractor.key(String(title[..<first.lowerBound])) == siteKey {
                return String(title[first.upperBound...])
            }
            if guess, tail.split(separator: " ").count <= 4, head.split(separator: " ").count >= 2 { return head }
        }
        return title
    }

    /// The site name a `<title>` ends with, when the title is known to be the part before it.
    static func siteSuffix(_ documentTitle: String, title: String?) -> String? {
        guard let title else { return nil }
        for separator in separators where documentTitle.hasPrefix(title + separator) {
            let tail = PageSignals.clean(String(documentTitle.dropFirst(title.count + separator.count)))
            if !tail.isEmpty, tail.split(separator: " ").count <= 5 { return tail }
        }
        return nil
    }

    /// An absolute http(s) URL, resolving a relative one against the page's address.
    static func absolute(_ value: String?, base: String?) -> String? {
        guard let value = nonEmpty(value) else { return nil }
        let resolved = base.flatMap(URL.init(string:)).flatMap { URL(string: value, relativeTo: $0) } ?? URL(string: value)
        guard let url = resolved?.absoluteURL, let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              url.host?.isEmpty == false else { return nil }
        return url.absoluteString
    }

    /// `en_us`, `EN-us` → `en-US`; a page's `en-US,fr` keeps its first tag.
    static func languageTag(_ value: String) -> String? {
        LanguageTag.normalize(String(value.split(separator: ",").first ?? ""))
    }

    /// `/2020/03/23/` in a URL's path.
    static func dateInPath(_ url: String) -> String? {
        let parts = url.split(separator: "/")
        for i in 0..<max(parts.count - 2, 0) {
            if parts[i].count == 4, let year = Int(parts[i]), parts[i + 1].count == 2, let month = Int(parts[i + 1]),
               parts[i + 2].count == 2, let day = Int(parts[i + 2]) {
                return PublicationDate.isoDate(year, month, day)
            }
        }
        return nil
    }
}
