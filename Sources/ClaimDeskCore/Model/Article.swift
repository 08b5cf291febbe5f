/// A news article embedded in a session: its normalised text, title and hash.
///
/// The text travels inside the session so a reviewer needs nothing else; the
/// SHA-256 tells whether it was edited outside ClaimDesk.
public struct Article: Equatable, Sendable, Codable {
    public let id: AnnotationID
    public var title: String
    /// The file name the text was loaded from, if any (never used to build a path).
    public var origin: String?
    public var sha256: String
    public var loaded: Timestamp
    /// Earlier versions this article replaced (`rebase`), oldest first.
    public var revisions: [ArticleRevision]
    /// The text, its code points and its segmentation.
    public private(set) var content: ArticleText

    public var text: String { content.string }

    public init(id: AnnotationID, title: String, origin: String?, text normalizedText: String, loaded: Timestamp,
                revisions: [ArticleRevision] = []) {
        self.id = id
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

    enum CodingKeys: String, CodingKey {
        case id, title, origin, sha256, loaded, revisions, text
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(AnnotationID.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        origin = try c.decodeIfPresent(String.self, forKey: .origin)
        sha256 = try c.decode(String.self, forKey: .sha256)
        loaded = try c.decode(Timestamp.self, forKey: .loaded)
        revisions = try c.decodeIfPresent([ArticleRevision].self, forKey: .revisions) ?? []
        content = ArticleText(try c.decode(String.self, forKey: .text))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encodeIfPresent(origin, forKey: .origin)
        try c.encode(sha256, forKey: .sha256)
        try c.encode(loaded, forKey: .loaded)
        try c.encode(revisions, forKey: .revisions)
        try c.encode(text, forKey: .text)
    }

    public static func == (a: Article, b: Article) -> Bool {
        a.id == b.id && a.title == b.title && a.origin == b.origin && a.sha256 == b.sha256
            && a.loaded == b.loaded && a.revisions == b.revisions && a.text == b.text
    }
}

/// A version of an article that a newer one replaced.
public struct ArticleRevision: Hashable, Sendable, Codable {
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
