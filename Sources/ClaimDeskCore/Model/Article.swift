/// A news article embedded in a session: its normalised text, title and hash.
///
/// The text travels inside the session so a reviewer needs nothing else; the
/// SHA-256 tells whether it was edited outside ClaimDesk.
public struct Article: Equatable, Sendable {
    public let id: AnnotationID
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
        self.sha256 = SHA256Digest.hex(of: normalizedText)
    }

    /// Replaces the text, recording the old version's hash.
    public mutating func replaceText(with normalizedText: String, origin newOrigin: String?, at time: Timestamp) {
        revisions.append(ArticleRevision(sha256: sha256, origin: origin, loaded: loaded, replaced: time))
        content = ArticleText(normalizedText)
        sha256 = SHA256Digest.hex(of: normalizedText)
        origin = newOrigin
        loaded = time
    }

    /// Whether the stored hash still matches the text (false after a hand edit of the session file).
    public var hashMatchesText: Bool { SHA256Digest.hex(of: text) == sha256 }

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

    public init(sha256: String, origin: String?, loaded: Timestamp, replaced: Timestamp) {
        self.sha256 = sha256
        self.origin = origin
        self.loaded = loaded
        self.replaced = replaced
    }
}

extension Article: JSONWritable, JSONReadable {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        if !metadata.byline.isEmpty { writer.field("byline", metadata.byline) }
        if !dismissedSuggestions.isEmpty { writer.field("dismissedSuggestions", dismissedSuggestions) }
        writer.field("fetchedSHA256", metadata.fetchedSHA256)
        writer.field("fetchedURL", metadata.fetchedURL)
        writer.field("id", id)
        writer.field("language", metadata.language)
        writer.field("loaded", loaded)
        writer.field("modified", metadata.modified)
        writer.field("origin", origin)
        writer.field("published", metadata.published)
        writer.field("publisher", metadata.publisher)
        writer.field("revisions", revisions)
        writer.field("sha256", sha256)
        writer.field("text", text)
        writer.field("title", title)
        writer.field("url", metadata.url)
        writer.endObject()
    }

    /// Reads an article; its text is segmented here, once.
    public init(json reader: inout JSONReader) throws(JSONReadError) {
        var id: AnnotationID?, title: String?, origin: String?, sha256: String?, loaded: Timestamp?, text: String?
        var revisions: [ArticleRevision] = []
        var metadata = ArticleMetadata()
        var dismissed: [DismissedSuggestion] = []
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "url": metadata.url = try reader.readString()
            case "publisher": metadata.publisher = try AnnotationID(json: &reader)
            case "byline": metadata.byline = try reader.readStrings()
            case "published": metadata.published = try reader.readString()
            case "modified": metadata.modified = try reader.readString()
            case "language": metadata.language = try reader.readString()
            case "fetchedSHA256": metadata.fetchedSHA256 = try reader.readString()
            case "fetchedURL": metadata.fetchedURL = try reader.readString()
            case "id": id = try AnnotationID(json: &reader)
            case "title": title = try reader.readString()
            case "origin": origin = try reader.readString()
            case "sha256": sha256 = try reader.readString()
            case "loaded": loaded = try Timestamp(json: &reader)
            case "revisions": revisions = try [ArticleRevision](json: &reader)
            case "text": text = try reader.readString()
            case "dismissedSuggestions": dismissed = try [DismissedSuggestion](json: &reader)
            default: try reader.skipValue()
            }
        }
        self.id = try reader.required(id, "id")
        self.title = try reader.required(title, "title")
        self.origin = origin
        self.sha256 = try reader.required(sha256, "sha256")
        self.loaded = try reader.required(loaded, "loaded")
        self.revisions = revisions
        self.metadata = metadata
        self.dismissedSuggestions = dismissed
        self.content = ArticleText(try reader.required(text, "text"))
    }
}

extension ArticleRevision: JSONWritable, JSONReadable {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("loaded", loaded)
        writer.field("origin", origin)
        writer.field("replaced", replaced)
        writer.field("sha256", sha256)
        writer.endObject()
    }

    public init(json reader: inout JSONReader) throws(JSONReadError) {
        var sha256: String?, origin: String?, loaded: Timestamp?, replaced: Timestamp?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "sha256": sha256 = try reader.readString()
            case "origin": origin = try reader.readString()
            case "loaded": loaded = try Timestamp(json: &reader)
            case "replaced": replaced = try Timestamp(json: &reader)
            default: try reader.skipValue()
            }
        }
        self.sha256 = try reader.required(sha256, "sha256")
        self.origin = origin
        self.loaded = try reader.required(loaded, "loaded")
        self.replaced = try reader.required(replaced, "replaced")
    }
}
