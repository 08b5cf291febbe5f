/// The hits of the last `find`, numbered from 1 as `f1`, `f2` …, on the article it searched.
///
/// A hit stays a selection until the next `find` replaces the list, so a passage found by a few
/// words is marked without typing it again (`claim f2+ --by Esper`).
public struct FindHits: Equatable, Sendable {
    public var article: AnnotationID
    public var ranges: [Range<Int>]
    /// The SHA-256 of the text searched, when known: after a rebase the offsets mean other words.
    public var textDigest: String?

    public init(article: AnnotationID, ranges: [Range<Int>], textDigest: String? = nil) {
        self.article = article
        self.ranges = ranges
        self.textDigest = textDigest
    }

    /// `f3`: the name of the hit at `index` (from 0).
    public static func name(_ index: Int) -> String { "f\(index + 1)" }
}
