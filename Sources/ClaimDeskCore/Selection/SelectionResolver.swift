/// Turns a selection into a code-point range of one article's text.
public struct SelectionResolver {
    public let article: AnnotationID
    public let text: ArticleText
    /// The span an annotation id stands for, if it has one.
    public let spanOf: (AnnotationID) -> Anchor??
    /// The hits of the last `find`, which `f1`, `f2` … name; nil before any.
    public let findHits: FindHits?
    /// The SHA-256 of `text`, when known, to refuse find hits made on an earlier version.
    public let textDigest: String?

    /// - Parameter spanOf: nil when no such annotation, `.some(nil)` when it has no span.
    public init(article: AnnotationID, text: ArticleText, findHits: FindHits? = nil, textDigest: String? = nil,
                spanOf: @escaping (AnnotationID) -> Anchor??) {
        self.article = article
        self.text = text
        self.findHits = findHits
        self.textDigest = textDigest
        self.spanOf = spanOf
    }

    public func resolve(_ raw: String) throws(SelectionError) -> Range<Int> {
        try resolve(SelectionParser.parse(raw), raw: raw)
    }

    /// The fragments a selection names, in text order: one range for a plain selection, one per
    /// part for `SEL+SEL+…` (``SelectionParser/fragmentParts(_:)``). An annotation id stands for
    /// every fragment of its span when `fragmentsOf` knows them. Fragments that overlap are refused.
    public func resolveFragments(_ raw: String, fragmentsOf: (AnnotationID) -> [Range<Int>]? = { _ in nil }) throws(SelectionError) -> [Range<Int>] {
        var ranges: [(range: Range<Int>, raw: String)] = []
        for part in SelectionParser.fragmentParts(raw) {
            let selection = try SelectionParser.parse(part)
            let first = try resolve(selection, raw: part)
            if case .annotation(let id) = selection, let all = fragmentsOf(id), all.count > 1 {
                ranges += all.map { ($0, part) }
            } else {
                ranges.append((first, part))
            }
        }
        ranges.sort { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        for (a, b) in zip(ranges, ranges.dropFirst()) where b.range.lowerBound < a.range.upperBound {
            throw .malformed(raw, a.raw == b.raw ? "\(a.raw) overlaps itself" : "the fragments \(a.raw) and \(b.raw) overlap; give fragments that do not share text")
        }
        return ranges.map(\.range)
    }

    public func resolve(_ selection: Selection, raw: String) throws(SelectionError) -> Range<Int> {
        switch selection {
        case .sentences(let numbers):
            let spans = try sentenceSpans(numbers, raw: raw)
            return spans.lowerBound..<spans.upperBound
        case .paragraphs(let numbers):
            return try paragraphSpan(numbers, raw: raw)
        case .codePoints(let range):
            guard range.upperBound <= text.count else {
                throw .outOfRange(raw, "the article has \(text.count) code points (offsets 0-\(text.count))")
            }
            return range
        case .annotation(let id):
            guard let found = spanOf(id) else { throw .unknownAnnotation(id) }
            guard let anchor = found else { throw .annotationWithoutSpan(id) }
            guard anchor.article == article else { throw .otherArticle(id, article: anchor.article) }
            return anchor.range
        case .quote(let words, let occurrence, let scope):
            return try quote(words, occurrence: occurrence, scope: scope, raw: raw)
        case .fromTo(let first, let occurrence, let last, let lastOccurrence, let scope):
            return try fromTo(first, occurrence: occurrence, to: last, toOccurrence: lastOccurrence, scope: scope, raw: raw)
        case .findHit(let n, let growth):
            return try findHit(n, growth: growth, raw: raw)
        }
    }

    /// `"One group".."Baghdad"`: from the first words (unique in the scope, or picked with `#N`) to
    /// the end of the next occurrence of the last words after them (or the `#N`-th), in the scope.
    func fromTo(_ first: String, occurrence: Int?, to last: String, toOccurrence: Int?,
                scope: Selection.Scope?, raw: String) throws(SelectionError) -> Range<Int> {
        let window = try self.window(scope, raw: raw)
        let start = try quote(first, occurrence: occurrence, scope: scope, raw: raw)
        let ends = hits(last, in: start.upperBound..<(window?.upperBound ?? text.count))
        let n = toOccurrence ?? 1
        guard n <= ends.count else {
            let place = scope.map { " in \(Self.name($0))" } ?? ""
            if ends.isEmpty {
                throw .noEnd(last, after: first, place: place)
            }
            throw .occurrenceOutOfRange(last, n, count: ends.count)
        }
        return start.lowerBound..<ends[n - 1].upperBound
    }

    /// `f2`: the second hit of the last find, on this article, grown as asked.
    func findHit(_ n: Int, growth: FindHitGrowth, raw: String) throws(SelectionError) -> Range<Int> {
        guard let findHits else { throw .noFind(raw) }
        guard findHits.article == article else { throw .findOnOtherArticle(raw, article: findHits.article) }
        if let found = findHits.textDigest, let now = textDigest, found != now { throw .staleFind(raw) }
        guard n <= findHits.ranges.count else { throw .noFindHit(raw, count: findHits.ranges.count) }
        let hit = findHits.ranges[n - 1]
        guard hit.upperBound <= text.count else { throw .noFindHit(raw, count: findHits.ranges.count) }
        switch growth {
        case .none: return hit
        case .clause: return ClauseSpan.clause(around: hit, in: text)
        case .sentence: return ClauseSpan.sentences(around: hit, in: text)
        }
    }

    static func name(_ scope: Selection.Scope) -> String {
        switch scope {
        case .sentences(let n): n.count == 1 ? "s\(n.lowerBound)" : "s\(n.lowerBound)-s\(n.upperBound)"
        case .paragraphs(let n): n.count == 1 ? "p\(n.lowerBound)" : "p\(n.lowerBound)-p\(n.upperBound)"
        }
    }

    /// The code points a scope covers; nil for the whole article.
    func window(_ scope: Selection.Scope?, raw: String) throws(SelectionError) -> Range<Int>? {
        switch scope {
        case .sentences(let n): try sentenceSpans(n, raw: raw)
        case .paragraphs(let n): try paragraphSpan(n, raw: raw)
        case nil: nil
        }
    }

    /// The occurrences of words (as quotes match: case-sensitive, blind to quote forms and spaces).
    func hits(_ words: String, in window: Range<Int>?) -> [Range<Int>] {
        FoldedText(text.scalars, caseInsensitive: false).occurrences(of: FoldedText.pattern(words, caseInsensitive: false), in: window)
    }

    func sentenceSpans(_ numbers: ClosedRange<Int>, raw: String) throws(SelectionError) -> Range<Int> {
        let sentences = text.segmentation.sentences
        guard numbers.upperBound <= sentences.count else {
            throw .outOfRange(raw, "the article has \(sentences.count) sentence\(sentences.count == 1 ? "" : "s") (s1-s\(sentences.count))")
        }
        return sentences[numbers.lowerBound - 1].range.lowerBound..<sentences[numbers.upperBound - 1].range.upperBound
    }

    func paragraphSpan(_ numbers: ClosedRange<Int>, raw: String) throws(SelectionError) -> Range<Int> {
        let paragraphs = text.segmentation.paragraphs
        guard numbers.upperBound <= paragraphs.count else {
            throw .outOfRange(raw, "the article has \(paragraphs.count) paragraph\(paragraphs.count == 1 ? "" : "s") (p1-p\(paragraphs.count))")
        }
        return paragraphs[numbers.lowerBound - 1].lowerBound..<paragraphs[numbers.upperBound - 1].upperBound
    }

    func quote(_ words: String, occurrence: Int?, scope: Selection.Scope?, raw: String) throws(SelectionError) -> Range<Int> {
        let window = try self.window(scope, raw: raw)
        let hits = self.hits(words, in: window)
        if hits.isEmpty {
            let loose = FoldedText(text.scalars, caseInsensitive: true)
                .occurrences(of: FoldedText.pattern(words, caseInsensitive: true), in: window)
            throw .noMatch(words, suggestion: loose.first.map { text.slice($0) })
        }
        if let occurrence {
            guard occurrence <= hits.count else { throw .occurrenceOutOfRange(words, occurrence, count: hits.count) }
            return hits[occurrence - 1]
        }
        guard hits.count == 1 else {
            throw .ambiguous(words, occurrences: hits.map {
                .init(range: $0, sentence: (text.sentenceIndex(containing: $0.lowerBound) ?? 0) + 1)
            })
        }
        return hits[0]
    }
}
