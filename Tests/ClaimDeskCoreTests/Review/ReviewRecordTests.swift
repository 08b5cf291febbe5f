@testable import ClaimDeskCore
import Foundation
import Testing

/// Review decisions, text changes and provenance survive the session document, and a session
/// without them is written exactly as before.
@Suite struct ReviewRecordTests {
    @Test func reviewFieldsRoundTripThroughTheDocument() throws {
        var builder = ReviewSessions.Builder(analyst: "ana")
        let id = builder.claim("Officials said the strait was closed.", by: "Officials")
        var claim = try #require(builder.session.claims[id])
        var review = Review()
        review.decide(ReviewDecision(status: .rejected, reviewer: "ed", time: ReviewSessions.time, comment: "not a claim"))
        review.textChanges.append(TextChange(old: "About 50 people", new: "About 44 people", how: "fuzzy", time: ReviewSessions.time))
        review.decide(ReviewDecision(status: .open, reviewer: ReviewDecision.automaticReviewer, time: ReviewSessions.time, comment: "text changed (rebase)"))
        claim.review = review
        claim.provenance = Provenance(session: "bob-harbor", analyst: "bob", id: "c7")
        builder.session.put(.claim(claim))

        let data = SessionDocument.encode(builder.session)
        let decoded = try SessionDocument.decode(data)
        #expect(decoded.claims[id] == claim)
        #expect(SessionDocument.encode(decoded) == data, "saving twice gives the same bytes")
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"provenance\": {"))
        #expect(text.contains("\"textChanges\": ["))
    }

    @Test func aSessionWithoutReviewsHasNoReviewKeys() {
        let (ana, _) = AgreementReportTests.twoAnalysts()
        let text = String(decoding: SessionDocument.encode(ana), as: UTF8.self)
        #expect(!text.contains("\"review\""))
        #expect(!text.contains("\"provenance\""))
    }

    @Test func anUnknownReviewStatusIsRefusedWithItsPath() throws {
        var builder = ReviewSessions.Builder(analyst: "ana")
        let id = builder.claim("Officials said the strait was closed.")
        var claim = try #require(builder.session.claims[id])
        claim.review = Review(status: .accepted)
        builder.session.put(.claim(claim))
        let text = String(decoding: SessionDocument.encode(builder.session), as: UTF8.self)
            .replacingOccurrences(of: "\"status\": \"accepted\"", with: "\"status\": \"approved\"")
        #expect(throws: SessionDocumentError.self) { try SessionDocument.decode(Data(text.utf8)) }
        do {
            _ = try SessionDocument.decode(Data(text.utf8))
        } catch {
            #expect(error.message.contains("unknown review status \"approved\""))
            #expect(error.message.contains("claims[0].review.status"))
        }
    }

    @Test func quoteChangesShowTheDifferingPartInContext() {
        let (old, new) = QuoteChange.excerpts(
            old: "Police said on Tuesday that about 50 other people were wounded in the attack on the market.",
            new: "Police said on Tuesday that about 44 other people were wounded in the attack on the market.", context: 10)
        #expect(old == "…hat about 50 other peo…")
        #expect(new == "…hat about 44 other peo…")
        #expect(QuoteChange.excerpts(old: "abc", new: "abc") == ("abc", "abc"))
        #expect(QuoteChange.excerpts(old: "", new: "new text") == ("", "new text"))
    }
}
