import ClaimDeskCore
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
        var items: [[String: JSONValue]] = []
        for script in scripts {
            var text = script.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.hasPrefix("<!--") { text = String(text.dropFirst(4)) }
            if text.hasSuffix("-->") { text = String(text.dropLast(3)) }
            if text.hasSuffix(";") { text = String(text.dropLast()) }
            // A script that is not JSON is skipped: pages carry broken markup often enough.
            guard text.utf8.count < 4_000_000, let json = try? JSONValue.parse(Array(text.utf8)) else { continue }
            Self.collect(json, into: &items, depth: 0)
        }
        var byID: [String: [String: JSONValue]] = [:]
        for item in items { if let id = item["@id"]?.stringValue { byID[id] = item } }
        func rank(_ item: [String: JSONValue]) -> Int {
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
        func resolve(_ value: JSONValue?) -> JSONValue? {
            if let object = value?.objectValue, object.count == 1, let id = object["@id"]?.stringValue { return byID[id].map(JSONValue.object) ?? value }
            return value
        }
        headline = Self.string(article["headline"]) ?? (rank(article) > 1 ? Self.string(article["name"]) : nil)
        var authorValues: [JSONValue] = []
        for key in ["author", "creator"] {
            if let list = article[key]?.arrayValue { authorValues += list } else if let one = article[key] { authorValues.append(one) }
            if !authorValues.isEmpty { break }
        }
        for value in authorValues {
            let resolved = resolve(value)
            if let name = Self.string(resolved) ?? Self.string(resolved?["name"]) { authors.append(name) }
        }
        published = Self.string(article["datePublished"]) ?? Self.string(article["dateCreated"])
        modified = Self.string(article["dateModified"])
        let publisherValue = resolve(article["publisher"] ?? article["sourceOrganization"])
        publisher = Self.string(publisherValue?["name"]) ?? Self.string(publisherValue)
            ?? Self.string(publisherValue?.arrayValue?.first?["name"])
        url = Self.string(article["url"]) ?? Self.string(article["mainEntityOfPage"])
            ?? Self.string(article["mainEntityOfPage"]?["@id"])
        let language = article["inLanguage"]
        self.language = Self.string(language) ?? Self.string(language?["alternateName"])
    }

    private static func collect(_ json: JSONValue, into items: inout [[String: JSONValue]], depth: Int) {
        guard depth < 8 else { return }
        if let list = json.arrayValue {
            for element in list { collect(element, into: &items, depth: depth + 1) }
        } else if let object = json.objectValue {
            if let graph = object["@graph"] { collect(graph, into: &items, depth: depth + 1) }
            if object["@type"] != nil { items.append(object) }
        }
    }

    static func types(_ item: [String: JSONValue]) -> [String] {
        if let one = item["@type"]?.stringValue { return [one.lowercased()] }
        return item["@type"]?.arrayValue?.compactMap { $0.stringValue?.lowercased() } ?? []
    }

    /// A non-empty string, trimmed, with the HTML character references some publishers leave in decoded.
    static func string(_ value: JSONValue?) -> String? {
        guard let text = value?.stringValue else { return nil }
        let cleaned = PageSignals.clean(EntityDecoder.decode(text))
        return cleaned.isEmpty ? nil : cleaned
    }
}
