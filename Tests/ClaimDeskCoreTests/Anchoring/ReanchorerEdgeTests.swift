import Testing
@testable import ClaimDeskCore

/// Re-anchoring next to either end of the text, where windows computed around a match
/// reach past the text and must be clamped rather than inverted.
@Suite struct ReanchorerEdgeTests {
    static let intro = """
        The harbour authority approved a new ferry timetable on Monday after a long meeting. \
        Boats will leave every twenty minutes at peak hours, up from every half hour.
        """
    /// Longer than the aligner's short-quote limit, so its ends are fitted one at a time.
    static let longQuote = """
        The change follows two years of complaints from commuters on the island routes, who said that \
        crowding on the early boats had become unbearable and that the old timetable was ignored.
        """

    static func query(_ quote: String, in text: String) -> AnchorQuery {
        ReanchorerTests.query(quote, in: text)
    }

    @Test func longQuoteDeletedAtTheEndIsOrphanedNotACrash() {
        let old = Self.intro + " " + Self.longQuote
        let new = Self.intro + " The end."
        let q = Self.query(Self.longQuote, in: old)
        let reanchorer = Reanchorer(text: new)
        #expect(reanchorer.locate(q).isOrphaned)
        #expect(reanchorer.locateAll([q])[0].isOrphaned)
        let anchor = Anchor(article: "a1", range: ReanchorerTests.range(of: Self.longQuote, in: old), in: ArticleText(old))
        #expect(reanchorer.reanchorAll([anchor])[0].anchor.orphaned == true)
    }

    @Test func longQuoteEditedAtTheEndIsFound() {
        let old = Self.intro + " " + Self.longQuote
        let edited = Self.longQuote.replacingOccurrences(of: "two years", with: "nearly three years")
        let new = Self.intro + " " + edited
        let r = Reanchorer(text: new).locate(Self.query(Self.longQuote, in: old))
        #expect(r.range == ReanchorerTests.range(of: edited, in: new))
    }

    @Test func longQuoteDeletedAtTheStartIsOrphanedNotACrash() {
        let old = Self.longQuote + " " + Self.intro
        let new = "Update. " + Self.intro
        let r = Reanchorer(text: new).locateAll([Self.query(Self.longQuote, in: old)])[0]
        #expect(r.isOrphaned)
    }

    // MARK: - Property: random annotations over random edits near both ends

    /// Words made of syllables, so that passages of a few words are unique, as in prose.
    struct Prose {
        var random: SeededGenerator
        static let syllables = ["ba", "ren", "to", "mi", "sar", "lo", "ve", "dan", "ki", "mor", "pel", "su", "ta",
                                "gra", "no", "wil", "cha", "ber", "fo", "lin", "ro", "stu", "ca", "den"]

        mutating func number(_ range: ClosedRange<Int>) -> Int {
            range.lowerBound + Int(random.next() % UInt64(range.count))
        }

        mutating func words(_ count: Int) -> String {
            (0..<count).map { _ in
                (0..<number(1...3)).map { _ in random.pick(Self.syllables) }.joined()
            }.joined(separator: " ")
        }

        mutating func text(sentences: Int) -> String {
            (0..<sentences).map { _ in words(number(6...24)).capitalized + "." }.joined(separator: " ")
        }
    }

    /// One edit close to an end of the text: the edited span in old offsets and what replaces it.
    struct EdgeEdit {
        var range: Range<Int>
        var replacement: [Unicode.Scalar]
    }

    static func randomEdit(_ prose: inout Prose, count: Int) -> EdgeEdit {
        let reach = max(1, count / 6)
        let length = prose.number(0...min(reach, 300))
        let atEnd = prose.random.next() % 2 == 0
        // Sometimes right at the edge (a cut beginning or end), sometimes a little inside.
        let offset = prose.random.next() % 3 == 0 ? 0 : prose.number(0...reach)
        let start = atEnd ? max(0, count - length - offset) : min(offset, count - length)
        let replacement: [Unicode.Scalar] = switch prose.random.next() % 3 {
        case 0: []
        case 1: Array((" " + prose.words(prose.number(1...30)) + " ").unicodeScalars)
        default: Array(prose.words(prose.number(1...4)).unicodeScalars)
        }
        return EdgeEdit(range: start..<(start + length), replacement: replacement)
    }

    @Test func randomAnnotationsOverRandomEdgeEditsStayInsideTheText() {
        var prose = Prose(random: SeededGenerator(seed: 20_261_206))
        var checkedUntouched = 0
        for _ in 0..<120 {
            let old = Array(prose.text(sentences: prose.number(3...14)).unicodeScalars)
            let edit = Self.randomEdit(&prose, count: old.count)
            let new = Array(old[..<edit.range.lowerBound]) + edit.replacement + Array(old[edit.range.upperBound...])
            let shift = edit.replacement.count - edit.range.count

            var queries: [AnchorQuery] = []
            var expected: [Range<Int>?] = []
            for _ in 0..<prose.number(1...12) {
                // Spans from a word to a few hundred code points, often at the very ends.
                let length = prose.number(1...min(old.count, prose.random.next() % 2 == 0 ? 40 : 320))
                let start = switch prose.random.next() % 4 {
                case 0: 0
                case 1: old.count - length
                default: prose.number(0...(old.count - length))
                }
                let span = start..<(start + length)
                let prefix = max(0, start - Anchor.contextLength)..<start
                let suffix = span.upperBound..<min(old.count, span.upperBound + Anchor.contextLength)
                queries.append(AnchorQuery(start: start, end: span.upperBound, exact: ReanchorCorpus.string(old[span]),
                                           prefix: ReanchorCorpus.string(old[prefix]),
                                           suffix: ReanchorCorpus.string(old[suffix])))
                // Quote and context untouched by the edit: it must land exactly where it went.
                let context = prefix.lowerBound..<suffix.upperBound
                let untouched = !context.overlaps(edit.range) && context.upperBound != edit.range.lowerBound
                    && context.lowerBound != edit.range.upperBound && length >= 24
                expected.append(untouched ? (span.lowerBound >= edit.range.upperBound ? span.lowerBound + shift : span.lowerBound)
                    ..< (span.lowerBound >= edit.range.upperBound ? span.upperBound + shift : span.upperBound) : nil)
            }
            let reanchorer = Reanchorer(scalars: new)
            let results = reanchorer.locateAll(queries)
            for (i, (result, want)) in zip(results, expected).enumerated() {
                if let range = result.range {
                    #expect(range.lowerBound >= 0 && range.upperBound <= new.count, "\(result) outside \(new.count)")
                }
                if let want {
                    checkedUntouched += 1
                    #expect(result.range == want, "annotation \(i) \(queries[i].exact.prefix(40)) went to \(result), expected \(want)")
                }
                let alone = reanchorer.locate(queries[i])
                if let range = alone.range { #expect(range.upperBound <= new.count) }
            }
        }
        // The property is only worth something if many annotations were checked for their place.
        #expect(checkedUntouched > 120)
    }
}
