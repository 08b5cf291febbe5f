import ClaimDeskCore

/// What a web page holds for an analyst: the article's text and what is known about it.
///
/// Every field is what `load` stores and what `claimdesk extract` prints; fields the page
/// does not tell are nil (or empty), never guessed from the day it was read.
public struct WebArticle: Equatable, Sendable {
    /// The headline, without the site name some pages append.
    public var title: String?
    /// Authors' names, without "By".
    public var byline: [String]
    /// ISO-8601: `2020-03-23` or `2020-03-23T14:05:00-04:00`.
    public var published: String?
    public var modified: String?
    /// The outlet's name ("The Daily Courier").
    public var site: String?
    /// The canonical URL, absolute.
    public var url: String?
    /// A BCP 47 tag (`en`, `en-US`).
    public var language: String?
    /// The headline, then the body's paragraphs.
    public var paragraphs: [String]
    /// The encoding the page was read in.
    public var encoding: PageEncoding

    public init(title: String?, byline: [String], published: String?, modified: String?, site: String?, url: String?,
                language: String?, paragraphs: [String], encoding: PageEncoding) {
        self.title = title
        self.byline = byline
        self.published = published
        self.modified = modified
        self.site = site
        self.url = url
        self.language = language
        self.paragraphs = paragraphs
        self.encoding = encoding
    }

    /// The article text as `load` stores it: headline and paragraphs separated by blank lines,
    /// normalised like any loaded text (NFC, `\n`).
    public var text: String {
        TextNormalizer.normalize(((title.map { [$0] } ?? []) + paragraphs).joined(separator: "\n\n") + "\n")
    }
}
