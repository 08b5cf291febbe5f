import Foundation

/// Every reviewed claim as a schema.org `ClaimReview` (JSON-LD), the markup fact-checks publish
/// for search engines: a JSON array with one self-contained object per claim whose verdict is
/// not the taxonomy's first ("unverified") and that an editor accepted (all of them with
/// `includeUnaccepted`): a ClaimReview is published work, so review comes first.
public struct ClaimReviewExporter: SessionExporter {
    public static let context = "https://schema.org"

    /// Numeric ratings for the default verdicts, on a scale of 1 (false) to 5 (true). Verdicts off
    /// that scale (misleading, unsupported, a taxonomy's own) carry only their name.
    public static let ratingScale: [String: Int] = ["false": 1, "mostly-false": 2, "mixed": 3, "mostly-true": 4, "true": 5]

    /// Whether claims not accepted in review are published too (`export claimreview --all`).
    public let includeUnaccepted: Bool

    public init(includeUnaccepted: Bool = false) {
        self.includeUnaccepted = includeUnaccepted
    }

    public func export(_ session: Session) throws(ExportError) -> ExportResult {
        guard !session.articles.isEmpty else { throw .noArticles }
        let withVerdict = session.orderedClaims.filter { $0.verdict != session.unreviewedVerdict }
        guard !withVerdict.isEmpty else { throw .noReviewedClaims(defaultVerdict: session.unreviewedVerdict) }
        guard let organization = session.settings.organization?.trimmingCharacters(in: .whitespaces), !organization.isEmpty else {
            throw .noOrganization
        }
        var reviewer: [String: JSONValue] = ["@type": "Organization", "name": .string(organization)]
        if let url = session.settings.organizationURL?.trimmingCharacters(in: .whitespaces), !url.isEmpty {
            guard WebAddress.isValid(url) else { throw .badOrganizationURL(url) }
            reviewer["url"] = .string(url)
        }
        let reviewed = includeUnaccepted ? withVerdict : withVerdict.filter { $0.reviewStatus == .accepted }
        guard !reviewed.isEmpty else { throw .noAcceptedClaims(withVerdict: withVerdict.count) }
        let ids = try ExportIdentifiers(session)
        var warnings: [String] = []
        let open = withVerdict.filter { $0.reviewStatus == .open }.count
        let rejected = withVerdict.filter { $0.reviewStatus == .rejected }.count
        if !includeUnaccepted, open + rejected > 0 {
            let parts = [open > 0 ? "\(open) open" : nil, rejected > 0 ? "\(rejected) rejected" : nil].compactMap { $0 }
            warnings.append("left out \(open + rejected) claim\(open + rejected == 1 ? "" : "s") with a verdict that \(open + rejected == 1 ? "is" : "are") not accepted ("
                            + parts.joined(separator: ", ") + "); accept them, or export claimreview --all")
        }
        if ids.base == nil {
            warnings.append("the reviews have no url (search engines require one); set session base-url to give each an address")
        }

        let reviews: [JSONValue] = reviewed.map { claim in
            var item: [String: JSONValue] = ["@type": "Claim"]
            if let claimant = claim.claimant { item["author"] = Self.agent(session.sources[claimant], fallback: claimant) }
            if let article = session.articles[claim.anchor.article] {
                // The claim appeared when the article did; the day it was loaded says nothing about that.
                let credit = ArticleCredit(article, in: session)
                if let published = credit.published { item["datePublished"] = .string(published) }
                var appearance: [String: JSONValue] = [
                    "@type": "CreativeWork",
                    "headline": .string(article.title),
                    "identifier": .string(ExportIdentifiers.articleSource(article)),
                ]
                if let url = credit.url { appearance["url"] = .string(url) }
                if let published = credit.published { appearance["datePublished"] = .string(published) }
                if !article.metadata.byline.isEmpty {
                    appearance["author"] = .array(article.metadata.byline.map { .object(["@type": "Person", "name": .string($0)]) })
                }
                if let outlet = credit.outlet { appearance["publisher"] = .object(["@type": "Organization", "name": .string(outlet)]) }
                item["appearance"] = .object(appearance)
            }
            var rating: [String: JSONValue] = ["@type": "Rating", "alternateName": .string(Self.ratingName(claim.verdict))]
            if let value = Self.ratingScale[claim.verdict] {
                rating["ratingValue"] = .int(value)
                rating["bestRating"] = .int(5)
                rating["worstRating"] = .int(1)
            }
            let quote = claim.fragments.map { session.placed($0)?.exact ?? $0.exact }.joined(separator: Anchor.fragmentSeparator)
            var review: [String: JSONValue] = [
                "@context": .string(Self.context),
                "@type": "ClaimReview",
                "claimReviewed": .string(quote),
                "datePublished": .string(Self.date(claim.modified)),
                "author": .object(reviewer),
                "reviewRating": .object(rating),
                "itemReviewed": .object(item),
            ]
            if ids.base != nil { review["url"] = .string(ids.annotation(claim.id)) }
            return .object(review)
        }
        return ExportResult(payload: .file(JSONOutput.encode(.array(reviews))), count: reviews.count, warnings: warnings)
    }

    /// `mostly-true` as a rating reads: "Mostly true".
    static func ratingName(_ verdict: String) -> String {
        let words = verdict.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// A source as the schema.org agent its kind suggests.
    static func agent(_ source: Source?, fallback: AnnotationID) -> JSONValue {
        guard let source else { return .object(["@type": "Person", "name": .string(fallback.rawValue)]) }
        let type: String
        switch source.kind {
        case "official", "expert", "anonymous": type = "Person"
        case "outlet": type = "NewsMediaOrganization"
        case "government": type = "GovernmentOrganization"
        default: type = "Organization"
        }
        var agent: [String: JSONValue] = ["@type": .string(type), "name": .string(source.name)]
        if let role = source.role, !role.isEmpty {
            agent[type == "Person" ? "jobTitle" : "description"] = .string(role)
        }
        if !source.aliases.isEmpty { agent["alternateName"] = .oneOrMany(source.aliases.map(JSONValue.string)) }
        return .object(agent)
    }

    /// The date part of a timestamp, `2026-09-21`.
    static func date(_ time: Timestamp) -> String { String(time.description.prefix(10)) }
}
