import Testing
@testable import ClaimDeskWeb
import ClaimDeskCore

@Suite struct MetadataTests {
    static let body = "<p>The ministry said on Monday that the talks would resume next week in Geneva, after a pause of three months.</p>"

    func read(head: String, body: String = "", url: String? = nil) throws -> WebArticle {
        try WebPageReader.read(Array("<html><head>\(head)</head><body>\(body)\(Self.body)</body></html>".utf8), pageURL: url)
    }

    @Test func fixtureMetadataFromAGraph() throws {
        let article = try WebPageReader.read(try ContentExtractorTests.fixture("wire-story"), pageURL: "https://courier.example/x?utm=1")
        #expect(article.title == "Officials split over response to tanker seizure in the Strait of Calder")
        #expect(article.byline == ["Maria Lopez", "Tom Reed"])
        #expect(article.published == "2020-03-23T09:15:00-04:00")
        #expect(article.modified == "2020-03-23T11:40:00-04:00")
        #expect(article.site == "The Daily Courier")
        #expect(article.url == "https://courier.example/world/2020/03/23/tanker-seizure")
        #expect(article.language == "en-US")
    }

    @Test func titleLosesTheSiteSuffix() throws {
        #expect(try read(head: "<title>Talks to resume in Geneva | The Gulf Ledger</title><meta property='og:site_name' content='The Gulf Ledger'>").title
                == "Talks to resume in Geneva")
        #expect(try read(head: "<title>Talks to resume in Geneva - Ledger</title>").title == "Talks to resume in Geneva")
        #expect(try read(head: "<title>Talks to resume in Geneva - Ledger</title>").site == "Ledger")
        #expect(try read(head: "<meta property='og:title' content='Talks to resume in Geneva – The Gulf Ledger'><meta property='og:site_name' content='The Gulf Ledger'>").title
                == "Talks to resume in Geneva")
    }

    @Test func openGraphAndMetaWhenThereIsNoStructuredData() throws {
        let article = try read(head: """
            <meta property="og:title" content="Talks to resume"><meta name="author" content="By Jane Doe and John Roe">
            <meta property="article:published_time" content="2020-03-23T14:05:00Z"><meta property="og:url" content="https://ledger.example/talks">
            <meta property="og:locale" content="fr_FR">
            """)
        #expect(article.title == "Talks to resume")
        #expect(article.byline == ["Jane Doe", "John Roe"])
        #expect(article.published == "2020-03-23T14:05:00Z")
        #expect(article.url == "https://ledger.example/talks")
        #expect(article.language == "fr-FR")
    }

    @Test func bylineAndDateFromTheMarkupAndText() throws {
        let article = try read(head: "", body: "<h1>Talks to resume</h1><p>By Jane Doe, Reuters</p><p>March 23, 2020</p>")
        #expect(article.byline == ["Jane Doe"])
        #expect(article.published == "2020-03-23")
        let timed = try read(head: "", body: "<article><time datetime='2020-03-24'>Tuesday</time></article>")
        #expect(timed.published == "2020-03-24")
    }

    @Test func urlAuthorsAreNotNames() throws {
        let article = try read(head: "<meta property='article:author' content='https://facebook.com/janedoe'>")
        #expect(article.byline.isEmpty)
    }

    @Test func structuredDataBeatsOpenGraph() throws {
        let article = try read(head: """
            <meta property="og:title" content="Social headline!"><meta property="og:site_name" content="Ledger">
            <script type="application/ld+json">[{"@type":"BreadcrumbList"},{"@type":["NewsArticle"],"headline":"Talks to resume in Geneva",
             "author":{"@type":"Person","name":"Jane Doe"},"publisher":{"@type":"Organization","name":"The Gulf Ledger"},
             "datePublished":"2020-03-23","inLanguage":"en"}]</script>
            """)
        #expect(article.title == "Talks to resume in Geneva")
        #expect(article.byline == ["Jane Doe"])
        #expect(article.site == "The Gulf Ledger")
        #expect(article.published == "2020-03-23")
    }

    @Test func brokenStructuredDataIsIgnored() throws {
        let article = try read(head: "<title>Talks resume</title><script type='application/ld+json'>{\"@type\": \"NewsArticle\", </script>")
        #expect(article.title == "Talks resume")
    }

    @Test(arguments: [
        ("March 23, 2020", "2020-03-23"), ("23 March 2020", "2020-03-23"), ("Mon, Mar. 23, 2020", "2020-03-23"),
        ("2020-03-23T14:05:00.000+01:00", "2020-03-23T14:05:00+01:00"), ("2020-03-23 14:05", "2020-03-23T14:05:00"),
        ("2020-02-30", nil), ("February 30, 2020", nil), ("yesterday", nil),
    ] as [(String, String?)])
    func dates(_ text: String, _ expected: String?) {
        #expect(PublicationDate.normalize(text) == expected)
    }

    @Test func characterReferencesInStructuredDataAreDecoded() throws {
        let article = try read(head: """
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Iran&#8217;s Q&amp;A: &ldquo;no talks&rdquo; &#x2014; yet &bogus; &#1;",
             "author":{"@type":"Person","name":"Zo&#235; Roe"}}</script>
            """)
        #expect(article.title == "Iran’s Q&A: “no talks” — yet &bogus; &#1;")
        #expect(article.byline == ["Zoë Roe"])
    }
}
