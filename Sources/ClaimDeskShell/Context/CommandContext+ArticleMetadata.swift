import ClaimDeskCore
import Foundation

extension CommandContext {
    static let articleFields = ["title", "url", "published", "modified", "outlet", "byline", "language"]

    /// `set a1 title|url|published|modified|outlet|byline|language VALUE` (`none` clears all but the title).
    func setArticle(_ typed: String, field rawField: String, value rawValue: String) throws(ShellError) -> [StyledLine] {
        let id = AnnotationID(typed)
        guard let before = workspace.session.articles[id] else {
            throw ShellError("no article \(typed); articles lists the \(workspace.session.articles.count) there are")
        }
        let field = rawField.lowercased()
        let value = rawValue.trimmingCharacters(in: .whitespacesAndNewlines)
        let none = ["none", "-"].contains(value.lowercased())
        var article = before
        var created: [Source] = []
        var notices: [StyledLine] = []
        switch field {
        case "title":
            guard !value.isEmpty, !none else { throw ShellError("an article needs a title; give the headline") }
            guard !value.contains("\n") else { throw ShellError("a title is one line") }
            article.title = value
        case "url":
            if none { article.metadata.url = nil } else {
                guard let url = URL(string: value), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
                      url.host?.isEmpty == false else {
                    throw ShellError("\"\(value)\" is not a web address; give one like https://example.com/story")
                }
                article.metadata.url = value
            }
        case "published", "modified":
            var date: String? = nil
            if !none {
                guard let normalized = PublicationDate.normalize(value) else {
                    // An ISO date of the right shape that does not exist says which part is impossible.
                    let why = Timestamp.impossibility(in: value).map { " (\($0))" } ?? ""
                    throw ShellError("\"\(value)\" is not a date\(why); give one like 2020-03-23, 2020-03-23T14:05:00Z or March 23, 2020")
                }
                date = normalized
            }
            if field == "published" { article.metadata.published = date } else { article.metadata.modified = date }
        case "outlet", "publisher":
            article.metadata.publisher = none ? nil : try outletSource(value, creating: &created, notices: &notices)
        case "byline", "author", "authors":
            article.metadata.byline = none ? [] : value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        case "language", "lang":
            if none { article.metadata.language = nil } else {
                guard let tag = LanguageTag.normalize(value) else {
                    throw ShellError("\"\(value)\" is not a language tag; give one like en, en-US or fr")
                }
                article.metadata.language = tag
            }
        default:
            throw unknownField(field, of: id, Self.articleFields)
        }
        guard article != before else { return [StyledLine("\(id) \(field) is already \(value)")] }
        let edits = created.map { Change.Edit(before: nil, after: .source($0)) } + [Change.Edit(before: .article(before), after: .article(article))]
        try commit("set \(id) \(field)", edits)
        let shown = field == "outlet" || field == "publisher" ? article.metadata.publisher.map(sourceName) ?? "none"
            : field == "byline" || field == "author" || field == "authors" ? (article.metadata.byline.isEmpty ? "none" : article.metadata.byline.joined(separator: ", "))
            : field == "published" ? article.metadata.published ?? "none"
            : field == "modified" ? article.metadata.modified ?? "none"
            : field == "language" || field == "lang" ? article.metadata.language ?? "none"
            : none ? "none" : value
        return notices + [StyledLine(id.rawValue, .id) + StyledLine("  \(field) set to \(shown)")]
    }

    /// The registry's source for an outlet: an existing source by that name, else a new source of kind `outlet`.
    func outletSource(_ name: String, creating created: inout [Source], notices: inout [StyledLine]) throws(ShellError) -> AnnotationID {
        let session = workspace.session
        let outletKind = session.taxonomy.canonical("outlet", in: .sourceKind)
        if case .found(let source) = session.lookupSource(name), source.allNames.contains(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) {
            if let outletKind, source.kind != outletKind {
                notices.append(StyledLine("source ", .notice) + StyledLine(source.id.rawValue, .id)
                    + StyledLine(" \"\(source.name)\" is of kind \(source.kind); set \(source.id) kind \(outletKind) if it is the outlet", .notice))
            }
            return source.id
        }
        if let made = created.first(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame }) { return made.id }
        let id = session.nextIDs(.source, count: created.count + 1).last ?? session.nextID(.source)
        let kind = outletKind ?? session.taxonomy.labels(.sourceKind).last ?? "other"
        let name = articleSpelling(name)
        created.append(Source(id: id, name: name, kind: kind, author: workspace.analyst, created: workspace.now))
        notices.append(StyledLine("new source ", .notice) + StyledLine(id.rawValue, .id) + StyledLine(" \"\(name)\" (\(kind))", .notice))
        return id
    }

    /// `by Jane Doe, John Roe (The Daily Courier, 2020-03-23)`, or nil when nothing is known.
    func articleCredit(_ article: Article) -> String? {
        let meta = article.metadata
        var parts: [String] = []
        if let outlet = meta.publisher { parts.append(sourceName(outlet)) }
        if let day = meta.publishedDay { parts.append(day) }
        var credit = meta.byline.isEmpty ? "" : "by " + meta.byline.joined(separator: ", ")
        if !parts.isEmpty { credit += (credit.isEmpty ? "" : " ") + "(" + parts.joined(separator: ", ") + ")" }
        return credit.isEmpty ? nil : credit
    }

    /// The metadata lines `status` shows for the active article.
    func articleMetadataLines(_ article: Article) -> [StyledLine] {
        let meta = article.metadata
        var lines: [StyledLine] = []
        if !meta.byline.isEmpty { lines.append(StyledLine("byline    \(meta.byline.joined(separator: ", "))")) }
        if let outlet = meta.publisher {
            lines.append(StyledLine("outlet    \(sourceName(outlet)) (\(outlet))") + StyledLine("  last link of new claims' chains; --via none leaves it off", .dim))
        }
        if let published = meta.published { lines.append(StyledLine("published \(published)")) }
        if let modified = meta.modified { lines.append(StyledLine("modified  \(modified)")) }
        if let url = meta.url { lines.append(StyledLine("url       \(url)")) }
        if let language = meta.language { lines.append(StyledLine("language  \(language)")) }
        if let fetched = meta.fetchedURL {
            lines.append(StyledLine("fetched   \(fetched)  sha256 \(meta.fetchedSHA256.map { String($0.prefix(12)) + "…" } ?? "-")", .dim))
        }
        return lines
    }
}
