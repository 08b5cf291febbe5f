import Foundation
import Testing
@testable import ClaimDeskWeb

@Suite struct ContentExtractorTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "html", subdirectory: "Fixtures"))
        return [UInt8](try Data(contentsOf: url))
    }

    func paragraphs(_ body: String, title: String? = nil) -> [String] {
        let (root, _) = HTMLParser.parse(Array("<html><body>\(body)</body></html>".utf8))
        return ContentExtractor(root, title: title).paragraphs
    }

    static let story = """
        <p>The ministry said on Monday that the talks would resume next week in Geneva, after a pause of three months.</p>
        <p>Officials from both sides have met four times since January, according to a statement from the foreign ministry.</p>
        """

    @Test func keepsTheStoryAndDropsItsFurniture() throws {
        let article = try WebPageReader.read(try Self.fixture("wire-story"))
        #expect(article.paragraphs.first?.hasPrefix("WASHINGTON (Courier) — Senior officials") == true)
        #expect(article.paragraphs.last == "The White House declined to comment.")
        let text = article.paragraphs.joined(separator: "\n")
        for furniture in ["cookies", "Share on", "Advertisement", "Read more", "Navy moves carrier", "outrageous", "All rights reserved",
                          "(Reuters)", "Politics", "By Maria"] {
            #expect(!text.contains(furniture), "\(furniture) leaked into the body")
        }
        // Headings, quotes and list items are paragraphs; link text stays.
        #expect(article.paragraphs.contains("A debate over force"))
        #expect(article.paragraphs.contains("“Restraint is not weakness,” a senior diplomat wrote in a memo seen by the Courier."))
        #expect(article.paragraphs.contains("an escort mission for commercial vessels."))
        #expect(text.contains("urged “a swift and visible response” at a meeting"))
    }

    @Test func mergesABodySplitAroundAnAd() {
        let body = """
            <div class="story"><div class="part">\(Self.story)</div>
            <div class="promo-box"><a href="/x">Subscribe for unlimited access to our journalism</a></div>
            <div class="part"><p>A spokesman for the delegation said the agenda had not yet been agreed, but that both sides were hopeful.</p></div></div>
            <div class="teasers"><a href="/1">Another story about something else entirely</a><a href="/2">And one more story about it</a></div>
            """
        let result = paragraphs(body)
        #expect(result.count == 3)
        #expect(result.last?.hasPrefix("A spokesman") == true)
    }

    @Test func dropsLinkListsWithoutHints() {
        let body = """
            <div>\(Self.story)</div>
            <div><ul><li><a href="/1">Ten things to know about the summit in Geneva</a></li>
            <li><a href="/2">What the ministers said after the last round</a></li></ul></div>
            """
        #expect(paragraphs(body).count == 2)
    }

    @Test func dropsTheHeadlineAndBylineButKeepsSubheadings() {
        let body = """
            <article><h1>Talks to resume</h1><p>By Jane Doe and John Roe</p>\(Self.story)<h2>What comes next</h2>
            <p>Diplomats expect a draft text by the end of the month, two people involved said.</p><h2>More stories</h2></article>
            """
        let (root, _) = HTMLParser.parse(Array("<html><body>\(body)</body></html>".utf8))
        let extractor = ContentExtractor(root, title: "Talks to resume")
        #expect(extractor.paragraphs.first?.hasPrefix("The ministry said") == true)
        #expect(extractor.paragraphs.contains("What comes next"))
        #expect(extractor.paragraphs.last?.hasPrefix("Diplomats expect") == true)
        #expect(extractor.bylineLines == ["Jane Doe and John Roe"])
    }

    @Test func aSentenceStartingWithByIsNotAByline() {
        let body = "<p>By Monday, officials had agreed on a schedule for the next round of talks in the capital.</p>" + Self.story
        #expect(paragraphs(body).first?.hasPrefix("By Monday") == true)
    }

    @Test func hiddenAndCaptionTextIsNotBody() {
        let body = """
            <div>\(Self.story)<p style="display: none">Hidden text that readers never see on the page at all.</p>
            <figure><img src="a.jpg"><figcaption>Ministers arrive for talks in Geneva on Monday. (Reuters)</figcaption></figure></div>
            """
        let text = paragraphs(body).joined()
        #expect(!text.contains("Hidden"))
        #expect(!text.contains("Ministers arrive"))
    }

    @Test func aPageWithoutTextIsRefused() {
        #expect(throws: WebPageError.noText) {
            try WebPageReader.read(Array("<html><body><nav><a href='/'>Home</a></nav></body></html>".utf8))
        }
    }

    @Test func consentBannersAndTimeStampsGoEvenWithoutHints() {
        let body = """
            <div class="x1"><div class="x2"><p>We use cookies to give you the best experience. By using this site you agree to our use of cookies.</p></div>
            <div class="x3"><span>09:05</span>\(Self.story)</div></div>
            """
        #expect(paragraphs(body).count == 2)
        // A story that is about cookies stays.
        let story = "<p>The regulator said on Monday that the company had set tracking cookies without asking users first, a breach of the law.</p>"
        #expect(paragraphs(story + Self.story).count == 3)
    }

    @Test func aFormThatWrapsThePageIsNotFurnitureButASearchFormIs() {
        let page = "<form id=\"aspnetForm\"><div><form><input name=\"q\"><label>Search the site for news and more</label></form>\(Self.story)</div></form>"
        let result = paragraphs(page)
        #expect(result.count == 2)
        #expect(!result.joined().contains("Search"))
    }
}
