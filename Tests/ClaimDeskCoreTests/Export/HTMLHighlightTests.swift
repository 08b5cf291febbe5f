@testable import ClaimDeskCore
import Foundation
import Testing

/// The article text of the HTML report: every placed span highlighted, overlapping and nested
/// spans sharing segments, a span in fragments highlighted fragment by fragment.
@Suite struct HTMLHighlightTests {
    /// A stretch of an article's text as the report shows it, and the ids its highlight lists (none outside highlights).
    struct Stretch: Equatable {
        var text: String
        var ids: [String]
    }

    /// Reads the text column of an article back: `<mark … data-ann="IDS">TEXT</mark>` and plain text,
    /// with the paragraph blocks and gap spans taken away and the escapes undone.
    static func stretches(_ page: String, article: AnnotationID) throws -> [Stretch] {
        let section = try #require(page.range(of: "<section class=\"article\" id=\"\(article)\">")).upperBound
        let start = try #require(page.range(of: "<div class=\"text\"", range: section..<page.endIndex)).upperBound
        let open = try #require(page.range(of: ">", range: start..<page.endIndex)).upperBound
        let close = try #require(page.range(of: "</div>\n<aside", range: open..<page.endIndex)).lowerBound
        var rest = Substring(page[open..<close])
        var result: [Stretch] = []
        func unescaped(_ text: Substring) -> String {
            text.replacingOccurrences(of: "<span class=\"gap\">", with: "").replacingOccurrences(of: "</span>", with: "")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&amp;", with: "&")
        }
        while !rest.isEmpty {
            for tag in ["<div class=\"para\" dir=\"auto\">", "</div>"] where rest.hasPrefix(tag) { rest = rest.dropFirst(tag.count) }
            if rest.hasPrefix("<mark ") {
                let tagEnd = try #require(rest.firstIndex(of: ">"))
                let tag = rest[..<tagEnd]
                let ids = try #require(tag.range(of: "data-ann=\""))
                let idsEnd = try #require(tag[ids.upperBound...].firstIndex(of: "\""))
                let end = try #require(rest.range(of: "</mark>"))
                result.append(Stretch(text: unescaped(rest[rest.index(after: tagEnd)..<end.lowerBound]),
                                      ids: tag[ids.upperBound..<idsEnd].split(separator: " ").map(String.init)))
                rest = rest[end.upperBound...]
            } else if rest.hasPrefix("<span class=\"gap\">") {
                let end = try #require(rest.range(of: "</span>"))
                result.append(Stretch(text: unescaped(rest[..<end.upperBound]), ids: []))
                rest = rest[end.upperBound...]
            } else if !rest.isEmpty && !rest.hasPrefix("<div") && !rest.hasPrefix("</div>") {
                let end = rest.firstIndex(of: "<") ?? rest.endIndex
                result.append(Stretch(text: unescaped(rest[..<end]), ids: []))
                rest = rest[end...]
            }
        }
        return result
    }

    /// What should cover each code point of an article: the ids of the claims (by id), then the
    /// mentions, then the stances whose placed spans hold it, each id once.
    static func expectedCover(_ session: Session, article: Article) -> [[String]] {
        var cover = [[String]](repeating: [], count: article.content.count)
        func add(_ id: AnnotationID, _ anchors: [Anchor]) {
            for anchor in anchors where anchor.article == article.id {
                guard let span = session.placed(anchor) else { continue }
                for p in span.range where !cover[p].contains(id.rawValue) { cover[p].append(id.rawValue) }
            }
        }
        for claim in session.orderedClaims { add(claim.id, claim.fragments) }
        for mention in session.orderedMentions { add(mention.id, mention.fragments) }
        for stance in session.orderedStances { add(stance.id, stance.evidence) }
        return cover
    }

