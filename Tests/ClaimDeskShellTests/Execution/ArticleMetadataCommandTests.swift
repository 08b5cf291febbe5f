import ClaimDeskCore
@testable import ClaimDeskShell
import Foundation
import Testing

@Suite struct ArticleMetadataCommandTests {
    static let page = """
        <!DOCTYPE html><html lang="en"><head><title>Talks stall over harbor fees | Meridian Wire</title>
        <meta property="og:site_name" content="Meridian Wire"><meta name="author" content="By Ana Ruiz">
        <meta property="article:published_time" content="2020-03-23T09:00:00Z"><link rel="canonical" href="https://wire.example/talks">
        </head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Talks stall over harbor fees</h1>
        <p>PORT AVERY (Meridian Wire) — Senior U.S. officials said on Tuesday that talks had stalled over the harbor fees.</p>
        <p>Gen. Thomas E. Reyes disagreed. “We will not escalate,” he said at 3 p.m. on Wednesday.</p></article>
        <footer>© Meridian Wire</footer></body></html>
        """

    @Test func loadingAPageTakesTheStoryAndItsMetadata() throws {
        let fixture = ShellFixture(loadArticle: false)
        fixture.host.files["talks.html"] = Data(Self.page.utf8)
        let output = fixture.run("load talks.html")
        let article = try #require(fixture.session.articles["a1"])
        #expect(output == """
            new source src1 "Meridian Wire" (outlet)
            Loaded "Talks stall over harbor fees" by Ana Ruiz (Meridian Wire, 2020-03-23): 3 paragraphs, 4 sentences, \(article.content.count) characters

            """)
        #expect(article.text.hasPrefix("Talks stall over harbor fees\n\nPORT AVERY (Meridian Wire) — Senior"))
        #expect(!article.text.contains("Home"))
        #expect(article.metadata == ArticleMetadata(url: "https://wire.example/talks", publisher: "src1", byline: ["Ana Ruiz"],
                                                    published: "2020-03-23T09:00:00Z", language: "en"))
        #expect(fixture.session.sources["src1"]?.kind == "outlet")
        // Loading a second page from the same outlet reuses its source.
        fixture.host.files["again.html"] = Data(Self.page.replacingOccurrences(of: "disagreed", with: "agreed").utf8)
        #expect(fixture.run("load again.html").hasPrefix("Loaded \"Talks stall over harbor fees\" by Ana Ruiz (Meridian Wire"))
        #expect(fixture.session.sources.count == 1)
    }

    @Test func aPageWithoutAStoryIsRefusedAndChangesNothing() {
        let fixture = ShellFixture(loadArticle: false)
        fixture.host.files["menu.html"] = Data("<html><body><nav><a href='/'>Home</a></nav></body></html>".utf8)
        #expect(fixture.fail("load menu.html").hasPrefix("cannot load menu.html: no article text found in the page"))
        #expect(fixture.session.articles.isEmpty)
    }

    @Test func aURLNeedsAHostThatFetches() {
        let fixture = ShellFixture(loadArticle: false)
        #expect(fixture.fail("load https://wire.example/talks") == "cannot load https://wire.example/talks: this ClaimDesk cannot fetch URLs; save the page and load the file")
    }

    @Test func setChangesEachFieldAndUndoRestoresIt() throws {
        let fixture = ShellFixture()
        #expect(fixture.run("set a1 title Talks stall again") == "a1  title set to Talks stall again\n")
        #expect(fixture.run("set a1 url https://wire.example/talks") == "a1  url set to https://wire.example/talks\n")
        #expect(fixture.run("set a1 published March 23, 2020") == "a1  published set to 2020-03-23\n")
        #expect(fixture.run("set a1 modified 2020-03-24T10:00:00+01:00") == "a1  modified set to 2020-03-24T10:00:00+01:00\n")
        #expect(fixture.run("set a1 byline Ana Ruiz, Li Wei") == "a1  byline set to Ana Ruiz, Li Wei\n")
        #expect(fixture.run("set a1 language pt_br") == "a1  language set to pt-BR\n")
        #expect(fixture.run("set a1 outlet Meridian Wire") == "new source src1 \"Meridian Wire\" (outlet)\na1  outlet set to Meridian Wire\n")
        let article = try #require(fixture.session.articles["a1"])
        #expect(article.title == "Talks stall again")
        #expect(article.metadata == ArticleMetadata(url: "https://wire.example/talks", publisher: "src1", byline: ["Ana Ruiz", "Li Wei"],
                                                    published: "2020-03-23", modified: "2020-03-24T10:00:00+01:00", language: "pt-BR"))
        let listing = fixture.run("articles")
        #expect(listing.contains("Talks stall again  by Ana Ruiz, Li Wei (Meridian Wire, 2020-03-23)"))
        let status = fixture.run("status")
        #expect(status.contains("byline    Ana Ruiz, Li Wei\noutlet    Meridian Wire (src1)  last link of new claims' chains; --via none leaves it off\npublished 2020-03-23\n"))
        fixture.run("undo")
        #expect(fixture.session.articles["a1"]?.metadata.publisher == nil)
        #expect(fixture.session.sources.isEmpty)
        #expect(fixture.run("set a1 byline none") == "a1  byline set to none\n")
        #expect(fixture.session.articles["a1"]?.metadata.byline == [])
    }

    @Test func anExistingSourceIsTheOutlet() {
        let fixture = ShellFixture()
        fixture.run("source add The Daily Courier --kind outlet --alias Courier")
        #expect(fixture.run("set a1 outlet the daily courier") == "a1  outlet set to The Daily Courier\n")
        #expect(fixture.session.articles["a1"]?.metadata.publisher == "src1")
    }

    @Test(arguments: [
        ("set a1 published yesterday", "\"yesterday\" is not a date; give one like 2020-03-23, 2020-03-23T14:05:00Z or March 23, 2020"),
        ("set a1 published 2020-02-31", "\"2020-02-31\" is not a date (February 2020 has 29 days); give one like 2020-03-23, 2020-03-23T14:05:00Z or March 23, 2020"),
        ("set a1 url wire.example/talks", "\"wire.example/talks\" is not a web address; give one like https://example.com/story"),
        ("set a1 language english!", "\"english!\" is not a language tag; give one like en, en-US or fr"),
        ("set a1 title none", "an article needs a title; give the headline"),
        ("set a1 outlett X", "a1 has no field outlett; did you mean outlet? fields: title, url, published, modified, outlet, byline, language"),
        ("set a9 title X", "no article a9; articles lists the 1 there are"),
    ])
    func badValuesAreRefusedAndChangeNothing(line: String, message: String) {
        let fixture = ShellFixture()
        let before = fixture.session
        #expect(fixture.fail(line) == message)
        #expect(fixture.session == before)
    }

    @Test func aVersionOneSessionIsAnnouncedOnceAndSavedAsVersionTwo() throws {
        let fixture = ShellFixture(loadArticle: false)
        var session = Session(analyst: "ana", created: Timestamp(secondsSince1970: 1_700_000_000))
        session.put(.article(Article(id: "a1", title: "Old", origin: nil, text: "Old text.\n", loaded: session.created)))
        let old = String(decoding: SessionDocument.encode(session), as: UTF8.self).replacingOccurrences(of: "\"version\": 2", with: "\"version\": 1")
        fixture.host.memoryStore.snapshots["sessions/old.json"] = Data(old.utf8)
        let output = fixture.run("open old")
        #expect(output.contains("sessions/old.json is a version 1 session; it opened unchanged and will be saved as version 2"))
        #expect(fixture.session.articles["a1"]?.text == "Old text.\n")
        fixture.run("save")
        let saved = String(decoding: try #require(fixture.host.memoryStore.snapshots["sessions/old.json"]), as: UTF8.self)
        #expect(saved.hasSuffix("\"version\": 2\n}\n"))
        #expect(try SessionDocument.decodeWithVersion(Data(saved.utf8)).version == 2)
    }

    @Test func aTextArticleSkipsItsCaptionAndTakesItsDateLine() throws {
        let fixture = ShellFixture(loadArticle: false)
        fixture.host.files["copied.txt"] = Data("""
            US President Donald Trump. (Reuters)

            Trump orders strike on Iranian general
            March 23, 2020

            WASHINGTON (Reuters) - The United States killed a senior Iranian general on Friday, officials said.
            """.utf8)
        #expect(fixture.run("load copied.txt").hasPrefix("Loaded \"Trump orders strike on Iranian general\" (2020-03-23): "))
        #expect(fixture.session.articles["a1"]?.metadata.published == "2020-03-23")
    }

    @Test func rebaseOntoANewVersionOfThePageTakesItsStory() throws {
        let fixture = ShellFixture(loadArticle: false)
        fixture.host.files["talks.html"] = Data(Self.page.utf8)
        fixture.run("load talks.html")
        fixture.run("claim \"We will not escalate\" --by Reyes")
        let updated = Self.page.replacingOccurrences(of: "Gen. Thomas E. Reyes disagreed.", with: "Gen. Thomas E. Reyes, the commander, disagreed.")
        fixture.host.files["talks-v2.html"] = Data(updated.utf8)
        #expect(fixture.run("rebase talks-v2.html").hasPrefix("Rebased a1 onto talks-v2.html: 0 exact, 1 moved"))
        let article = try #require(fixture.session.articles["a1"])
        #expect(article.text.contains("Gen. Thomas E. Reyes, the commander, disagreed."))
        #expect(!article.text.contains("<"))
        #expect(article.content.slice(try #require(fixture.session.claims["c1"]).anchor.range) == "We will not escalate")
    }
}
