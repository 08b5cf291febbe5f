@testable import ClaimDeskCore

/// Builds random but valid sessions for round-trip tests: articles with non-ASCII text,
/// sources, claims, mentions, propositions, stances, relations, tags and notes.
struct SessionGenerator {
    var random: SeededGenerator

    init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    static let words = ["Officials", "said", "the", "U.S.", "Iran’s", "“quote”", "café", "talks", "عربي", "strait",
                        "Gen.", "Mr.", "tanker", "3.5%", "$12", "😀", "naïve", "report", "claimed", "on", "Jan.", "3"]

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...items.count - 1)] }
    mutating func bool() -> Bool { int(0...1) == 1 }

    mutating func sentence() -> String {
        (0..<int(3...12)).map { _ in pick(Self.words) }.joined(separator: " ") + pick([".", "?", "!", "…"])
    }

    mutating func text() -> String {
        (0..<int(1...5)).map { _ in (0..<int(1...4)).map { _ in sentence() }.joined(separator: " ") }.joined(separator: "\n\n")
    }

    mutating func time() -> Timestamp { Timestamp(secondsSince1970: Int64(int(1_500_000_000...1_900_000_000))) }

    mutating func tags() -> [String] { Array(Set((0..<int(0...3)).map { _ in pick(["fees", "disputed", "follow-up", "é"]) })).sorted() }

    mutating func notes(_ session: inout Session) -> [Note] {
        (0..<int(0...2)).map { _ in
            let id = session.nextID(.note)
            session.counters["n"] = id.number
            return Note(id: id, text: pick(["check this", "“verify”", "ask the desk"]), author: "ana", created: time())
        }
    }

    mutating func anchor(_ article: Article) -> Anchor {
        let count = article.content.count
        let start = int(0...max(0, count - 2))
        let end = int(start + 1...min(count, start + 60))
        return Anchor(article: article.id, range: start..<end, in: article.content)
    }

    /// Decisions and text changes, as a review pass and re-anchoring leave them.
    mutating func review() -> Review {
        var review = Review()
        for _ in 0..<int(0...3) {
            review.decide(ReviewDecision(status: pick(ReviewStatus.allCases), reviewer: pick(["ed", "claimdesk", "Zoë"]), time: time(),
                                         comment: bool() ? pick(["checked", "“not a claim”", "text changed (rebase)"]) : nil))
        }
        if bool() { review.textChanges.append(TextChange(old: sentence(), new: sentence(), how: pick(["fuzzy", "moved", "reattached"]), time: time())) }
        return review
    }

    mutating func session() -> Session {
        var session = Session(name: bool() ? "s\(int(1...99))" : nil, analyst: pick(["ana", "bob", "Zoë"]), created: time())
        if bool() { session.settings = SessionSettings(organization: "Desk", organizationURL: "https://desk.example", baseURL: nil) }
        for _ in 0..<int(1...3) {
            var article = Article(id: session.nextID(.article), title: sentence(), origin: bool() ? "story.txt" : nil, text: text(), loaded: time())
            // Metadata from the title's length, so the random sequence (and every other seeded test) stays as it was.
            if article.title.count % 2 == 0 {
                article.metadata = ArticleMetadata(url: "https://news.example/\(article.id)", byline: ["Jane Doe", "Zoë Roe"],
                                                   published: "2020-03-23", modified: "2020-03-23T11:40:00-04:00", language: "en-US",
                                                   fetchedSHA256: String(repeating: "ab", count: 32), fetchedURL: "https://news.example/final")
            }
            session.put(.article(article))
        }
        let articles = session.orderedArticles
        for _ in 0..<int(1...5) {
            var source = Source(id: session.nextID(.source), name: sentence(), kind: pick(Taxonomy.standard.sourceKinds),
                                aliases: bool() ? [pick(Self.words)] : [], role: bool() ? "spokesman" : nil, author: "ana", created: time())
            source.tags = tags()
            source.notes = notes(&session)
            session.put(.source(source))
        }
        let sources = session.orderedSources.map(\.id)
        for _ in 0..<int(0...8) {
            var claim = Claim(id: session.nextID(.claim), anchor: anchor(pick(articles)), claimant: bool() ? pick(sources) : nil,
                              via: (0..<int(0...3)).map { _ in pick(sources) }, kind: pick(Taxonomy.standard.claimKinds),
                              checkWorthy: pick([nil, true, false]), verdict: pick(Taxonomy.standard.verdicts), author: "ana", created: time())
            claim.tags = tags()
            claim.notes = notes(&session)
            claim.modified = time()
            if int(0...9) == 0 { claim.anchor.orphaned = true }
            if int(0...2) == 0 { claim.review = review() }
            if int(0...4) == 0 { claim.provenance = Provenance(session: "other “desk”", analyst: "Zoë", id: bool() ? "c\(int(1...9))" : nil) }
            session.put(.claim(claim))
        }
        for _ in 0..<int(0...4) {
            let mention = Mention(id: session.nextID(.mention), anchor: anchor(pick(articles)), source: pick(sources), author: "bob", created: time())
            session.put(.mention(mention))
        }
        for _ in 0..<int(0...2) {
            session.put(.proposition(Proposition(id: session.nextID(.proposition), text: sentence(), author: "ana", created: time())))
        }
        let targets = session.propositions.keys.sorted() + session.claims.keys.sorted()
        if !targets.isEmpty {
            var pairs = Set<String>()
            for _ in 0..<int(0...3) {
                let stance = Stance(id: session.nextID(.stance), holder: pick(sources), label: pick(Taxonomy.standard.stanceLabels),
                                    target: pick(targets), evidence: (0..<int(0...2)).map { _ in anchor(pick(articles)) },
                                    author: "ana", created: time())
                // One stance per holder and target, as opening a session requires.
                guard pairs.insert("\(stance.holder) \(stance.target)").inserted else { continue }
                session.put(.stance(stance))
            }
        }
        let linkable = session.claims.keys.sorted()
        if linkable.count >= 2 {
            let relation = Relation(id: session.nextID(.relation), from: linkable[0], type: pick(Taxonomy.standard.relationTypes),
                                    to: linkable[1], author: "ana", created: time())
            session.put(.relation(relation))
        }
        session.modified = time()
        return session
    }
}
