@testable import ClaimDeskCore
import Foundation

/// A small session that uses every part of the model an export has to express: a source chain,
/// spans across a line break and across paragraphs, overlapping spans, non-ASCII text, markup in
/// the article and in notes, stances on a proposition and on a claim, relations, tags, notes
/// and an orphaned claim.
enum ExportSample {
    static let text = """
        Port talks stall <script>document.title='PWNED'</script>

        PORT AVERY (Meridian Wire) — Senior U.S. officials said on Tuesday that talks had stalled. The Daily Courier reported, quoting two officials, that Secretary Helen R. Marsh wanted “a firm answer,
        now.”

        Gen. Thomas E. Reyes disagreed: “We will not escalate,” he said. Fees rose 40%, “a record” — naïve café 😀 owners said.
        """

    static let created = Timestamp(secondsSince1970: 1_790_000_000)

    /// The code-point range of the `occurrence`-th (from 1) appearance of `quote` in the text.
    static func range(_ quote: String, _ occurrence: Int = 1, in text: String = text) -> Range<Int> {
        let scalars = Array(text.unicodeScalars), pattern = Array(quote.unicodeScalars)
        var seen = 0
        for start in 0...(scalars.count - pattern.count) where Array(scalars[start..<start + pattern.count]) == pattern {
            seen += 1
            if seen == occurrence { return start..<start + pattern.count }
        }
        fatalError("no \(quote) in the sample")
    }

    static func session(name: String? = "sample", baseURL: String? = nil) -> Session {
        var session = Session(name: name, analyst: "ana", created: created)
        session.settings = SessionSettings(organization: "Harbor Fact Desk", organizationURL: "https://factdesk.example", baseURL: baseURL)
        let article = Article(id: "a1", title: "Port talks stall <script>", origin: "talks.txt", text: text, loaded: created)
        session.put(.article(article))
        func anchor(_ quote: String, _ occurrence: Int = 1) -> Anchor {
            Anchor(article: "a1", range: range(quote, occurrence), in: article.content)
        }
        func source(_ id: AnnotationID, _ name: String, _ kind: String, role: String? = nil) {
            session.put(.source(Source(id: id, name: name, kind: kind, role: role, author: "ana", created: created)))
        }
        source("src1", "The Daily Courier", "outlet")
        source("src2", "Senior U.S. officials", "anonymous")
        source("src3", "Helen R. Marsh", "official", role: "Secretary")
        source("src4", "Gen. Thomas E. Reyes", "official")
        source("src5", "Meridian Wire", "agency")

        var c1 = Claim(id: "c1", anchor: anchor("The Daily Courier reported, quoting two officials, that Secretary Helen R. Marsh wanted “a firm answer,\nnow.”"),
                       claimant: "src2", via: ["src1", "src5"], kind: "factual", verdict: "unverified", author: "ana", created: created)
        c1.addTags(["escalation", "disputed"])
        c1.notes = [Note(id: "n1", text: "Check the \"Courier\" copy, line 2,\nplease </script><b>x</b>", author: "bo", created: created + 60)]
        var c2 = Claim(id: "c2", anchor: anchor("We will not escalate"), claimant: "src4", kind: "prediction", checkWorthy: true,
                       verdict: "false", author: "bo", created: created + 10)
        c2.modified = created + 86_400 * 3
        let c3 = Claim(id: "c3", anchor: anchor("talks had stalled. The Daily Courier reported"), claimant: nil, kind: "opinion",
                       checkWorthy: false, verdict: "misleading", author: "ana", created: created)
        let c4 = Claim(id: "c4", anchor: anchor("Gen. Thomas E. Reyes disagreed: “We will not escalate,” he said. Fees"),
                       claimant: "src4", kind: "factual", verdict: "mostly-true", author: "ana", created: created)
        var c5 = Claim(id: "c5", anchor: anchor("Fees rose 40%"), claimant: "src1", kind: "factual", verdict: "true", author: "ana", created: created)
        c5.anchor.orphaned = true
        c5.anchor.exact = "Fees rose 41%"
        for claim in [c1, c2, c3, c4, c5] { session.put(.claim(claim)) }

        session.put(.mention(Mention(id: "m1", anchor: anchor("Helen R. Marsh"), source: "src3", author: "ana", created: created)))
        var m2 = Mention(id: "m2", anchor: anchor("Gen. Thomas E. Reyes"), source: "src4", author: "ana", created: created)
        m2.addTags(["military"])
        session.put(.mention(m2))
        session.put(.mention(Mention(id: "m3", anchor: anchor("The Daily Courier"), source: "src1", author: "ana", created: created)))

        var pr1 = Proposition(id: "pr1", text: "The U.S. should answer the seizure with force", author: "ana", created: created)
        pr1.addTags(["policy"])
        session.put(.proposition(pr1))
        var st1 = Stance(id: "st1", holder: "src3", label: "favor", target: "pr1", evidence: [anchor("a firm answer,\nnow")],
                         author: "ana", created: created)
        st1.notes = [Note(id: "n2", text: "only via the Courier", author: "ana", created: created)]
        session.put(.stance(st1))
        session.put(.stance(Stance(id: "st2", holder: "src4", label: "against", target: "c1",
                                   evidence: [anchor("We will not escalate"), anchor("Reyes disagreed")], author: "bo", created: created)))
        session.put(.stance(Stance(id: "st3", holder: "src1", label: "neutral", target: "pr1", author: "ana", created: created)))
        var r1 = Relation(id: "r1", from: "c2", type: "contradicts", to: "c1", author: "ana", created: created)
        r1.notes = [Note(id: "n3", text: "flat denial", author: "ana", created: created)]
        session.put(.relation(r1))
        session.put(.relation(Relation(id: "r2", from: "c3", type: "supports", to: "pr1", author: "ana", created: created)))
        session.modified = created + 86_400 * 5
        return session
    }

    /// The same session with a second article.
    static func twoArticles() -> Session {
        var session = session()
        let second = Article(id: "a2", title: "Second: «Strait» / ../../etc", origin: nil, text: "Tidewatch said premiums rose.\n\nInsurers agreed.", loaded: created)
        session.put(.article(second))
        session.put(.claim(Claim(id: "c9", anchor: Anchor(article: "a2", range: range("premiums rose.\n\nInsurers", in: second.text), in: second.content),
                                 claimant: "src5", kind: "factual", verdict: "unverified", author: "ana", created: created)))
        return session
    }
}

extension Timestamp {
    static func + (time: Timestamp, seconds: Int64) -> Timestamp { Timestamp(secondsSince1970: time.secondsSince1970 + seconds) }
}

/// Parses JSON export bytes for inspection.
func jsonObject(_ data: Data?) throws -> JSONValue {
    try JSONValue.parse(Array(data ?? Data()))
}
