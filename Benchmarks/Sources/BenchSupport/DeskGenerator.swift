import ClaimDeskCore

/// A desk's sessions: one news article each, published over a year, annotated with sources drawn
/// from one shared pool (so that questions across sessions find the same officials and outlets),
/// claims with via chains and verdicts, mentions, propositions, stances, relations, tags and notes.
public struct DeskGenerator {
    public init() {}

    var random = Generator()

    public static let topics = [
        "tanker seizure", "port fees", "oil sanctions", "drone strike", "ceasefire talks", "grain corridor",
        "election recount", "currency controls", "refinery fire", "border closure", "cyber attack", "aid convoy",
    ]
    public static let outlets = (1...40).map { "Outlet \($0)" }
    public static let officials = (1...250).map { "Official \($0)" }
    public static let propositions = [
        "The US should escalate militarily", "Sanctions should be lifted", "The strait should stay open",
        "The talks will fail", "Shipping costs will rise", "The ceasefire will hold",
    ]
    static let verdicts = ["unverified", "unverified", "unverified", "true", "mostly-true", "mixed", "misleading", "mostly-false", "false"]

    /// Session `number` (from 1) with `annotations` annotations, sources included.
    public mutating func session(_ number: Int, annotations: Int = 100) -> Session {
        let time = Timestamp(secondsSince1970: 1_767_225_600 + Int64(number % 365) * 86_400)
        let topic = Self.topics[number % Self.topics.count]
        var session = Session(name: "desk\(number)", analyst: "analyst\(number % 7)", created: time)
        var paragraphs = ["\(topic.capitalized): story \(number)"]
        for _ in 0..<10 {
            paragraphs.append((0..<4).map { _ in Generator.sentences[random.next(Generator.sentences.count)] }.joined(separator: " ")
                              + " The \(topic) was discussed again.")
        }
        let text = paragraphs.joined(separator: "\n\n")
        let day = time.description.prefix(10)
        // Sources first: two outlets and eight officials from the pools.
        var sources: [AnnotationID] = []
        for i in 1...10 {
            let name = i <= 2 ? Self.outlets[random.next(Self.outlets.count)] : Self.officials[random.next(Self.officials.count)]
            let id = AnnotationID(kind: .source, number: i)
            session.put(.source(Source(id: id, name: name, kind: i <= 2 ? "outlet" : "official", author: session.analyst, created: time)))
            sources.append(id)
        }
        let article = Article(id: AnnotationID(kind: .article, number: 1), title: "\(topic.capitalized): story \(number)", origin: nil,
                              text: text, loaded: time,
                              metadata: ArticleMetadata(publisher: sources[0], published: String(day)))
        session.put(.article(article))
        for i in 1...2 {
            session.put(.proposition(Proposition(id: AnnotationID(kind: .proposition, number: i),
                                                 text: Self.propositions[random.next(Self.propositions.count)],
                                                 author: session.analyst, created: time)))
        }
        var made = 12
        var n = 0
        var claims: [AnnotationID] = []
        // A source takes one stance per target (a session with two is refused as inconsistent).
        var stanced = Set<[AnnotationID]>()
        let sentences = article.content.segmentation.sentences
        while made < annotations {
            n += 1
            made += 1
            let sentence = sentences[random.next(sentences.count)]
            let anchor = Anchor(article: article.id, range: sentence.range, in: article.content)
            let holder = sources[2 + random.next(8)]
            let target = n % 24 == 6 ? AnnotationID(kind: .proposition, number: 1 + random.next(2)) : claims.isEmpty ? holder : claims[random.next(claims.count)]
            if n % 12 == 6, !claims.isEmpty, stanced.insert([holder, target]).inserted {
                session.put(.stance(Stance(id: AnnotationID(kind: .stance, number: n), holder: holder,
                                           label: ["favor", "against", "neutral"][random.next(3)], target: target, evidence: [anchor],
                                           author: session.analyst, created: time)))
            } else if n % 20 == 11, claims.count >= 2 {
                session.put(.relation(Relation(id: AnnotationID(kind: .relation, number: n), from: claims[random.next(claims.count)],
                                                type: "supports", to: claims[random.next(claims.count)], author: session.analyst, created: time)))
            } else if n % 5 == 0 {
                session.put(.mention(Mention(id: AnnotationID(kind: .mention, number: n), anchor: anchor,
                                             source: sources[random.next(10)], author: session.analyst, created: time)))
            } else {
                var claim = Claim(id: AnnotationID(kind: .claim, number: n), anchor: anchor, claimant: sources[2 + random.next(8)],
                                  via: [sources[random.next(2)]], kind: n % 9 == 0 ? "prediction" : "factual",
                                  verdict: Self.verdicts[random.next(Self.verdicts.count)], author: session.analyst, created: time)
                if n % 4 == 1 { claim.tags = ["escalation"] }
                if n % 10 == 3 { claim.notes = [Note(id: AnnotationID("n\(n)"), text: "check the \(topic) figures", author: session.analyst, created: time)] }
                session.put(.claim(claim))
                claims.append(claim.id)
            }
        }
        return session
    }
}
