import Testing
@testable import ClaimDeskCore

@Suite struct ReanchorerTests {
    static let old = """
        The harbour authority approved a new ferry timetable on Monday. Boats will leave every twenty minutes \
        at peak hours, up from every half hour, starting in May. The change follows two years of complaints \
        from commuters on the island routes, who said crowding had become unbearable.
        """

    /// The query an annotation on `quote` (the `n`th occurrence) of `text` would carry.
    static func query(_ quote: String, in text: String, occurrence n: Int = 0, context: Int = 32) -> AnchorQuery {
        let scalars = Array(text.unicodeScalars)
        let range = ReanchorCorpus.occurrence(quote, n, in: scalars)!
        return AnchorQuery(start: range.lowerBound, end: range.upperBound, exact: quote,
                           prefix: ReanchorCorpus.string(scalars[max(0, range.lowerBound - context)..<range.lowerBound]),
                           suffix: ReanchorCorpus.string(scalars[range.upperBound..<min(scalars.count, range.upperBound + context)]))
    }

    static func range(of s: String, in text: String, occurrence n: Int = 0) -> Range<Int> {
        ReanchorCorpus.occurrence(s, n, in: Array(text.unicodeScalars))!
    }

    @Test func unchangedTextIsExact() {
        let q = Self.query("every twenty minutes", in: Self.old)
        #expect(Reanchorer(text: Self.old).locate(q) == .exact(Self.range(of: "every twenty minutes", in: Self.old)))
    }

    @Test func shiftedTextIsMoved() {
        let new = "UPDATED: adds a quote from the authority.\n\n" + Self.old
        let q = Self.query("every twenty minutes", in: Self.old)
        let r = Reanchorer(text: new).locate(q)
        #expect(r == .moved(Self.range(of: "every twenty minutes", in: new)))
        #expect(r.how == "moved" && r.score == 1)
    }

    @Test func editedQuoteIsFuzzyWithItsScore() {
        let new = Self.old.replacingOccurrences(of: "every twenty minutes", with: "every fifteen minutes")
        let r = Reanchorer(text: new).locate(Self.query("Boats will leave every twenty minutes at peak hours", in: Self.old))
        guard case .fuzzy(let range, let score) = r else {
            Issue.record("expected a fuzzy match, got \(r)")
            return
        }
        #expect(range == Self.range(of: "Boats will leave every fifteen minutes at peak hours", in: new))
        #expect(score > 0.8 && score < 1)
    }

    @Test func deletedSentenceIsOrphaned() {
        let sentence = " The change follows two years of complaints from commuters on the island routes, who said crowding had become unbearable."
        let new = Self.old.replacingOccurrences(of: sentence, with: "")
        #expect(new != Self.old)
        let r = Reanchorer(text: new).locate(Self.query("two years of complaints from commuters", in: Self.old))
        #expect(r.isOrphaned)
        #expect(r.range == nil && r.how == "orphaned")
    }

    @Test func emptyQuoteIsOrphaned() {
        #expect(Reanchorer(text: Self.old).locate(start: 0, end: 0, exact: "", prefix: "", suffix: "") == .orphaned(.emptyQuote))
    }

    @Test func unrelatedTextGivesNothing() {
        let r = Reanchorer(text: "zzzz qqqq xxxx").locate(start: nil, end: nil, exact: "harbour authority approved", prefix: "", suffix: "")
        #expect(r == .orphaned(.notFound))
    }

    @Test func positionOutsideTheNewTextIsIgnored() {
        let q = AnchorQuery(start: 5000, end: 5010, exact: "ferry timetable", prefix: "approved a new ", suffix: " on Monday")
        #expect(Reanchorer(text: Self.old).locate(q) == .moved(Self.range(of: "ferry timetable", in: Self.old)))
    }

    @Test func contextOutvotesAnExactLookAlike() {
        // The original sentence is edited; an unrelated paragraph now carries the old wording.
        let new = Self.old.replacingOccurrences(of: "crowding had become unbearable", with: "crowding had become intolerable")
            + "\n\nLetters: crowding had become unbearable on our bus too, writes a reader."
        let r = Reanchorer(text: new).locate(Self.query("crowding had become unbearable", in: Self.old))
        #expect(r.range == Self.range(of: "crowding had become intolerable", in: new))
    }

    @Test func identicalPassagesWithoutPositionAreAmbiguous() {
        let line = "Ferries will run every twenty minutes from the north pier until further notice. "
        let text = line + "Other news follows here in between. " + line
        let q = AnchorQuery(start: nil, end: nil, exact: "twenty minutes", prefix: "Ferries will run every ", suffix: " from the north pier")
        #expect(Reanchorer(text: text).locate(q) == .orphaned(.ambiguous(candidates: 2)))
        // With a position, the nearer passage wins.
        let second = Self.range(of: "twenty minutes", in: text, occurrence: 1)
        var near = q
        near.start = second.lowerBound - 3
        near.end = second.upperBound - 3
        #expect(Reanchorer(text: text).locate(near) == .moved(second))
    }

    @Test func neighboursTellRepeatedPassagesApart() {
        // The quote sits deep inside a repeated line, so both copies have the same context.
        let line = "Ferries from the north pier will run every twenty minutes until further notice, the operator said. "
        let filler = String(repeating: "Council notes on harbour dredging and budget lines. ", count: 8)
        let old = "Intro paragraph on the harbour. " + line + filler + line + "Closing words."
        let new = String(repeating: "A long correction about the timetable was added here. ", count: 10) + old
        let quote = Self.query("twenty minutes", in: old, occurrence: 0)
        let neighbour = Self.query("Intro paragraph on the harbour.", in: old)
        let reanchorer = Reanchorer(text: new)
        #expect(reanchorer.locate(quote) == .orphaned(.ambiguous(candidates: 2)))
        let both = reanchorer.locateAll([quote, neighbour])
        #expect(both[0] == .moved(Self.range(of: "twenty minutes", in: new, occurrence: 0)))
        #expect(both[1] == .moved(Self.range(of: "Intro paragraph on the harbour.", in: new)))
    }

    @Test func sessionAnchorsAreRewrittenOrMarked() {
        let new = "Correction appended.\n\n" + Self.old.replacingOccurrences(of: "starting in May", with: "")
        let kept = Anchor(article: "a1", range: Self.range(of: "ferry timetable", in: Self.old), in: ArticleText(Self.old))
        let lost = Anchor(article: "a1", range: Self.range(of: "starting in May", in: Self.old), in: ArticleText(Self.old))
        let results = Reanchorer(text: new).reanchorAll([kept, lost])
        let expected = Self.range(of: "ferry timetable", in: new)
        #expect(results[0].anchor == Anchor(article: "a1", range: expected, in: ArticleText(new)))
        #expect(results[0].resolution == .moved(expected))
        var orphan = lost
        orphan.orphaned = true
        #expect(results[1].anchor == orphan)
        #expect(results[1].resolution.isOrphaned)
    }

    @Test func offsetsCountCodePointsOfTheTextAsGiven() {
        // CRLF and an emoji before the quote: offsets count every code point, nothing is normalised.
        let new = "Notice 🚢\r\n\r\n" + Self.old
        let q = Self.query("ferry timetable", in: Self.old)
        let r = Reanchorer(text: new).locate(q)
        let scalars = Array(new.unicodeScalars)
        let range = try! #require(r.range)
        #expect(ReanchorCorpus.string(scalars[range]) == "ferry timetable")
        #expect(range.lowerBound == Self.range(of: "ferry timetable", in: Self.old).lowerBound + 12)
    }
}
