@testable import ClaimDeskCore
import Foundation
import Testing

/// Spans in fragments (a quote broken by "he said"): the model, the file, the selection grammar,
/// duplicate detection, every export and the W3C and brat imports.
@Suite struct FragmentTests {
    static let text = "“One group is behind it,” the officer said, “and it operates from Baghdad.” Officials agreed."
    static let created = Timestamp(secondsSince1970: 1_790_000_000)

    static func range(_ quote: String) -> Range<Int> { ExportSample.range(quote, in: text) }
    static var article: Article { Article(id: "a1", title: "Quote", origin: "q.txt", text: text, loaded: created) }
    static func anchor(_ quote: String) -> Anchor { Anchor(article: "a1", range: range(quote), in: article.content) }

    /// c1 in two fragments with a cue, m1 in two fragments, c2 continuous.
    static func session() -> Session {
        var session = Session(name: "fragments", analyst: "ana", created: created)
        session.put(.article(article))
        session.put(.source(Source(id: "src1", name: "the officer", kind: "official", author: "ana", created: created)))
        var c1 = Claim(id: "c1", anchor: anchor("One group is behind it"), claimant: "src1", kind: "factual", verdict: "unverified",
                       author: "ana", created: created, cue: anchor("said"))
        c1.moreFragments = [anchor("and it operates from Baghdad")]
        session.put(.claim(c1))
        session.put(.claim(Claim(id: "c2", anchor: anchor("Officials agreed"), kind: "factual", verdict: "unverified", author: "ana", created: created)))
        var m1 = Mention(id: "m1", anchor: anchor("the"), source: "src1", author: "ana", created: created)
        m1.fragments = [anchor("the"), anchor("officer")]
        session.put(.mention(m1))
        return session
    }

    @Test func fragmentsStartWithTheAnchorAndJoinTheirText() throws {
        let c1 = try #require(Self.session().claims["c1"])
        #expect(c1.fragments.count == 2 && c1.fragments[0] == c1.anchor && c1.isDiscontinuous)
        #expect(c1.spanText == "One group is behind it … and it operates from Baghdad")
        let c2 = try #require(Self.session().claims["c2"])
        #expect(c2.fragments == [c2.anchor] && !c2.isDiscontinuous && c2.spanText == "Officials agreed")
        var changed = c2
        changed.fragments = []
        #expect(changed == c2, "an empty list changes nothing")
    }

