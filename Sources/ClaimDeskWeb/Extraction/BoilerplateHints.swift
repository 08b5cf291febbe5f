/// What an element's name, role and class/id say about whether it holds article text.
///
/// Class and id values are split into words (`article-body__share` → article, body, share) and
/// compared word by word, so `head` or `reader` never match `ad`.
enum BoilerplateHints {
    /// Elements that never hold body text: navigation, page furniture, media and their captions.
    static let droppedNames: Set<String> = [
        "nav", "aside", "footer", "header", "button", "dialog", "menu", "figure", "figcaption",
        "picture", "img", "video", "audio", "iframe", "noscript", "script", "input", "label", "select",
        "textarea", "style", "template", "svg", "head", "title", "meta", "link",
    ]

    static let droppedRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "menu", "menubar",
        "search", "toolbar", "tablist", "alert", "note",
    ]

    /// Words that remove an element even when it also says "article" or "content".
    static let strongNegative: Set<String> = [
        "comment", "comments", "commentlist", "disqus", "respond", "replies", "cookie", "cookies", "consent", "gdpr",
        "newsletter", "outbrain", "taboola", "share", "sharing", "sharebar", "social", "related", "recommended",
        "recommendations", "recirc", "advert", "advertisement", "ads", "adslot", "adunit", "sponsored", "sponsor",
        "promo", "promotion", "paywall", "subscribe", "subscription", "signup", "readmore", "trending", "popular",
        "mostread", "mostpopular", "breadcrumb", "breadcrumbs", "caption", "credit", "credits", "byline", "bio",
        "gallery", "slideshow", "carousel", "modal", "popup", "overlay", "skip", "print", "toolbar", "pagination",
    ]

    /// Words that remove an element only when nothing in its class or id says it is the article.
    static let weakNegative: Set<String> = [
        "ad", "sidebar", "side", "rail", "footer", "foot", "nav", "navbar", "navigation", "menu", "header",
        "masthead", "banner", "tags", "tag", "topics", "keywords", "widget", "meta", "author", "email",
        "login", "account", "rating", "vote", "pager", "next", "prev", "more", "teaser", "teasers",
        "hidden", "sr", "visually", "screenreader", "icon",
    ]

    /// Words that mark the article itself.
    static let positive: Set<String> = [
        "article", "articlebody", "body", "content", "story", "storybody", "entry", "main", "text", "prose",
        "post", "blog", "news", "paragraph", "copy", "richtext",
    ]

    /// Whether an element is page furniture rather than article text.
    static func isBoilerplate(_ element: HTMLElement) -> Bool {
        let name = element.name
        if name == "article" || name == "main" || name == "body" || name == "html" { return false }
        if droppedNames.contains(name) { return true }
        // A search box or sign-up form is furniture; a form that wraps the page (ASP.NET sites) is not.
        if name == "form" { return element.first(named: ["p", "article", "main"]) == nil }
        if element["hidden"] != nil || element["aria-hidden"]?.lowercased() == "true" { return true }
        if let role = element["role"]?.lowercased(), droppedRoles.contains(role) { return true }
        if let style = element["style"]?.lowercased().filter({ $0 != " " }),
           style.contains("display:none") || style.contains("visibility:hidden") { return true }
        if element["itemprop"]?.lowercased() == "articlebody" { return false }
        let words = classWords(element)
        if words.isEmpty { return false }
        if words.contains(where: strongNegative.contains) { return true }
        if words.contains(where: weakNegative.contains) { return !words.contains(where: positive.contains) }
        return false
    }

    /// Whether class/id say "this is the article body".
    static func isArticleBody(_ element: HTMLElement) -> Bool {
        if element.name == "article" || element["itemprop"]?.lowercased() == "articlebody" { return true }
        let words = classWords(element)
        return words.contains("articlebody") || words.contains("storybody")
            || (words.contains("article") && (words.contains("body") || words.contains("content") || words.contains("text")))
            || (words.contains("story") && (words.contains("body") || words.contains("content") || words.contains("text")))
            || (words.contains("entry") && words.contains("content"))
            || (words.contains("post") && (words.contains("body") || words.contains("content")))
    }

    /// Class and id split into lower-case words, with run-together pairs (`read-more` → also `readmore`).
    static func classWords(_ element: HTMLElement) -> [String] { element.hintWords }

    static func splitHints(_ hints: String) -> [String] {
        if hints.isEmpty { return [] }
        var words: [String] = []
        var parts: [String] = []
        var current: [UInt8] = []
        // Letters (and any non-ASCII byte) make words; anything else cuts them; white space ends a token.
        func endPart() {
            if !current.isEmpty { parts.append(String(decoding: current, as: UTF8.self)); current.removeAll(keepingCapacity: true) }
        }
        func endToken() {
            endPart()
            words += parts
            if parts.count > 1 { for i in 1..<parts.count { words.append(parts[i - 1] + parts[i]) } }
            parts.removeAll(keepingCapacity: true)
        }
        for byte in hints.utf8 {
            switch byte {
            case 0x61...0x7A, 0x80...0xFF: current.append(byte)
            case 0x41...0x5A: current.append(byte + 32)
            case 0x20, 0x09, 0x0A, 0x0D, 0x0C: endToken()
            default: endPart()
            }
        }
        endToken()
        return words
    }
}
