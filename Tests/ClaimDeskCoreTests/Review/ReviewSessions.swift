@testable import ClaimDeskCore

/// Two or three analysts' sessions over one short article, built by hand so that every figure the
/// review tools print can be worked out on paper.
enum ReviewSessions {
    static let text = """
        Officials said the strait was closed. The Daily Courier reported that Iran’s navy seized a tanker.

        Gen. Reyes said: “We will not escalate.” Analysts expect talks to resume.
        """
    static let time = Timestamp(secondsSince1970: 1_790_000_000)

    static func range(_ quote: String) -> Range<Int> {
        let scalars = Array(text.unicodeScalars), pattern = Array(quote.unicodeScalars)
        for start in 0...(scalars.count - pattern.count) where Array(scalars[start..<start + pattern.count]) == pattern {
            return start..<start + pattern.count
        }
        fatalError("no \(quote) in the article")
    }

    /// A session builder: sources by name (created on first use), claims and mentions by quote.
    struct Builder {
        var session: Session
        let article: Article

        init(analyst: String, title: String = "Strait") {
            session = Session(name: analyst, analyst: analyst, created: ReviewSessions.time)
            article = Article(id: "a1", title: title, origin: nil, text: ReviewSessions.text, loaded: ReviewSessions.time)
            session.put(.article(article))
        }

        mutating func source(_ name: String) -> AnnotationID {
            if let existing = session.sources.values.first(where: { $0.name == name }) { return existing.id }
            let id = session.nextID(.source)
            session.put(.source(Source(id: id, name: name, kind: "other", author: session.analyst, created: ReviewSessions.time)))
            return id
        }

        @discardableResult
        mutating func claim(_ quote: String, by claimant: String? = nil, via: [String] = [], kind: String = "factual",
                            verdict: String = "unverified") -> AnnotationID {
            let id = session.nextID(.claim)
            let claimantID = claimant.map { source($0) }
            let chain = via.map { source($0) }
            session.put(.claim(Claim(id: id, anchor: Anchor(article: "a1", range: ReviewSessions.range(quote), in: article.content),
                                     claimant: claimantID, via: chain, kind: kind, verdict: verdict,
                                     author: session.analyst, created: ReviewSessions.time)))
            return id
        }

        mutating func mention(_ quote: String, of name: String) {
            let id = session.nextID(.mention), source = source(name)
            session.put(.mention(Mention(id: id, anchor: Anchor(article: "a1", range: ReviewSessions.range(quote), in: article.content),
                                         source: source, author: session.analyst, created: ReviewSessions.time)))
        }

        mutating func stance(_ holder: String, _ label: String, on proposition: String, evidence: String) {
            let holderID = source(holder)
            let target: AnnotationID
            if let existing = session.propositions.values.first(where: { $0.text == proposition }) {
                target = existing.id
            } else {
                target = session.nextID(.proposition)
                session.put(.proposition(Proposition(id: target, text: proposition, author: session.analyst, created: ReviewSessions.time)))
            }
            session.put(.stance(Stance(id: session.nextID(.stance), holder: holderID, label: label, target: target,
                                       evidence: [Anchor(article: "a1", range: ReviewSessions.range(evidence), in: article.content)],
                                       author: session.analyst, created: ReviewSessions.time)))
        }
    }
}