    @Test func moreFragmentsAreWrittenOnlyWhenThereAreSomeAndReadBackByteForByte() throws {
        let data = SessionDocument.encode(Self.session())
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.components(separatedBy: "\"moreFragments\"").count == 3, "c1 and m1 only")
        let reopened = try SessionDocument.decode(data)
        #expect(reopened.claims == Self.session().claims)
        #expect(reopened.mentions == Self.session().mentions)
        #expect(SessionDocument.encode(reopened) == data)
    }

    @Test func aFragmentThatDoesNotReadItsTextOrLiesElsewhereIsRefusedOnOpen() throws {
        var session = Self.session()
        var c1 = try #require(session.claims["c1"])
        c1.moreFragments[0].exact = "and it operates from Basra"
        session.put(.claim(c1))
        do {
            _ = try SessionDocument.decode(SessionDocument.encode(session))
            Issue.record("a fragment that does not match its text opened")
        } catch {
            #expect(error.message.contains("claims[0].moreFragments[0].exact"))
        }
        session = Self.session()
        session.put(.article(Article(id: "a2", title: "Other", origin: "o.txt", text: Self.text, loaded: Self.created)))
        var m1 = try #require(session.mentions["m1"])
        m1.moreFragments[0].article = "a2"
        session.put(.mention(m1))
        do {
            _ = try SessionDocument.decode(SessionDocument.encode(session))
            Issue.record("fragments on two articles opened")
        } catch {
            #expect(error.message.contains("mentions[0].moreFragments[0].article"))
        }
    }

    @Test(arguments: [
        (#"s4:"One group"+s4:"Baghdad""#, [#"s4:"One group""#, #"s4:"Baghdad""#]),
        (#""a+b""#, [#""a+b""#]),
        (#"s4:"it + that"+s5"#, [#"s4:"it + that""#, "s5"]),
        (##""x"#2+@3-9+c4"##, [##""x"#2"##, "@3-9", "c4"]),
        (#""say \"+\" here"+s2"#, [#""say \"+\" here""#, "s2"]),
        ("f2+", ["f2+"]),
        ("C++", ["C++"]),
        ("+s2", ["+s2"]),
        ("Iran's+talks", ["Iran's", "talks"]),
    ])
    func selectionsJoinedByPlusAreFragments(raw: String, parts: [String]) {
        #expect(SelectionParser.fragmentParts(raw) == parts)
    }

    @Test func fragmentsResolveInTextOrderAndMayNotOverlap() throws {
        let article = Self.article
        let resolver = SelectionResolver(article: "a1", text: article.content) { _ in nil }
        let ranges = try resolver.resolveFragments(#""Baghdad"+"One group""#)
        #expect(ranges == [Self.range("One group"), Self.range("Baghdad")])
        #expect(try resolver.resolveFragments("s1") == [try resolver.resolve("s1")])
        #expect(throws: SelectionError.malformed(#""One group"+"group is""#,
                                                 #"the fragments "One group" and "group is" overlap; give fragments that do not share text"#)) {
            try resolver.resolveFragments(#""One group"+"group is""#)
        }
        let ids = SelectionResolver(article: "a1", text: article.content) { id in id == "c1" ? .some(Self.anchor("One group is behind it")) : nil }
        let expanded = try ids.resolveFragments("c1") { id in
            id == "c1" ? [Self.range("One group is behind it"), Self.range("and it operates from Baghdad")] : nil
        }
        #expect(expanded == [Self.range("One group is behind it"), Self.range("and it operates from Baghdad")])
    }

    @Test func theSameSpanIndexComparesAllFragments() throws {
        let session = Self.session()
        let c1 = try #require(session.claims["c1"])
        #expect(session.claims(onFragments: c1.fragments).map(\.id) == ["c1"])
        #expect(session.claims(onSpan: c1.anchor).isEmpty, "the first fragment alone is another span")
        #expect(session.claims(onFragments: [c1.anchor, Self.anchor("Baghdad")]).isEmpty)
        #expect(session.mentions(onFragments: [Self.anchor("the"), Self.anchor("officer")]).map(\.id) == ["m1"])
    }

    @Test func everyExportCarriesEveryFragment() throws {
        let session = Self.session()
        let first = Self.range("One group is behind it"), second = Self.range("and it operates from Baghdad")

        let brat = try BratExporter().export(session)
        let ann = try #require(brat.files.first { $0.name.hasSuffix(".ann") }).text
        #expect(ann.contains("\tClaim \(first.lowerBound) \(first.upperBound);\(second.lowerBound) \(second.upperBound)\tOne group is behind it and it operates from Baghdad\n"))

        let w3c = try #require(try W3CExporter().export(session).data)
        let items = try JSONValue.parse(Array(w3c))["first"]?["items"]?.asList ?? []
        let c1 = try #require(items.first { $0["id"]?.stringValue?.hasSuffix(":c1") == true })
        let targets = c1["target"]?.asList ?? []
        #expect(targets.count == 2)
        #expect(targets.map { $0["selector"]?.asList.first { $0["start"] != nil }?["start"]?.intValue } == [first.lowerBound, second.lowerBound])
        let c2 = try #require(items.first { $0["id"]?.stringValue?.hasSuffix(":c2") == true })
        #expect(c2["target"]?.objectValue != nil, "a continuous span keeps one target object")

        let csv = String(decoding: try #require(try CSVExporter().export(session).data), as: UTF8.self)
        #expect(csv.contains(",One group is behind it … and it operates from Baghdad,"))
        #expect(csv.contains("a1:\(first.lowerBound)-\(first.upperBound); a1:\(second.lowerBound)-\(second.upperBound)"))
        let markdown = String(decoding: try #require(try MarkdownExporter().export(session).data), as: UTF8.self)
        #expect(markdown.contains("One group is behind it … and it operates from Baghdad"))
        let html = String(decoding: try #require(try HTMLExporter().export(session).data), as: UTF8.self)
        #expect(html.contains("One group is behind it … and it operates from Baghdad"))
        #expect(html.contains(">and it operates from Baghdad</mark>"))
    }

    @Test func w3cAndBratImportsReadFragmentsBack() throws {
        let session = Self.session()
        let empty = ImportTests.emptyTwin(of: session)
        let w3c = try #require(try W3CExporter().export(session).data)
        let fromW3C = ImportTests.apply(AnnotationImporter(session: empty, fallbackArticle: "a1", analyst: "ivy", now: Self.created)
            .plan(try W3CImporter.parse(w3c)), to: empty)
        #expect(fromW3C.claims["c1"]?.fragments == session.claims["c1"]?.fragments)
        #expect(fromW3C.mentions["m1"]?.fragments == session.mentions["m1"]?.fragments)
        #expect(fromW3C.claims["c2"]?.fragments == session.claims["c2"]?.fragments)

        let brat = try BratExporter().export(session)
        let document = BratImporter.parse(ann: try #require(brat.files.first { $0.name.hasSuffix(".ann") }).text,
                                          text: try #require(brat.files.first { $0.name.hasSuffix(".txt") }).text, name: "doc")
        #expect(document.skipped.isEmpty)
        let fromBrat = ImportTests.apply(AnnotationImporter(session: empty, fallbackArticle: "a1", analyst: "ivy", now: Self.created)
            .plan(document.annotations), to: empty)
        let claim = try #require(fromBrat.orderedClaims.first { $0.anchor.exact == "One group is behind it" })
        #expect(claim.fragments.map(\.range) == [Self.range("One group is behind it"), Self.range("and it operates from Baghdad")])
        #expect(claim.cue?.exact == "said")
        #expect(fromBrat.orderedMentions.first?.fragments.map(\.exact) == ["the", "officer"])
    }

    @Test func bratPiecesSplitOnlyAtLineBreaksAreOneFragment() throws {
        let text = "Officials said\nthe talks stalled. Later, news."
        let ann = "T1\tClaim 10 14;15 33;41 45\tsaid the talks stalled. news\n"
        let document = BratImporter.parse(ann: ann, text: text, name: "doc")
        let spans = try #require(document.annotations.first).spans
        #expect(spans.map(\.quote.exact) == ["said\nthe talks stalled.", "news"])
    }
}
