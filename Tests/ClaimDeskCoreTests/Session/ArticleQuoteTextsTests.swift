@testable import ClaimDeskCore
import Foundation
import Testing

/// Reading a session shares each anchor's quote with its article's text where the text reads it,
/// and the session is written back as the same bytes.
@Suite struct ArticleQuoteTextsTests {
    static func fixture() throws -> Data {
        let url = try #require(Bundle.module.url(forResource: "session-bytes", withExtension: "json", subdirectory: "Fixtures/session-bytes"))
        return try Data(contentsOf: url)
    }

    /// Whether `part` reads `text` at the anchor's place, as the session document says.
    static func reads(_ text: String, _ anchor: Anchor) -> Bool {
        let scalars = Array(text.unicodeScalars)
        func slice(_ range: Range<Int>) -> String {
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[max(0, range.lowerBound)..<min(scalars.count, range.upperBound)])
            return String(s)
        }
        guard anchor.end <= scalars.count else { return false }
        return slice(anchor.range) == anchor.exact
            && slice(anchor.start - anchor.prefix.unicodeScalars.count..<anchor.start) == anchor.prefix
            && slice(anchor.end..<anchor.end + anchor.suffix.unicodeScalars.count) == anchor.suffix
    }

    @Test func anchorsThatReadTheirArticleShareItsText() throws {
        let session = try SessionDocument.decode(try Self.fixture())
        let text = try #require(session.articles["a1"]?.text)
        var shared = 0
        for claim in session.orderedClaims {
            // Past other-than-ASCII text (quotes, Arabic, an emoji), so the offsets are UTF-8's, not code points'.
            #expect(claim.anchor.sharesArticleText == Self.reads(text, claim.anchor), "\(claim.id)")
            if claim.anchor.sharesArticleText { shared += 1 }
            if let cue = claim.cue { #expect(cue.sharesArticleText == Self.reads(text, cue), "\(claim.id) cue") }
        }
        #expect(shared >= 2)
        #expect(session.claims["c2"]?.anchor.exact == "No deal")
    }

    @Test func aHandEditedPrefixIsKeptAndWrittenAsItWas() throws {
        var object = try #require(try JSONSerialization.jsonObject(with: Self.fixture()) as? [String: Any])
        var claims = try #require(object["claims"] as? [[String: Any]])
        var anchor = try #require(claims[0]["anchor"] as? [String: Any])
        anchor["prefix"] = "not the text before it "
        claims[0]["anchor"] = anchor
        object["claims"] = claims
        let edited = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        let session = try SessionDocument.decode(edited)
        let claim = try #require(session.claims["c1"])
        #expect(!claim.anchor.sharesArticleText)
        #expect(claim.anchor.prefix == "not the text before it ")
        #expect(claim.anchor.exact == "the talks stalled,")
        // Read and written again, whatever is shared: the same session.
        #expect(try SessionDocument.decode(SessionDocument.encode(session)) == session)
        #expect(SessionDocument.encode(try SessionDocument.decode(SessionDocument.encode(session))) == SessionDocument.encode(session))
    }

    @Test func aQuoteTheTextDoesNotReadAtItsPlaceIsNotShared() throws {
        var object = try #require(try JSONSerialization.jsonObject(with: Self.fixture()) as? [String: Any])
        var claims = try #require(object["claims"] as? [[String: Any]])
        var anchor = try #require(claims[0]["anchor"] as? [String: Any])
        anchor["start"] = 0
        anchor["end"] = 18
        anchor["orphaned"] = true
        claims[0]["anchor"] = anchor
        object["claims"] = claims
        let session = try SessionDocument.decode(try JSONSerialization.data(withJSONObject: object))
        let claim = try #require(session.claims["c1"])
        // At 0 the text reads "Officials said “th", not the quote: it keeps its own strings.
        #expect(!claim.anchor.sharesArticleText)
        #expect(claim.anchor.exact == "the talks stalled,")
    }

    /// An article of code points of every UTF-8 width, several table strides long and not a whole
    /// number of them, anchored at every place: every anchor shares its quote with the text.
    @Test func anchorsAtEveryPlaceOfAMixedTextShareIt() throws {
        let pieces = ["a", "é", "—", "😀", "خبر", " ", "“q”", "\u{7FF}", "\u{800}", "\u{FFFF}", "\u{10000}"]
        let text = (0..<97).map { pieces[($0 * 7) % pieces.count] }.joined()
        let time = Timestamp(secondsSince1970: 1_790_000_000)
        var session = Session(analyst: "ana", created: time)
        let article = Article(id: "a1", title: "T", origin: nil, text: text, loaded: time)
        session.put(.article(article))
        let count = article.content.count
        #expect(count > 64 && count % 32 != 0)
        for start in 0..<count {
            let anchor = Anchor(article: "a1", range: start..<min(count, start + 1 + start % 5), in: article.content)
            session.put(.mention(Mention(id: AnnotationID(kind: .mention, number: start + 1), anchor: anchor, source: "src1",
                                         author: "ana", created: time)))
        }
        session.put(.source(Source(id: "src1", name: "S", kind: "official", author: "ana", created: time)))
        let read = try SessionDocument.decode(SessionDocument.encode(session))
        #expect(read == session)
        for mention in read.orderedMentions {
            #expect(mention.anchor.sharesArticleText, "\(mention.id) at \(mention.anchor.start)")
        }
    }
}
