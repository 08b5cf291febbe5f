@testable import ClaimDeskCore
import Foundation
import Testing

/// An anchor's quote and context read the same whether they are strings of their own or a
/// stretch of the article's text shared with it.
@Suite struct QuoteTextTests {
    static let text = "Iran’s envoy — «عربي» — answered: \"No deal\" 😀 at 3.5% café."

    /// The anchor over `words` in ``text``, its strings of its own.
    static func anchor(over words: String) throws -> Anchor {
        let content = ArticleText(text)
        let found = try #require(text.range(of: words))
        let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: found.lowerBound)
        return Anchor(article: "a1", range: start..<start + words.unicodeScalars.count, in: content)
    }

    /// The UTF-8 offset of `words` in ``text``.
    static func utf8Start(of words: String) throws -> Int {
        let found = try #require(text.range(of: words))
        return text.utf8.distance(from: text.utf8.startIndex, to: found.lowerBound)
    }

    @Test func aSharedQuoteReadsAsItsOwnStringsDid() throws {
        let own = try Self.anchor(over: "No deal")
        let shared = own.sharingQuote(with: Self.text, utf8Start: try Self.utf8Start(of: "No deal"))
        #expect(shared.sharesArticleText)
        #expect(!own.sharesArticleText)
        #expect(shared.exact == "No deal")
        #expect(shared.prefix == own.prefix)
        #expect(shared.suffix == own.suffix)
        #expect(shared.prefix.hasSuffix("«عربي» — answered: \""))
        #expect(shared.suffix.hasPrefix("\" 😀 at 3.5% café."))
        #expect(shared == own)
        #expect(shared.hashValue == own.hashValue)
    }

    @Test func aQuoteThatDoesNotReadTheTextThereKeepsItsOwnString() throws {
        var own = try Self.anchor(over: "No deal")
        own.prefix = "words that are not in the text \""
        let shared = own.sharingQuote(with: Self.text, utf8Start: try Self.utf8Start(of: "No deal"))
        #expect(!shared.sharesArticleText)
        #expect(shared.prefix == "words that are not in the text \"")
        #expect(shared.exact == "No deal")
        // The wrong place shares nothing of the quote either.
        let elsewhere = own.sharingQuote(with: Self.text, utf8Start: try Self.utf8Start(of: "envoy"))
        #expect(elsewhere.exactText == "No deal")
        #expect(elsewhere == own)
    }

    @Test func aQuoteAtTheEdgesOfTheTextIsShared() throws {
        let first = try Self.anchor(over: "Iran’s")
        #expect(first.prefix.isEmpty)
        #expect(first.sharingQuote(with: Self.text, utf8Start: 0).sharesArticleText)
        let last = try Self.anchor(over: "café.")
        #expect(last.suffix.isEmpty)
        let shared = last.sharingQuote(with: Self.text, utf8Start: try Self.utf8Start(of: "café."))
        #expect(shared.sharesArticleText)
        #expect(shared.exact == "café.")
        // Past the end, nothing is read.
        #expect(!last.sharingQuote(with: Self.text, utf8Start: Self.text.utf8.count).sharesArticleText)
    }

    @Test func changingASharedQuoteChangesOnlyThatCopy() throws {
        let shared = try Self.anchor(over: "No deal").sharingQuote(with: Self.text, utf8Start: try Self.utf8Start(of: "No deal"))
        var changed = shared
        changed.exact = "Yes deal"
        #expect(changed.exact == "Yes deal")
        #expect(changed.prefix == shared.prefix)
        #expect(shared.exact == "No deal")
        #expect(changed != shared)
    }

    @Test func aSharedQuoteIsWrittenAsTheSameJSON() throws {
        let own = try Self.anchor(over: "No deal")
        let shared = own.sharingQuote(with: Self.text, utf8Start: try Self.utf8Start(of: "No deal"))
        var a = JSONWriter(pretty: true), b = JSONWriter(pretty: true)
        own.write(to: &a)
        shared.write(to: &b)
        #expect(a.bytes == b.bytes)
    }
}
