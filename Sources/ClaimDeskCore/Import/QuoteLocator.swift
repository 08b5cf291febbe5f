/// Finds where a quote is in a text now.
///
/// This is the one place imports ask "where is this quote?": first the position the file gives,
/// if the text there is the quote; else every occurrence of the quote (exactly, then blind to
/// typed versus typographic quotes and runs of white space), the one whose prefix and suffix
/// agree best with the text around it winning. A re-anchoring engine can take its place here.
public enum QuoteLocator {
    public enum Outcome: Equatable, Sendable {
        case found(Range<Int>)
        case notFound
        /// Several occurrences fit equally well.
        case ambiguous(Int)
    }

    public static func locate(_ quote: TextQuote, in text: ArticleText) -> Outcome {
        let exact = Array(quote.exact.unicodeScalars)
        guard !exact.isEmpty else { return .notFound }
        if let start = quote.start, let end = quote.end, start >= 0, start < end, end <= text.count,
           end - start == exact.count, text.scalars[start..<end].elementsEqual(exact) {
            return .found(start..<end)
        }
        var candidates = occurrences(of: exact, in: text.scalars)
        if candidates.isEmpty {
            candidates = FoldedText(text.scalars, caseInsensitive: false)
                .occurrences(of: FoldedText.pattern(quote.exact, caseInsensitive: false))
        }
        guard !candidates.isEmpty else { return .notFound }
        if candidates.count == 1 { return .found(candidates[0]) }

        let prefix = Array((quote.prefix ?? "").unicodeScalars)
        let suffix = Array((quote.suffix ?? "").unicodeScalars)
        func score(_ range: Range<Int>) -> Int {
            var before = 0
            while before < prefix.count, range.lowerBound - before - 1 >= 0,
                  text.scalars[range.lowerBound - before - 1] == prefix[prefix.count - before - 1] { before += 1 }
            var after = 0
            while after < suffix.count, range.upperBound + after < text.count,
                  text.scalars[range.upperBound + after] == suffix[after] { after += 1 }
            return before + after
        }
        let scored = candidates.map { ($0, score($0)) }
        let best = scored.map(\.1).max()!
        var winners = scored.filter { $0.1 == best }.map(\.0)
        if winners.count > 1, let start = quote.start {
            let distance = winners.map { abs($0.lowerBound - start) }.min()!
            winners = winners.filter { abs($0.lowerBound - start) == distance }
        }
        return winners.count == 1 ? .found(winners[0]) : .ambiguous(winners.count)
    }

    /// Every place `pattern` occurs exactly (overlapping occurrences included).
    static func occurrences(of pattern: [Unicode.Scalar], in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        guard !pattern.isEmpty, pattern.count <= scalars.count else { return [] }
        var result: [Range<Int>] = []
        let first = pattern[0]
        for i in 0...(scalars.count - pattern.count) where scalars[i] == first {
            var j = 1
            while j < pattern.count, scalars[i + j] == pattern[j] { j += 1 }
            if j == pattern.count { result.append(i..<i + pattern.count) }
        }
        return result
    }
}
