/// Finds where an imported quote is in a session's article now.
///
/// This is the one place imports ask "where is this quote?", and the answer comes from the
/// re-anchoring engine (``Reanchorer``): the position the file gives when the text there is
/// still the quote, else the occurrence whose context fits, else an edited version of the quote
/// when the evidence is strong; a quote it cannot place with confidence is reported, not guessed.
public struct QuoteLocator: Sendable {
    public enum Outcome: Equatable, Sendable {
        case found(Range<Int>)
        case notFound
        /// Several occurrences fit equally well.
        case ambiguous(Int)
    }

    let reanchorer: Reanchorer

    /// Builds the engine's index of the text once, for every quote looked up in it.
    public init(_ text: ArticleText) {
        reanchorer = Reanchorer(scalars: text.scalars)
    }

    public func locate(_ quote: TextQuote) -> Outcome {
        guard !quote.exact.isEmpty else { return .notFound }
        let resolution = reanchorer.locate(start: quote.start, end: quote.end, exact: quote.exact,
                                           prefix: quote.prefix ?? "", suffix: quote.suffix ?? "")
        switch resolution {
        case .exact(let range), .moved(let range), .fuzzy(let range, _): return .found(range)
        case .orphaned(.ambiguous(let candidates)): return .ambiguous(candidates)
        case .orphaned: return .notFound
        }
    }

    /// One quote in one text.
    public static func locate(_ quote: TextQuote, in text: ArticleText) -> Outcome {
        QuoteLocator(text).locate(quote)
    }
}
