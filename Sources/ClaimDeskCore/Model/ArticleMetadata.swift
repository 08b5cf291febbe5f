/// What is known about where an article appeared: its address, outlet, authors, dates, language,
/// and for a fetched page the bytes' hash and where the fetch ended.
///
/// Every field is optional (session format 2 added them; a version-1 article has none), and
/// each is a plain value so later fields fit beside them without a new version.
public struct ArticleMetadata: Hashable, Sendable {
    /// The canonical URL.
    public var url: String?
    /// The outlet, a source of kind `outlet` in the registry.
    public var publisher: AnnotationID?
    /// Authors' names, without "By".
    public var byline: [String]
    /// ISO-8601 dates (`2020-03-23`) or date-times with the outlet's zone (`2020-03-23T09:15:00-04:00`).
    public var published: String?
    public var modified: String?
    /// A BCP 47 tag (`en`, `en-US`).
    public var language: String?
    /// SHA-256 of the page's bytes exactly as fetched, so a reviewer can tell the page changed since.
    public var fetchedSHA256: String?
    /// The address the fetch ended at, after redirects.
    public var fetchedURL: String?

    public init(url: String? = nil, publisher: AnnotationID? = nil, byline: [String] = [], published: String? = nil,
                modified: String? = nil, language: String? = nil, fetchedSHA256: String? = nil, fetchedURL: String? = nil) {
        self.url = url
        self.publisher = publisher
        self.byline = byline
        self.published = published
        self.modified = modified
        self.language = language
        self.fetchedSHA256 = fetchedSHA256
        self.fetchedURL = fetchedURL
    }

    /// The day part of the published date (`2020-03-23`), for short displays.
    public var publishedDay: String? { published.map { String($0.prefix(10)) } }
}
