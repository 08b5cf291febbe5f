@testable import ClaimDeskCore
import Testing

@Suite struct SelectionParserTests {
    @Test(arguments: [
        ("s12", Selection.sentences(12...12)),
        ("s12-s14", .sentences(12...14)),
        ("s12-14", .sentences(12...14)),
        ("p3", .paragraphs(3...3)),
        ("p3-p5", .paragraphs(3...5)),
        ("\"exact words\"", .quote("exact words", occurrence: nil, within: nil)),
        ("'exact words'", .quote("exact words", occurrence: nil, within: nil)),
        ("\"words\"#2", .quote("words", occurrence: 2, within: nil)),
        ("s12:\"words\"", .quote("words", occurrence: nil, within: .sentences(12...12))),
        ("p2-p3:\"words\"#3", .quote("words", occurrence: 3, within: .paragraphs(2...3))),
        ("\"say \\\"no\\\"\"", .quote("say \"no\"", occurrence: nil, within: nil)),
        ("@120-180", .codePoints(120..<180)),
        ("s007", .sentences(7...7)),
        ("s999999999", .sentences(999_999_999...999_999_999)),
        ("c3", .annotation("c3")),
        ("st12", .annotation("st12")),
        ("pr2", .annotation("pr2")),
        ("Iran’s", .quote("Iran’s", occurrence: nil, within: nil)),
        ("said", .quote("said", occurrence: nil, within: nil)),
        ("\"One group\"..\"Baghdad\"", .fromTo(from: "One group", occurrence: nil, to: "Baghdad", toOccurrence: nil, within: nil)),
        ("s5:\"One group\"..\"Baghdad\"", .fromTo(from: "One group", occurrence: nil, to: "Baghdad", toOccurrence: nil, within: .sentences(5...5))),
        ("p2-p3:'a'#2..\"b\"#3", .fromTo(from: "a", occurrence: 2, to: "b", toOccurrence: 3, within: .paragraphs(2...3))),
        ("f2", .findHit(2, growth: .none)),
        ("f2+", .findHit(2, growth: .clause)),
        ("f12++", .findHit(12, growth: .sentence)),
        ("foo", .quote("foo", occurrence: nil, within: nil)),
        ("f2x", .quote("f2x", occurrence: nil, within: nil)),
    ])
    func parses(raw: String, expected: Selection) throws {
        #expect(try SelectionParser.parse(raw) == expected)
    }

    @Test(arguments: [
        ("s0", "cannot read the selection s0: numbers start at 1"),
        ("s5-s2", "cannot read the selection s5-s2: the range runs backwards; write s2-s5"),
        ("s5-x", "cannot read the selection s5-x: write a range as s5-s6"),
        ("@5", "cannot read the selection @5: write code-point offsets as @START-END, e.g. @120-180"),
        ("@9-3", "cannot read the selection @9-3: START must be at least 0 and less than END"),
        ("\"open", "cannot read the selection \"open: the quote is not closed"),
        ("\"\"", "cannot read the selection \"\": the quote is empty"),
        ("\"w\"#0", "cannot read the selection \"w\"#0: after a quote only #N may follow, e.g. \"words\"#2"),
        ("\"w\"x", "cannot read the selection \"w\"x: after a quote only #N or ..\"last words\" may follow, e.g. \"words\"#2"),
        ("\"a\"..b", "cannot read the selection \"a\"..b: after .. give the last words in quotes, e.g. \"One group\"..\"Baghdad\""),
        ("\"a\"..\"b\"x", "cannot read the selection \"a\"..\"b\"x: a from-to selection ends with the last words' quote (and #N), e.g. \"One group\"..\"Baghdad\""),
        ("\"a\"..\"", "cannot read the selection \"a\"..\": the quote is not closed"),
        ("f0", "cannot read the selection f0: find hits are numbered from f1"),
        ("f2+++", "cannot read the selection f2+++: f2+ grows a hit to its clause and f2++ to its sentence; there is no more"),
        // Numbers too large for arithmetic are refused before any is done on them.
        ("s9223372036854775807-x", "cannot read the selection s9223372036854775807-x: 9223372036854775807 is too large; numbers go up to 999999999"),
        ("p9223372036854775807-", "cannot read the selection p9223372036854775807-: 9223372036854775807 is too large; numbers go up to 999999999"),
        ("s9223372036854775807-s", "cannot read the selection s9223372036854775807-s: 9223372036854775807 is too large; numbers go up to 999999999"),
        ("s1-s99999999999999999999999999", "cannot read the selection s1-s99999999999999999999999999: 999999999999999999999999… is too large; numbers go up to 999999999"),
        ("s1000000000", "cannot read the selection s1000000000: 1000000000 is too large; numbers go up to 999999999"),
        ("@0-9223372036854775808", "cannot read the selection @0-9223372036854775808: 9223372036854775808 is too large; numbers go up to 999999999"),
        ("\"w\"#9223372036854775807", "cannot read the selection \"w\"#9223372036854775807: 9223372036854775807 is too large; numbers go up to 999999999"),
        ("s999999999-x", "cannot read the selection s999999999-x: write a range as s999999999-s1000000000"),
    ])
    func refusesMalformed(raw: String, message: String) {
        #expect(throws: SelectionError.self) { try SelectionParser.parse(raw) }
        do {
            _ = try SelectionParser.parse(raw)
        } catch {
            #expect(error.message == message)
        }
    }
}

