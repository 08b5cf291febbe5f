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
}
