/// Why a selection does not name a span, in words that say what to type instead.
public enum SelectionError: Error, Equatable, Sendable {
    case malformed(String, String)
    case outOfRange(String, String)
    case noMatch(String, suggestion: String?)
    /// The quote occurs more than once: each occurrence with the sentence (from 1) it is in.
    case ambiguous(String, occurrences: [Occurrence])
    case occurrenceOutOfRange(String, Int, count: Int)
    case unknownAnnotation(AnnotationID)
    case annotationWithoutSpan(AnnotationID)
    case otherArticle(AnnotationID, article: AnnotationID)
    /// The last words of a from-to selection do not follow the first ones (in the place named).
    case noEnd(String, after: String, place: String)
    /// `f1` before any find.
    case noFind(String)
    /// `f3` when the last find had fewer hits.
    case noFindHit(String, count: Int)
    case findOnOtherArticle(String, article: AnnotationID)
    /// The article's text changed (a rebase) since the find.
    case staleFind(String)

    public struct Occurrence: Equatable, Sendable {
        public var range: Range<Int>
        public var sentence: Int
    }

    public var message: String {
        switch self {
        case .malformed(let raw, let why): "cannot read the selection \(raw): \(why)"
        case .outOfRange(let raw, let why): "\(raw) is out of range: \(why)"
        case .noMatch(let words, let suggestion):
            if let suggestion { "no match for \"\(words)\"; did you mean \"\(suggestion)\"?" }
            else { "no match for \"\(words)\" in the article; check the words or use find" }
        case .ambiguous(let words, let occurrences):
            "\"\(words)\" occurs \(occurrences.count) times ("
                + occurrences.prefix(8).enumerated().map { "#\($0.offset + 1) in s\($0.element.sentence)" }.joined(separator: ", ")
                + (occurrences.count > 8 ? ", …" : "")
                + "); pick one with \"\(words)\"#N or narrow it with s\(occurrences[0].sentence):\"\(words)\""
        case .occurrenceOutOfRange(let words, let n, let count):
            "\"\(words)\"#\(n): it occurs only \(count) time\(count == 1 ? "" : "s")"
        case .unknownAnnotation(let id): "no annotation \(id) in this session; list shows the ids"
        case .annotationWithoutSpan(let id): "\(id) has no span of text to reuse; give a sentence, a quote or @START-END"
        case .otherArticle(let id, let article):
            "\(id) is on article \(article), not the active one; switch with use \(article)"
        case .noEnd(let last, let first, let place):
            "no \"\(last)\" after \"\(first)\"\(place); the last words must follow the first"
        case .noFind(let raw): "no find hit \(raw): nothing has been found yet; find WORDS numbers its hits f1, f2 …"
        case .noFindHit(let raw, let count):
            "no find hit \(raw.prefix { $0 != "+" }); the last find had \(count == 0 ? "no hits" : count == 1 ? "1 hit (f1)" : "\(count) hits (f1-f\(count))")"
        case .findOnOtherArticle(let raw, let article):
            "\(raw) is a hit of the last find, on \(article), not the active article; find again here"
        case .staleFind(let raw): "\(raw) is a hit of a find made before the article's text changed; find again"
        }
    }
}
