import ClaimDeskCore
@testable import ClaimDeskCorpus
import Foundation

/// Two small sessions of a desk, written in code, and a fresh index file for each test.
enum DeskFixture {
    static let time = Timestamp(secondsSince1970: 1_790_000_000)

    /// A span of the article by its exact words (code points, end exclusive).
    static func anchor(_ quote: String, in article: Article) -> Anchor {
        let scalars = Array(article.text.unicodeScalars)
        let needle = Array(quote.unicodeScalars)
        let start = (0...(scalars.count - needle.count)).first { Array(scalars[$0..<($0 + needle.count)]) == needle } ?? 0
        return Anchor(article: article.id, range: start..<(start + needle.count), in: article.content)
    }

    /// "tanker", published 2026-03-02: a misleading claim by American officials via Reuters, tagged,
    /// noted and accepted; a prediction by Gen. Reyes; Reyes against "The US should escalate".
    static var tanker: Session {
        var session = Session(name: "tanker", analyst: "alice", created: time)
        let text = "Tanker seized in the strait\n\nThe tanker was seized at dawn, Reuters reported, citing American officials. "
            + "Gen. Reyes said the Navy would not escalate. Insurance costs rose sharply."
        let article = Article(id: "a1", title: "Tanker seized in the strait", origin: "tanker.txt", text: text, loaded: time,
                              metadata: ArticleMetadata(url: "https://news.example/tanker", publisher: "src1", published: "2026-03-02T08:00:00Z"))
        session.put(.article(article))
        session.put(.source(Source(id: "src1", name: "Reuters", kind: "outlet", aliases: ["Reuters news agency"], author: "alice", created: time)))
        session.put(.source(Source(id: "src2", name: "American officials", kind: "anonymous", author: "alice", created: time)))
        session.put(.source(Source(id: "src3", name: "Gen. Reyes", kind: "official", aliases: ["Reyes"], role: "chairman", author: "alice", created: time)))
        var c1 = Claim(id: "c1", anchor: anchor("The tanker was seized at dawn", in: article), claimant: "src2", via: ["src1"],
                       kind: "factual", verdict: "misleading", author: "alice", created: time)
        c1.cue = anchor("citing", in: article)
        c1.tags = ["escalation"]
        c1.notes = [Note(id: "n1", text: "check with the port logs", author: "alice", created: time)]
        c1.metadata.review = Review(status: .accepted, decisions: [ReviewDecision(status: .accepted, reviewer: "editor", time: time, comment: "sourced")])
        session.put(.claim(c1))
        session.put(.claim(Claim(id: "c2", anchor: anchor("Gen. Reyes said the Navy would not escalate", in: article), claimant: "src3",
                                 kind: "prediction", verdict: "unverified", author: "alice", created: time)))
        session.put(.proposition(Proposition(id: "p1", text: "The US should escalate", author: "alice", created: time)))
        session.put(.stance(Stance(id: "st1", holder: "src3", label: "against", target: "p1",
                                   evidence: [anchor("the Navy would not escalate", in: article)], author: "alice", created: time)))
        return session
    }

    /// "ports", published 2026-04-10 by bob: a true claim by the port authority via Reuters.
    static var ports: Session {
        var session = Session(name: "ports", analyst: "bob", created: time)
        let text = "Port fees rise\n\nPort fees rose 40% this spring, the port authority told Reuters."
        let article = Article(id: "a1", title: "Port fees rise", origin: nil, text: text, loaded: time,
                              metadata: ArticleMetadata(published: "2026-04-10"))
        session.put(.article(article))
        session.put(.source(Source(id: "src1", name: "Reuters", kind: "outlet", author: "bob", created: time)))
        session.put(.source(Source(id: "src2", name: "Port authority", kind: "organisation", author: "bob", created: time)))
        session.put(.claim(Claim(id: "c1", anchor: anchor("Port fees rose 40% this spring", in: article), claimant: "src2", via: ["src1"],
                                 kind: "factual", verdict: "true", author: "bob", created: time)))
        return session
    }

    /// An index of sessions (name, published day) each of `claims` claims whose quote holds
    /// "convoy", numbered `c1`, `c2`, … in each.
    static func crowd(sessions: [(name: String, day: String)], claims: Int) throws -> CorpusIndex {
        let index = try emptyIndex()
        for (name, day) in sessions {
            var session = Session(name: name, analyst: "alice", created: time)
            let article = Article(id: "a1", title: "Aid convoy", origin: nil, text: "Aid convoy\n\nThe aid convoy reached the border at noon.",
                                  loaded: time, metadata: ArticleMetadata(published: day))
            session.put(.article(article))
            for number in 1...claims {
                session.put(.claim(Claim(id: AnnotationID(kind: .claim, number: number), anchor: anchor("The aid convoy reached the border", in: article),
                                         kind: "factual", verdict: "unverified", author: "alice", created: time)))
            }
            try index.put(session, path: "/crowd/\(name).json", name: name, signature: .init(size: 0), contentHash: "h")
        }
        return index
    }

    /// A new, empty index in a fresh temporary folder.
    static func emptyIndex() throws -> CorpusIndex {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("claimdesk-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try CorpusIndex(path: folder.appendingPathComponent("index.sqlite").path)
    }

    /// A new index in a fresh temporary folder holding both sessions.
    static func index() throws -> CorpusIndex {
        let index = try emptyIndex()
        try index.put(tanker, path: "/desk/tanker.json", name: "tanker", signature: .init(size: 1), contentHash: "h1")
        try index.put(ports, path: "/desk/ports.json", name: "ports", signature: .init(size: 2), contentHash: "h2")
        return index
    }
}

extension CorpusTable {
    /// One column's cells as text.
    func column(_ name: String) -> [String] {
        guard let i = columns.firstIndex(of: name) else { return [] }
        return rows.map { $0[i].display }
    }
}
