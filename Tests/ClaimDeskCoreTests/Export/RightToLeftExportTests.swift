@testable import ClaimDeskCore
import Foundation
import Testing

/// Exports of an Arabic article carry its language and let readers take each paragraph's direction from its text.
@Suite struct RightToLeftExportTests {
    static let text = "احتجاز ناقلة\n\nوقال المسؤول الإيراني إن الناقلة محتجزة. وأضاف أن التحقيق مستمر.\n\nThe agency added an English note."
    static let created = Timestamp(secondsSince1970: 1_790_000_000)

    static func session(text: String = text) -> Session {
        var session = Session(name: "rtl", analyst: "ana", created: created)
        let article = Article(id: "a1", title: "احتجاز ناقلة", origin: "ar.txt", text: text, loaded: created)
        session.put(.article(article))
        session.put(.source(Source(id: "src1", name: "المسؤول", kind: "official", author: "ana", created: created)))
        let range = ExportSample.range("وقال المسؤول الإيراني إن الناقلة محتجزة.", in: text)
        session.put(.claim(Claim(id: "c1", anchor: Anchor(article: "a1", range: range, in: article.content), claimant: "src1",
                                 kind: "factual", verdict: "unverified", author: "ana", created: created)))
        return session
    }

    func export(_ exporter: some SessionExporter, _ session: Session) throws -> String {
        String(decoding: try #require(try exporter.export(session).data), as: UTF8.self)
    }

    @Test func htmlSetsLanguageOnTheTextAndDirectionPerParagraph() throws {
        let page = try export(HTMLExporter(), Self.session())
        #expect(page.contains("<div class=\"text\" lang=\"ar\" dir=\"rtl\"><div class=\"para\" dir=\"auto\">احتجاز ناقلة</div>"))
        #expect(page.contains("<div class=\"para\" dir=\"auto\">The agency added an English note.</div></div>"))
        #expect(page.contains("<blockquote dir=\"auto\" lang=\"ar\">وقال المسؤول الإيراني إن الناقلة محتجزة.</blockquote>"))
        #expect(page.contains("<span dir=\"auto\" lang=\"ar\">احتجاز ناقلة</span></h2>"))
        // The blank lines between paragraph blocks stay in the text but take no room.
        #expect(page.contains("احتجاز ناقلة</div><span class=\"gap\">\n\n</span><div class=\"para\" dir=\"auto\">"))
        #expect(page.contains(".text .gap { display: none; }"))
        // The claim's highlight sits inside its paragraph's block.
        #expect(page.contains("<div class=\"para\" dir=\"auto\"><mark class=\"hl hl-claim claim-start claim-end\" data-ann=\"c1\""))
    }

    @Test func markdownWrapsQuotationsFromTheArticle() throws {
        let markdown = try export(MarkdownExporter(), Self.session())
        #expect(markdown.contains("<div dir=\"auto\" lang=\"ar\">\n\n> وقال المسؤول الإيراني إن الناقلة محتجزة.\n\n</div>\n"))
        #expect(markdown.contains("## a1: <bdi dir=\"auto\" lang=\"ar\">احتجاز ناقلة</bdi>\n"))
    }

    @Test func sourceNamesInRightToLeftScriptsAreIsolated() throws {
        var session = Self.session()
        session.put(.source(Source(id: "src2", name: "Qasem Soleimani", kind: "official", aliases: ["قاسم سلیمانی", "Qassim"],
                                   author: "ana", created: Self.created)))
        let page = try export(HTMLExporter(), session)
        #expect(page.contains("<td><bdi>المسؤول</bdi></td>"))
        #expect(page.contains("<td>Qasem Soleimani</td>"))
        #expect(page.contains("<td><bdi>قاسم سلیمانی</bdi>, Qassim</td>"))
        #expect(page.contains("<span class=\"src\"><bdi>المسؤول</bdi></span>"))
        let markdown = try export(MarkdownExporter(), session)
        #expect(markdown.contains("| src2 | Qasem Soleimani | official | <bdi>قاسم سلیمانی</bdi>, Qassim |"))
        #expect(markdown.contains("- **Source chain:** <bdi>المسؤول</bdi> (official)"))
    }

    @Test func w3cTargetsCarryTheLanguageAndDirection() throws {
        let json = try export(W3CExporter(), Self.session())
        #expect(json.contains("\"language\" : \"ar\""))
        #expect(json.contains("\"textDirection\" : \"rtl\""))
    }

    @Test func latinScriptArticlesClaimNoLanguage() throws {
        let session = ExportSample.session()
        #expect(try !export(W3CExporter(), session).contains("\"language\""))
        #expect(try !export(HTMLExporter(), session).contains(" lang=\"ar\""))
        #expect(try !export(MarkdownExporter(), session).contains("<div dir="))
    }
}
