import Foundation

/// The article a page describes in schema.org JSON-LD: the most trusted metadata a page has,
/// since publishers fill it for search engines from their content system.
///
/// Scripts may hold one object, an array, or an `@graph` of many items (WebSite, Organization,
/// Person, BreadcrumbList, NewsArticle); items may point at each other by `@id`. The article
/// is the item of a news type (else of `Article`/`BlogPosting`, else `WebPage`) that has a headline.
struct StructuredData {
    var headline: String?
    var authors: [String] = []
    var published: String?
    var modified: String?
    var publisher: String?
    var websiteName: String?
    var url: String?
    var language: String?

    static let newsTypes: Set<String> = [
        "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle",
        "reviewnewsarticle", "askpublicnewsarticle", "livebloggposting", "liveblogposting",
    ]
    static let articleTypes: Set<String> = ["article", "blogposting", "report", "socialmediaposting", "scholarlyarticle", "techarticle"]

    init(scripts: [String]) {
        var items: [[String: Any]] = []
        for script in scripts {
            var text = script.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.hasPrefix("<!--") { text = String(text.dropFirst(4)) }
            if text.hasSuffix("-->") { text = String(text.dropLast(3)) }
            if text.hasSuffix(";") { text = String(text.dropLast()) }
            guard text.utf8.count < 4_000_000, let data = text.data(using: .utf8),
                  let json = try? JSONSerialization.jsonObject(with: data) else { continue }
            Self.collect(json, into: &items, depth: 0)
        }
        var byID: [String: [String: Any]] = [:]
        for item in items { if let id = item["@id"] as? String { byID[id] = item } }
        func rank(_ item: [String: Any]) -> Int {
            let types = Self.types(item)
            if types.contains(where: Self.newsTypes.contains) { return 3 }
            if types.contains(where: Self.articleTypes.contains) { return 2 }
            if types.contains("webpage") { return 1 }
            return 0
        }
        let article = items.filter { rank($0) > 0 && ($0["headline"] != nil || $0["name"] != nil) }
            .enumerated().max { (rank($0.element), -$0.offset) < (rank($1.element), -$1.offset) }?.element
        for item in items where Self.types(item).contains("website") {
            if websiteName == nil { websiteName = Self.string(item["name"]) }
        }
        guard let article else { return }
        func resolve(_ value: Any?) -> Any? {
            if let object = value as? [String: Any], object.count == 1, let id = object["@id"] as? String { return byID[id] ?? object }
            return value
        }
        headline = Self.string(article["headline"]) ?? (rank(article) > 1 ? Self.string(article["name"]) : nil)
        var authorValues: [Any] = []
        for key in ["author", "creator"] {
            if let list = article[key] as? [Any] { authorValues += list } else if let one = article[key] { authorValues.append(one) }
            if !authorValues.isEmpty { break }
        }
        for value in authorValues {
            let resolved = resolve(value)
            if let name = Self.string(resolved) ?? Self.string((resolved as? [String: Any])?["name"]) { authors.append(name) }
        }
        published = Self.string(article["datePublished"]) ?? Self.string(article["dateCreated"])
        modified = Self.string(article["dateModified"])
        let publisherValue = resolve(article["publisher"] ?? article["sourceOrganization"])
        publisher = Self.string((publisherValue as? [String: Any])?["name"]) ?? Self.string(publisherValue)
            ?? Self.string(((publisherValue as? [Any])?.first as? [String: Any])?["name"])
        url = Self.string(article["url"]) ?? Self.string(article["mainEntityOfPage"])
            ?? Self.string((article["mainEntityOfPage"] as? [String: Any])?["@id"])
        let language = article["inLanguage"]
        self.language = Self.string(language) ?? Self.string((language as? [String: Any])?["alternateName"])
    }

    private static func collect(_ json: Any, into items: inout [[String: Any]], depth: Int) {
        guard depth < 8 else { return }
        if let list = json as? [Any] {
            for element in list { collect(element, into: &items, depth: depth + 1) }
        } else if let object = json as? [String: Any] {
            if let graph = object["@graph"] { collect(graph, into: &items, depth: depth + 1) }
            if object["@type"] != nil { items.append(object) }
        }
    }

    static func types(_ item: [String: Any]) -> [String] {
        if let one = item["@type"] as? String { return [one.lowercased()] }
        return (item["@type"] as? [Any])?.compactMap { ($0 as? String)?.lowercased() } ?? []
    }

    /// A non-empty string, trimmed, with the HTML character references some publishers leave in decoded.
    static func string(_ value: Any?) -> String? {
        guard let text = value as? String else { return nil }
        let cleaned = PageSignals.clean(EntityDecoder.decode(text))
        return cleaned.isEmpty ? nil : cleaned
    }
}
