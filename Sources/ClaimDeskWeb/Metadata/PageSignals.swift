/// Everything on a page that may say what the article is: meta tags, links, structured data,
/// bylines and times in the markup. Collected in one walk over the whole page (furniture
/// included: a byline often sits in a header the body extractor drops).
struct PageSignals {
    var language: String?
    var documentTitle: String?
    /// `<meta>` contents by lower-cased `name`, `property` or `itemprop`, first value wins.
    var meta: [String: String] = [:]
    var canonical: String?
    var jsonLD: [String] = []
    var firstH1: String?
    /// `<h1>` inside an `<article>` or an article-body element.
    var articleH1: String?
    var itempropAuthors: [String] = []
    var relAuthors: [String] = []
    var bylineElements: [String] = []
    var itempropPublished: String?
    var itempropModified: String?
    var publishedTimes: [String] = []
    var modifiedTimes: [String] = []
    var times: [String] = []

    init(_ root: HTMLElement) {
        language = root["lang"] ?? root["xml:lang"]
        visit(root, inArticle: false)
    }

    private mutating func visit(_ element: HTMLElement, inArticle: Bool) {
        for child in element.children {
            guard case .element(let e) = child else { continue }
            let inside = inArticle || e.name == "article" || BoilerplateHints.isArticleBody(e)
            switch e.name {
            case "title" where documentTitle == nil: documentTitle = Self.clean(e.textContent)
            case "meta":
                if let content = e["content"] {
                    for key in [e["name"], e["property"], e["itemprop"], e["http-equiv"]].compactMap({ $0?.lowercased() }) where meta[key] == nil {
                        meta[key] = content
                    }
                }
            case "link":
                if canonical == nil, e["rel"]?.lowercased().split(separator: " ").contains("canonical") == true { canonical = e["href"] }
            case "script": if e["type"]?.lowercased().contains("ld+json") == true { jsonLD.append(e.textContent) }
            case "h1":
                let text = Self.clean(e.textContent)
                if !text.isEmpty {
                    if firstH1 == nil { firstH1 = text }
                    if inside, articleH1 == nil { articleH1 = text }
                }
            case "time":
                if let value = e["datetime"] {
                    let hints = BoilerplateHints.classWords(e)
                    if e["pubdate"] != nil || hints.contains("published") || hints.contains("publish") || hints.contains("pubdate") {
                        publishedTimes.append(value)
                    } else if hints.contains("updated") || hints.contains("modified") {
                        modifiedTimes.append(value)
                    } else {
                        times.append(value)
                    }
                }
            default: break
            }
            if let prop = e["itemprop"]?.lowercased() {
                switch prop {
                case "author", "creator":
                    let name = e.name == "meta" ? e["content"] : Self.nameInside(e)
                    if let name, !name.isEmpty { itempropAuthors.append(name) }
                case "datepublished" where itempropPublished == nil && e.name != "meta":
                    itempropPublished = e["datetime"] ?? e["content"] ?? Self.clean(e.textContent)
                case "datemodified" where itempropModified == nil && e.name != "meta":
                    itempropModified = e["datetime"] ?? e["content"] ?? Self.clean(e.textContent)
                default: break
                }
            }
            if e.name == "a", e["rel"]?.lowercased().split(separator: " ").contains("author") == true {
                relAuthors.append(Self.clean(e.textContent))
            }
            let words = BoilerplateHints.classWords(e)
            if words.contains("byline") || words.contains("author") || words.contains("authors") || words.contains("contributor") {
                let text = Self.clean(e.textContent)
                if !text.isEmpty, text.count < 200 { bylineElements.append(text) }
            }
            visit(e, inArticle: inside)
        }
    }

    /// The text of an element's `itemprop="name"` child, else of the element.
    private static func nameInside(_ element: HTMLElement) -> String {
        var found: String?
        element.descendants { inner in
            if found == nil, inner["itemprop"]?.lowercased() == "name" { found = inner["content"] ?? clean(inner.textContent) }
        }
        return found ?? clean(element.textContent)
    }

    /// White space runs to one space, trimmed.
    static func clean(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            let v = scalar.value
            let space = v < 0x80 ? (v == 0x20 || (v >= 0x09 && v <= 0x0D)) : (v == 0xA0 || scalar.properties.isWhitespace)
            if space {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20); pendingSpace = false }
                UTF8.encode(scalar) { out.append($0) }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