    static func checkCover(_ session: Session) throws {
        let page = String(decoding: try #require(HTMLExporter().export(session).data), as: UTF8.self)
        for article in session.orderedArticles {
            let stretches = try stretches(page, article: article.id)
            #expect(stretches.map(\.text).joined() == article.text, "\(article.id): the text reads back whole")
            var shown: [[String]] = []
            for stretch in stretches { shown += Array(repeating: stretch.ids, count: stretch.text.unicodeScalars.count) }
            let expected = expectedCover(session, article: article)
            #expect(shown.count == expected.count)
            for (offset, (got, want)) in zip(shown, expected).enumerated() where got != want {
                Issue.record("\(article.id) @\(offset): highlighted by \(got), covered by \(want)")
                break
            }
        }
    }

    /// Spans that overlap, nest and share an end, and one in two fragments with another span between them.
    @Test func everyCodePointIsHighlightedByExactlyTheSpansThatCoverIt() throws {
        var session = Session(name: "hl", analyst: "ana", created: ExportSample.created)
        let text = "Alpha beta gamma delta epsilon.\n\nZeta eta theta."
        let article = Article(id: "a1", title: "Greek", origin: nil, text: text, loaded: ExportSample.created)
        session.put(.article(article))
        session.put(.source(Source(id: "src1", name: "Desk", kind: "outlet", aliases: [], role: nil, author: "ana", created: ExportSample.created)))
        func anchor(_ quote: String) -> Anchor { Anchor(article: "a1", range: ExportSample.range(quote, in: text), in: article.content) }
        func claim(_ id: AnnotationID, _ fragments: [Anchor]) {
            var claim = Claim(id: id, anchor: fragments[0], claimant: nil, kind: "factual", verdict: "unverified",
                              author: "ana", created: ExportSample.created)
            claim.moreFragments = Array(fragments.dropFirst())
            session.put(.claim(claim))
        }
        claim("c1", [anchor("Alpha beta gamma")])
        claim("c2", [anchor("gamma delta")])
        claim("c3", [anchor("Alpha"), anchor("epsilon.\n\nZeta")])
        claim("c10", [anchor("beta gamma")])
        session.put(.mention(Mention(id: "m1", anchor: anchor("beta"), source: "src1", author: "ana", created: ExportSample.created)))
        session.put(.stance(Stance(id: "st1", holder: "src1", label: "favor", target: "c1", evidence: [anchor("delta epsilon"), anchor("theta")],
                                   author: "ana", created: ExportSample.created)))
        try Self.checkCover(session)
        let page = String(decoding: try #require(HTMLExporter().export(session).data), as: UTF8.self)
        let shown = try Self.stretches(page, article: "a1")
        #expect(shown.first == Stretch(text: "Alpha", ids: ["c1", "c3"]))
        #expect(shown.contains(Stretch(text: "beta", ids: ["c1", "c10", "m1"])))
        #expect(shown.contains(Stretch(text: "\n\n", ids: ["c3"])), "a fragment across paragraphs is highlighted in the gap too")
        #expect(shown.contains(Stretch(text: " eta ", ids: [])), "text no span covers is plain")
        #expect(shown.contains(Stretch(text: "theta", ids: ["st1"])), "a stance's second piece of evidence")
        #expect(shown.contains(Stretch(text: "epsilon", ids: ["c3", "st1"])))
        // The second fragment of c3 is highlighted and marked where it ends, like any span.
        #expect(page.contains(#"data-ann="c3" data-ends="c3" data-ends-shown="c3""#))
    }

    @Test(arguments: 0..<25)
    func generatedSessionsHighlightWhatCoversEachCodePoint(seed: Int) throws {
        var generator = SessionGenerator(seed: UInt64(seed))
        var session = generator.session()
        // Some claims in two fragments: the first half and the second half of their span, a gap between.
        for claim in session.orderedClaims where claim.anchor.end - claim.anchor.start >= 6 && seed % 2 == 0 {
            guard let article = session.articles[claim.anchor.article] else { continue }
            var split = claim
            let third = (claim.anchor.end - claim.anchor.start) / 3
            split.anchor = Anchor(article: article.id, range: claim.anchor.start..<claim.anchor.start + third, in: article.content)
            split.moreFragments = [Anchor(article: article.id, range: claim.anchor.end - third..<claim.anchor.end, in: article.content)]
            session.put(.claim(split))
        }
        try Self.checkCover(session)
    }
}
