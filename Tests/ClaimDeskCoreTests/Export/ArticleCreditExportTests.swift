@testable import ClaimDeskCore
import Foundation
import Testing

/// The exports show and use what is known about where an article appeared.
@Suite struct ArticleCreditExportTests {
    func session(url: String = "https://wire.example/talks?a=1&b=2") throws -> Session {
        var session = ExportSample.session()
        var article = try #require(session.orderedArticles.first)
        session.put(.source(Source(id: "src90", name: "Meridian <Wire>", kind: "outlet", author: "ana", created: article.loaded)))
        article.metadata = ArticleMetadata(url: url, publisher: "src90", byline: ["Ana Ruiz"], published: "2020-03-23")
        session.put(.article(article))
        return session
    }

    @Test func markdownAndHTMLReportsShowBylineOutletDateAndLink() throws {
        let markdown = String(decoding: try MarkdownExporter().export(try session()).data!, as: UTF8.self)
        #expect(markdown.contains("\nby Ana Ruiz · Meridian \\<Wire\\> · published 2020-03-23 · <https://wire.example/talks?a=1&b=2>\n"))
        let html = String(decoding: try HTMLExporter().export(try session()).data!, as: UTF8.self)
        #expect(html.contains("<p class=\"credit\">by Ana Ruiz · Meridian &lt;Wire&gt; · <time datetime=\"2020-03-23\" title=\"2020-03-23\">2020-03-23</time> · "
                              + "<a href=\"https://wire.example/talks?a=1&amp;b=2\" rel=\"noopener noreferrer\">https://wire.example/talks?a=1&amp;b=2</a></p>"))
    }

    @Test func onlyWebAddressesBecomeLinksOrSources() throws {
        let hostile = try session(url: "javascript:alert(1)")
        let html = String(decoding: try HTMLExporter().export(hostile).data!, as: UTF8.self)
        #expect(!html.contains("javascript:"))
        let w3c = String(decoding: try W3CExporter().export(hostile).data!, as: UTF8.self)
        #expect(!w3c.contains("javascript:"))
        #expect(w3c.contains("\"source\" : \"urn:sha256:") || w3c.contains("\"source\": \"urn:sha256:"))
    }

    @Test func w3cTargetsNameTheArticlesURL() throws {
        let data = try W3CExporter().export(try session()).data!
        let json = try JSONValue.parse(Array(data))
        let sources = Set((json["first"]?["items"]?.asList ?? []).flatMap { $0["target"]?.asList ?? [] }.compactMap { $0["source"]?.stringValue })
        #expect(sources.contains("https://wire.example/talks?a=1&b=2"))
    }
}
