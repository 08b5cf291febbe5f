import Foundation

/// Every reviewed claim as a schema.org `ClaimReview` (JSON-LD), the markup fact-checks publish
/// for search engines: a JSON array with one self-contained object per claim whose verdict is
/// not the taxonomy's first ("unverified") and that an editor accepted (all of them with
/// `includeUnaccepted`): a ClaimReview is published work, so review comes first.
public struct ClaimReviewExporter: StreamingExporter {
    public static let context = "https://schema.org"

    /// Numeric ratings for the default verdicts, on a scale of 1 (false) to 5 (true). Verdicts off
    /// that scale (misleading, unsupported, a taxonomy's own) carry only their name.
    public static let ratingScale: [String: Int] = ["false": 1, "mostly-false": 2, "mixed": 3, "mostly-true": 4, "true": 5]

    /// Whether claims not accepted in review are published too (`export claimreview --all`).
    public let includeUnaccepted: Bool

    public init(includeUnaccepted: Bool = false) {
        self.includeUnaccepted = includeUnaccepted
    }

    public func export(_ session: Session, to output: inout some ExportOutput) throws(ExportError) -> ExportSummary {
        guard !session.articles.isEmpty else { throw .noArticles }
        let withVerdict = session.orderedClaims.filter { $0.verdict != session.unreviewedVerdict }
        guard !withVerdict.isEmpty else { throw .noReviewedClaims(defaultVerdict: session.unreviewedVerdict) }
        guard let organization = session.settings.organization?.trimmingCharacters(in: .whitespaces), !organization.isEmpty else {
            throw .noOrganization
        }
        var organizationURL: String?
        if let url = session.settings.organizationURL?.trimmingCharacters(in: .whitespaces), !url.isEmpty {
            guard WebAddress.isValid(url) else { throw .badOrganizationURL(url) }
            organizationURL = url
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

        // Each article's credit and the hash of its text, made once rather than per claim.
        var appearances: [AnnotationID: Appearance] = [:]
        for article in session.articles.values {
            appearances[article.id] = Appearance(article: article, credit: ArticleCredit(article, in: session),
                                                 identifier: ExportIdentifiers.articleSource(article))
        }
        var json = JSONWriter(pretty: true, spelling: .encoderCompatible, capacity: 1 << 17)
        json.beginArray()
        for claim in reviewed {
            json.beginObject()
            json.field("@context", Self.context)
            json.field("@type", "ClaimReview")
            json.key("author")
            json.beginObject()
            json.field("@type", "Organization")
            json.field("name", organization)
            json.field("url", organizationURL)
            json.endObject()
            let quote = claim.fragments.map { session.placed($0)?.exact ?? $0.exact }.joined(separator: Anchor.fragmentSeparator)
            json.field("claimReviewed", quote)
            json.field("datePublished", Self.date(claim.modified))
            json.key("itemReviewed")
            item(claim, appearance: appearances[claim.anchor.article], in: session, to: &json)
            json.key("reviewRating")
            json.beginObject()
            json.field("@type", "Rating")
            json.field("alternateName", Self.ratingName(claim.verdict))
            if let value = Self.ratingScale[claim.verdict] {
                json.field("bestRating", 5)
                json.field("ratingValue", value)
                json.field("worstRating", 1)
            }
            json.endObject()
            if ids.base != nil { json.field("url", ids.annotation(claim.id)) }
            json.endObject()
            json.flush(to: &output)
        }
        json.endArray()
        json.appendRaw(0x0A)
        json.flush(to: &output, force: true)
        return ExportSummary(count: reviewed.count, warnings: warnings)
    }

    /// Where a claim appeared: its article, the article's credit and the `urn:sha256:` of its text.
    struct Appearance {
        let article: Article
        let credit: ArticleCredit
        let identifier: String
    }

    /// The claim reviewed: who made it, and where and when it appeared.
    func item(_ claim: Claim, appearance: Appearance?, in session: Session, to json: inout JSONWriter) {
        json.beginObject()
        json.field("@type", "Claim")
        // The claim appeared when the article did; the day it was loaded says nothing about that.
        let credit = appearance?.credit
        if let appearance, let credit {
            let article = appearance.article
            json.key("appearance")
            json.beginObject()
            json.field("@type", "CreativeWork")
            if !article.metadata.byline.isEmpty {
                json.key("author")
                json.beginArray()
                for name in article.metadata.byline {
                    json.beginObject()
                    json.field("@type", "Person")
                    json.field("name", name)
                    json.endObject()
                }
                json.endArray()
            }
            json.field("datePublished", credit.published)
            json.field("headline", article.title)
            json.field("identifier", appearance.identifier)
            if let outlet = credit.outlet {
                json.key("publisher")
                json.beginObject()
                json.field("@type", "Organization")
                json.field("name", outlet)
                json.endObject()
            }
            json.field("url", credit.url)
            json.endObject()
        }
        if let claimant = claim.claimant {
            json.key("author")
            Self.agent(session.sources[claimant], fallback: claimant, to: &json)
        }
        json.field("datePublished", credit?.published)
        json.endObject()
    }

    /// `mostly-true` as a rating reads: "Mostly true".
    static func ratingName(_ verdict: String) -> String {
        let words = verdict.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// A source as the schema.org agent its kind suggests.
    static func agent(_ source: Source?, fallback: AnnotationID, to json: inout JSONWriter) {
        json.beginObject()
        json.field("@type", source.map { agentType($0.kind) } ?? "Person")
        if let source {
            if source.aliases.count == 1 {
                json.field("alternateName", source.aliases[0])
            } else if !source.aliases.isEmpty {
                json.field("alternateName", source.aliases)
            }
            if let role = source.role, !role.isEmpty { json.field(agentType(source.kind) == "Person" ? "jobTitle" : "description", role) }
        }
        json.field("name", source?.name ?? fallback.rawValue)
        json.endObject()
    }

    static func agentType(_ kind: String) -> String {
        switch kind {
        case "official", "expert", "anonymous": "Person"
        case "outlet": "NewsMediaOrganization"
        case "government": "GovernmentOrganization"
        default: "Organization"
        }
    }

    /// The date part of a timestamp, `2026-09-21`.
    static func date(_ time: Timestamp) -> String { String(time.description.prefix(10)) }
}
