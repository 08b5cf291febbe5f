/// A news article embedded in a session: its normalised text, title and hash.
///
/// The text travels inside the session so a reviewer needs nothing else; the
/// SHA-256 tells whether it was edited outside ClaimDesk.
public struct Article: Equatable, Sendable {
    public private(set) var id: AnnotationID
    public var title: String
    /// The file name the text was loaded from, if any (never used to build a path).
    public var origin: String?
    public var sha256: String
    public var loaded: Timestamp
    /// Earlier versions this article replaced (`rebase`), oldest first.
    public var revisions: [ArticleRevision]
    /// Where and when it appeared, and who wrote it.
    public var metadata: ArticleMetadata
    /// Suggestions rejected as "not a claim" (`reject g3`), in the order they were rejected.
    public var dismissedSuggestions: [DismissedSuggestion] = []
    /// The text, its code points and its segmentation.
    public private(set) var content: ArticleText

    public var text: String { content.string }

    public init(id: AnnotationID, title: String, origin: String?, text normalizedText: String, loaded: Timestamp,
                revisions: [ArticleRevision] = [], metadata: ArticleMetadata = ArticleMetadata()) {
        self.id = id
        self.metadata = metadata
        self.title = title
        self.origin = origin
        self.loaded = loaded
        self.revisions = revisions
        self.content = ArticleText(normalizedText)
        self.sha256 = content.sha256
    }

    /// Replaces the text, recording the old version's hash.
    public mutating func replaceText(with normalizedText: String, origin newOrigin: String?, at time: Timestamp) {
        revisions.append(ArticleRevision(sha256: sha256, origin: origin, loaded: loaded, replaced: time))
        content = ArticleText(normalizedText)
        sha256 = content.sha256
        origin = newOrigin
        loaded = time
    }

    /// Whether the stored hash still matches the text (false after a hand edit of the session file).
    ///
    /// The text is hashed once (``ArticleText/sha256``): opening a session asks this of every
    /// article twice, for the integrity check and to re-anchor the ones edited by hand.
    public var hashMatchesText: Bool { content.sha256 == sha256 }

    public static func == (a: Article, b: Article) -> Bool {
        a.id == b.id && a.title == b.title && a.origin == b.origin && a.sha256 == b.sha256
            && a.loaded == b.loaded && a.revisions == b.revisions && a.metadata == b.metadata && a.text == b.text
            && a.dismissedSuggestions == b.dismissedSuggestions
    }
}

/// A version of an article that a newer one replaced.
public struct ArticleRevision: Hashable, Sendable {
    public var sha256: String
    public var origin: String?
    public var loaded: Timestamp
    public var replaced: Timestamp
}

extension Article: JSONCodable {
    /// Reads an article; its text is segmented and hashed when first needed, once.
    public static let jsonFields = JSONFields<Article>([
        .required("id", \.id),
        .required("title", \.title),
        .optional("origin", \.origin),
        .required("sha256", \.sha256),
        .required("loaded", \.loaded),
        .defaulted("revisions", \.revisions),
        .required("text", \.content),
        .omittedWhenEmpty("dismissedSuggestions", \.dismissedSuggestions),
        .optional("url", \.metadata.url),
        .optional("publisher", \.metadata.publisher),
        .omittedWhenEmpty("byline", \.metadata.byline),
        .optional("published", \.metadata.published),
        .optional("modified", \.metadata.modified),
        .optional("language", \.metadata.language),
        .optional("fetchedSHA256", \.metadata.fetchedSHA256),
        .optional("fetchedURL", \.metadata.fetchedURL),
    ])

    /// What the reader fills in: every required field is read over it, so nothing is hashed here.
    /// The public initialiser hashed the empty text for every article read, and the first hash
    /// of a process is swift-crypto's first use: 0.2 ms of opening 1,000 annotations.
    public static var jsonDefaults: Article { Article(unread: ()) }

    private init(unread: Void) {
        id = ""
        title = ""
        origin = nil
        sha256 = ""
        loaded = .unixEpoch
        revisions = []
        metadata = ArticleMetadata()
        content = ArticleText("")
    }
}

/// An article's text is its string in the session document (the stored `sha256` is read as it
/// is, so a hand edit of the file is still noticed when the integrity check compares the two).
extension ArticleText: JSONFieldValue {
    public static func readJSONValue(from reader: inout JSONReader) throws(JSONReadError) -> ArticleText {
        ArticleText(try reader.readString())
    }

    public func writeJSONValue(to writer: inout JSONWriter) {
        writer.string(string)
    }
}

extension ArticleRevision: JSONCodable {
    public static let jsonFields = JSONFields<ArticleRevision>([
        .required("sha256", \.sha256),
        .optional("origin", \.origin),
        .required("loaded", \.loaded),
        .required("replaced", \.replaced),
    ])

    public static var jsonDefaults: ArticleRevision { ArticleRevision(sha256: "", origin: nil, loaded: .unixEpoch, replaced: .unixEpoch) }
}