@Suite struct SelectionResolverTests {
    let text = ArticleText(TextNormalizer.normalize("""
        Headline here

        First sentence mentions Iran’s plan. Second one says "nothing"  new.

        Third sentence repeats plan. Fourth.
        """))

    func resolver(_ anchors: [AnnotationID: Anchor?] = [:]) -> SelectionResolver {
        SelectionResolver(article: "a1", text: text) { id in anchors[id] }
    }

    @Test func sentencesAndParagraphs() throws {
        let r = resolver()
        #expect(text.slice(try r.resolve("s2")) == "First sentence mentions Iran’s plan.")
        #expect(text.slice(try r.resolve("s2-s3")) == "First sentence mentions Iran’s plan. Second one says \"nothing\"  new.")
        #expect(text.slice(try r.resolve("p3")) == "Third sentence repeats plan. Fourth.")
        #expect(try r.resolve("@0-8") == 0..<8)
    }

    @Test func quotesForgiveTypedApostrophesAndSpaces() throws {
        let r = resolver()
        #expect(text.slice(try r.resolve("\"Iran's plan\"")) == "Iran’s plan")
        #expect(text.slice(try r.resolve("'says “nothing” new'")) == "says \"nothing\"  new")
    }

    @Test func ambiguousQuotesListTheOccurrences() throws {
        let r = resolver()
        #expect(throws: SelectionError.ambiguous("plan", occurrences: [
            .init(range: 46..<50, sentence: 2), .init(range: 108..<112, sentence: 4),
        ])) { try r.resolve("plan") }
        #expect(text.slice(try r.resolve("\"plan\"#2")) == "plan")
        #expect(try r.resolve("\"plan\"#2") == 108..<112)
        #expect(text.slice(46..<50) == "plan")
        #expect(try r.resolve("s4:\"plan\"") == 108..<112)
        #expect(throws: SelectionError.occurrenceOutOfRange("plan", 3, count: 2)) { try r.resolve("\"plan\"#3") }
    }

    @Test func noMatchSuggestsACaseInsensitiveOne() {
        #expect(throws: SelectionError.noMatch("FOURTH", suggestion: "Fourth")) { try resolver().resolve("\"FOURTH\"") }
        #expect(throws: SelectionError.noMatch("absent", suggestion: nil)) { try resolver().resolve("\"absent\"") }
    }

    @Test func annotationIdsReuseTheirSpan() throws {
        let anchor = Anchor(article: "a1", range: 15..<29, in: text)
        let other = Anchor(article: "a2", range: 0..<3, in: text)
        let anchors: [AnnotationID: Anchor?] = ["c1": anchor, "c2": other, "pr1": Anchor?.none]
        let r = resolver(anchors)
        #expect(try r.resolve("c1") == 15..<29)
        #expect(throws: SelectionError.otherArticle("c2", article: "a2")) { try r.resolve("c2") }
        #expect(throws: SelectionError.annotationWithoutSpan("pr1")) { try r.resolve("pr1") }
        #expect(throws: SelectionError.unknownAnnotation("c9")) { try r.resolve("c9") }
    }

    @Test func outOfRange() {
        #expect(throws: SelectionError.outOfRange("s9", "the article has 5 sentences (s1-s5)")) { try resolver().resolve("s9") }
        #expect(throws: SelectionError.outOfRange("p4", "the article has 3 paragraphs (p1-p3)")) { try resolver().resolve("p4") }
    }
}
