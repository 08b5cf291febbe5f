import ClaimDeskCore

/// A deterministic generator of news-like sessions.
public struct Generator {
    public init() {}

    var state: UInt64 = 42
    public mutating func next(_ n: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(n))
    }

    public static let sentences = [
        "Senior U.S. officials said on Tuesday that the talks had stalled.",
        "The Daily Courier reported, quoting two officials, that Secretary Helen R. Marsh wanted “a firm answer.”",
        "Gen. Thomas E. Reyes disagreed, saying the Navy would not escalate.",
        "Insurance premiums for ships crossing the strait have risen 40% since Jan. 1, the monitor said.",
        "A spokesman for the port authority declined to comment on the seizure.",
        "Analysts said the dispute could raise shipping costs by $1.2 billion a year.",
    ]

    public mutating func article(_ index: Int) -> String {
        var paragraphs = ["Story \(index): harbor talks and the tanker dispute"]
        for _ in 0..<12 {
            paragraphs.append((0..<4).map { _ in Self.sentences[next(Self.sentences.count)] }.joined(separator: " "))
        }
        return paragraphs.joined(separator: "\n\n")
    }

    /// A session of about `annotations` annotations over 100 articles: sources (one per hundred),
    /// claims and mentions; `rich` adds stances on claims (one in ten), relations between claims
    /// (one in twenty), a few propositions and reviewed verdicts, as a real desk's sessions have.
    public mutating func session(annotations: Int, rich: Bool = false) -> Session {
        let time = Timestamp(secondsSince1970: 1_790_000_000)
        var session = Session(name: "bench", analyst: "bench", created: time)
        if rich {
            // ClaimReview names the reviewing organisation.
            session.settings = SessionSettings(organization: "Bench Desk", organizationURL: "https://desk.example")
        }
        for i in 1...100 {
            session.put(.article(Article(id: AnnotationID(kind: .article, number: i), title: "Story \(i)", origin: nil,
                                         text: article(i), loaded: time)))
        }
        let articles = session.orderedArticles
        let sourceCount = max(10, annotations / 100)
        for i in 1...sourceCount {
            session.put(.source(Source(id: AnnotationID(kind: .source, number: i), name: "Source \(i)", kind: "official",
                                       aliases: ["S\(i)"], author: "bench", created: time)))
        }
        var made = sourceCount
        var n = 0
        var claims: [AnnotationID] = []
        if rich {
            for i in 1...10 {
                session.put(.proposition(Proposition(id: AnnotationID(kind: .proposition, number: i),
                                                     text: "Proposition \(i) about the strait", author: "bench", created: time)))
            }
            made += 10
        }
        var stanceKeys = Set<String>()
        while made < annotations {
            n += 1
            if rich, n % 10 == 5, !claims.isEmpty {
                let target = n % 30 == 5 ? AnnotationID(kind: .proposition, number: 1 + next(10)) : claims[next(claims.count)]
                let holder = AnnotationID(kind: .source, number: 1 + next(sourceCount))
                let label = ["favor", "against", "neutral"][next(3)]
                // A session holds one stance per holder and target (opening refuses a second).
                if stanceKeys.insert("\(holder) \(target)").inserted {
                    session.put(.stance(Stance(id: AnnotationID(kind: .stance, number: n), holder: holder, label: label,
                                               target: target, author: "bench", created: time)))
                    made += 1
                }
                continue
            }
            if rich, n % 20 == 7, claims.count >= 2 {
                session.put(.relation(Relation(id: AnnotationID(kind: .relation, number: n), from: claims[next(claims.count)],
                                               type: "supports", to: claims[next(claims.count)], author: "bench", created: time)))
                made += 1
                continue
            }
            let article = articles[next(articles.count)]
            let sentence = article.content.segmentation.sentences[next(article.content.sentenceCount)]
            let anchor = Anchor(article: article.id, range: sentence.range, in: article.content)
            if n % 4 == 0 {
                session.put(.mention(Mention(id: AnnotationID(kind: .mention, number: n), anchor: anchor,
                                             source: AnnotationID(kind: .source, number: 1 + next(sourceCount)), author: "bench", created: time)))
            } else {
                var claim = Claim(id: AnnotationID(kind: .claim, number: n), anchor: anchor,
                                  claimant: AnnotationID(kind: .source, number: 1 + next(sourceCount)),
                                  via: [AnnotationID(kind: .source, number: 1 + next(sourceCount))], kind: "factual",
                                  verdict: "unverified", author: "bench", created: time)
                if n % 3 == 0 { claim.tags = ["tagged"] }
                if rich, n % 7 == 0 { claim.verdict = "mostly-false" }
                session.put(.claim(claim))
                claims.append(claim.id)
            }
            made += 1
        }
        return session
    }
}

