@testable import ClaimDeskCore
import Foundation
import Testing

@Suite struct ClaimReviewExportTests {
    func reviews(_ session: Session) throws -> [JSONValue] {
        try #require(try jsonObject(ClaimReviewExporter(includeUnaccepted: true).export(session).data).arrayValue)
    }

    func review(_ reviews: [JSONValue], quote: String) throws -> JSONValue {
        try #require(reviews.first { $0["claimReviewed"]?.stringValue == quote })
    }

    @Test func everyReviewedClaimAndOnlyThoseBecomesAClaimReview() throws {
        let session = ExportSample.session()
        let all = try reviews(session)
        // c2 false, c3 misleading, c4 mostly-true, c5 true (orphaned, its stored quote); c1 is unverified.
        #expect(all.count == 4)
        #expect(Set(all.compactMap { $0["claimReviewed"]?.stringValue }) == [
            "We will not escalate", "talks had stalled. The Daily Courier reported",
            "Gen. Thomas E. Reyes disagreed: “We will not escalate,” he said. Fees", "Fees rose 41%",
        ])
        for item in all {
            #expect(item["@context"] == .string("https://schema.org"))
            #expect(item["@type"] == .string("ClaimReview"))
            #expect(item["author"] == .object(["@type": "Organization", "name": "Harbor Fact Desk", "url": "https://factdesk.example"]))
            #expect(item["itemReviewed"]?["@type"] == .string("Claim"))
            #expect(item["itemReviewed"]?["appearance"]?["headline"] == .string("Port talks stall <script>"))
            // The article's publication date is unknown: the day it was loaded is not used instead.
            #expect(item["itemReviewed"]?["datePublished"] == nil)
            #expect(item["reviewRating"]?["@type"] == .string("Rating"))
            #expect(item["url"] == nil)
        }
    }

    @Test func ratingsNameTheVerdictAndPlaceTruthScaleVerdictsOnAScale() throws {
        let all = try reviews(ExportSample.session())
        let c2 = try review(all, quote: "We will not escalate")
        #expect(c2["reviewRating"] == .object(["@type": "Rating", "alternateName": "False", "ratingValue": .int(1),
                                               "bestRating": .int(5), "worstRating": .int(1)]))
        #expect(c2["datePublished"] == .string("2026-09-24"))
        #expect(c2["itemReviewed"]?["author"] == .object(["@type": "Person", "name": "Gen. Thomas E. Reyes"]))
        let c3 = try review(all, quote: "talks had stalled. The Daily Courier reported")
        #expect(c3["reviewRating"] == .object(["@type": "Rating", "alternateName": "Misleading"]))
        #expect(c3["itemReviewed"]?["author"] == nil)
        let c4 = try review(all, quote: "Gen. Thomas E. Reyes disagreed: “We will not escalate,” he said. Fees")
        #expect(c4["reviewRating"]?["alternateName"] == .string("Mostly true"))
        #expect(c4["reviewRating"]?["ratingValue"]?.intValue == 4)
        let c5 = try review(all, quote: "Fees rose 41%")
        #expect(c5["itemReviewed"]?["author"] == .object(["@type": "NewsMediaOrganization", "name": "The Daily Courier"]))
    }

    @Test func withABaseURLEachReviewHasAnAddress() throws {
        let result = try ClaimReviewExporter(includeUnaccepted: true).export(ExportSample.session(baseURL: "https://factdesk.example/reviews/"))
        #expect(result.warnings.isEmpty)
        let urls = try #require(try jsonObject(result.data).arrayValue).compactMap { $0["url"]?.stringValue }
        #expect(urls.sorted() == ["https://factdesk.example/reviews/c2", "https://factdesk.example/reviews/c3",
                                  "https://factdesk.example/reviews/c4", "https://factdesk.example/reviews/c5"])
        #expect(try ClaimReviewExporter(includeUnaccepted: true).export(ExportSample.session()).warnings.count == 1)
    }

    @Test func refusesWithoutAReviewerOrAReviewedClaim() {
        var session = ExportSample.session()
        session.settings.organization = nil
        #expect(throws: ExportError.noOrganization) { try ClaimReviewExporter(includeUnaccepted: true).export(session) }
        session.settings.organization = "Desk"
        session.settings.organizationURL = "factdesk.example"
        #expect(throws: ExportError.badOrganizationURL("factdesk.example")) { try ClaimReviewExporter(includeUnaccepted: true).export(session) }
        session.settings.organizationURL = nil
        for claim in session.claims.values {
            var unreviewed = claim
            unreviewed.verdict = "unverified"
            session.put(.claim(unreviewed))
        }
        #expect(throws: ExportError.noReviewedClaims(defaultVerdict: "unverified")) { try ClaimReviewExporter(includeUnaccepted: true).export(session) }
    }

    @Test func sourceKindsBecomeSchemaOrgTypes() {
        func type(_ kind: String) -> JSONValue? {
            var writer = JSONWriter(pretty: false)
            ClaimReviewExporter.agent(Source(id: "src1", name: "X", kind: kind, author: "a", created: ExportSample.created), fallback: "src1", to: &writer)
            return (try? JSONValue.parse(writer.bytes))?["@type"]
        }
        #expect(type("official") == .string("Person"))
        #expect(type("expert") == .string("Person"))
        #expect(type("outlet") == .string("NewsMediaOrganization"))
        #expect(type("government") == .string("GovernmentOrganization"))
        #expect(type("agency") == .string("Organization"))
        #expect(type("a-kind-of-our-own") == .string("Organization"))
    }

    @Test func onlyAcceptedClaimsArePublishedUnlessAllAreAskedFor() throws {
        var session = ExportSample.session()
        let withVerdict = session.orderedClaims.filter { $0.verdict != "unverified" }
        try #require(withVerdict.count == 4)
        #expect(throws: ExportError.noAcceptedClaims(withVerdict: 4)) { try ClaimReviewExporter().export(session) }
        var accepted = withVerdict[0]
        var review = Review()
        review.decide(ReviewDecision(status: .accepted, reviewer: "ed", time: ExportSample.created))
        accepted.review = review
        session.put(.claim(accepted))
        var rejected = withVerdict[1]
        var no = Review()
        no.decide(ReviewDecision(status: .rejected, reviewer: "ed", time: ExportSample.created, comment: "misread"))
        rejected.review = no
        session.put(.claim(rejected))
        let result = try ClaimReviewExporter().export(session)
        #expect(result.count == 1)
        #expect(result.warnings.contains("left out 3 claims with a verdict that are not accepted (2 open, 1 rejected); accept them, or export claimreview --all"))
        #expect(try ClaimReviewExporter(includeUnaccepted: true).export(session).count == 4)
        #expect(ExportError.noAcceptedClaims(withVerdict: 4).message.hasPrefix("none of the 4 claims with a verdict is accepted"))
    }

    @Test func theArticlesMetadataDatesAndCreditsTheClaim() throws {
        var session = ExportSample.session()
        var article = try #require(session.orderedArticles.first)
        session.put(.source(Source(id: "src90", name: "Meridian Wire", kind: "outlet", author: "ana", created: article.loaded)))
        article.metadata = ArticleMetadata(url: "https://wire.example/talks", publisher: "src90", byline: ["Ana Ruiz", "Li Wei"],
                                           published: "2020-03-23T09:00:00-04:00")
        session.put(.article(article))
        let item = try #require(try reviews(session).first { $0["itemReviewed"]?["appearance"] != nil })
        let claim = try #require(item["itemReviewed"])
        #expect(claim["datePublished"] == .string("2020-03-23T09:00:00-04:00"))
        #expect(claim["appearance"]?["url"] == .string("https://wire.example/talks"))
        #expect(claim["appearance"]?["headline"] == .string(.init(article.title)))
        #expect(claim["appearance"]?["author"] == .array([.object(["@type": "Person", "name": "Ana Ruiz"]),
                                                           .object(["@type": "Person", "name": "Li Wei"])]))
        #expect(claim["appearance"]?["publisher"] == .object(["@type": "Organization", "name": "Meridian Wire"]))
    }
}
