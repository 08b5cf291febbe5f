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

    public struct Occurrence: Equatable, Sendable {
        public var range: Range<Int>
        public var sentence: Int
        public init(range: Range<Int>, sentence: Int) {
            self.range = range
            self.sentence = sentence
        }
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
        }
    }
}
