@testable import ClaimDeskCore
import Foundation
import Testing

/// Opening checks content, not only syntax: each fault is refused with its field path, and the
/// unambiguous ones are repaired with a line that says what.
@Suite struct SessionIntegrityTests {
    static let time = Timestamp(secondsSince1970: 1_790_000_000)

    /// A small consistent session: one article, two sources, two claims, a mention, a proposition,
    /// a stance and a relation, with a note.
    static func base() -> Session {
        var session = Session(analyst: "ana", created: time)
        let article = Article(id: "a1", title: "T", origin: nil, text: "Officials said talks stalled. The Courier disagreed.", loaded: time)
        session.put(.article(article))
        session.put(.source(Source(id: "src1", name: "Officials", kind: "official", author: "ana", created: time)))
        session.put(.source(Source(id: "src2", name: "The Courier", kind: "outlet", author: "ana", created: time)))
        var c1 = Claim(id: "c1", anchor: Anchor(article: "a1", range: 0..<29, in: article.content), claimant: "src1", via: ["src2"],
                       kind: "factual", checkWorthy: nil, verdict: "unverified", author: "ana", created: time)
        c1.notes = [Note(id: "n1", text: "check", author: "ana", created: time)]
        session.put(.claim(c1))
        session.put(.claim(Claim(id: "c2", anchor: Anchor(article: "a1", range: 30..<52, in: article.content), claimant: "src2", via: [],
                                 kind: "opinion", checkWorthy: nil, verdict: "unverified", author: "ana", created: time)))
        session.put(.mention(Mention(id: "m1", anchor: Anchor(article: "a1", range: 0..<9, in: article.content), source: "src1",
                                     author: "ana", created: time)))
        session.put(.proposition(Proposition(id: "pr1", text: "Talks should go on", author: "ana", created: time)))
        session.put(.stance(Stance(id: "st1", holder: "src1", label: "favor", target: "pr1",
                                   evidence: [Anchor(article: "a1", range: 0..<9, in: article.content)], author: "ana", created: time)))
        session.put(.relation(Relation(id: "r1", from: "c2", type: "contradicts", to: "c1", author: "ana", created: time)))
        return session
    }

    /// The base session's document, changed by `edit` on its JSON object.
    static func document(_ edit: (inout [String: Any]) -> Void) throws -> Data {
        var object = try #require(try JSONSerialization.jsonObject(with: SessionDocument.encode(base())) as? [String: Any])
        edit(&object)
        return try JSONSerialization.data(withJSONObject: object)
    }

    static func decode(_ data: Data) -> (Session?, [String], String?) {
        var repairs: [String] = []
        do {
            let session = try SessionDocument.decode(data, repairs: &repairs)
            return (session, repairs, nil)
        } catch {
            return (nil, repairs, error.message)
        }
    }

    /// Sets `value` at a path of keys and array indices inside a JSON object.
    static func set(_ object: inout [String: Any], _ path: [Any], _ value: Any?) {
        func update(_ node: Any, _ rest: ArraySlice<Any>) -> Any? {
            guard let head = rest.first else { return value }
            if let key = head as? String, var dict = node as? [String: Any] {
                dict[key] = update(dict[key] as Any, rest.dropFirst())
                return dict
            }
            if let index = head as? Int, var array = node as? [Any] {
                if let new = update(array[index], rest.dropFirst()) { array[index] = new } else { array.remove(at: index) }
                return array
            }
            return node
        }
        object = update(object, path[...]) as? [String: Any] ?? object
    }

    @Test func theBaseSessionOpensWithoutRepairs() throws {
        let (session, repairs, error) = Self.decode(SessionDocument.encode(Self.base()))
        #expect(error == nil)
        #expect(repairs.isEmpty)
        #expect(session == Self.base())
    }

    @Test(arguments: [
        ("claims.0.claimant", "\"src9\"", "at claims[0].claimant: no source src9 in the session"),
        ("claims.0.via.0", "\"c2\"", "at claims[0].via[0]: no source c2 in the session"),
        ("mentions.0.source", "\"src7\"", "at mentions[0].source: no source src7 in the session"),
        ("stances.0.holder", "\"src3\"", "at stances[0].holder: no source src3 in the session"),
        ("stances.0.target", "\"m1\"", "at stances[0].target: no proposition or claim m1 in the session"),
        ("relations.0.to", "\"c5\"", "at relations[0].to: no claim or mention or proposition or stance c5 in the session"),
        ("claims.1.anchor.article", "\"a4\"", "at claims[1].anchor.article: no article a4 in the session"),
        ("claims.1.id", "\"x2\"", "at claims[1].id: \"x2\" is not a well-formed claim id (c1, c2, …)"),
        ("sources.0.id", "\"c9\"", "at sources[0].id: \"c9\" is not a well-formed source id (src1, src2, …)"),
        ("claims.0.notes.0.id", "\"nx\"", "at claims[0].notes[0].id: \"nx\" is not a well-formed note id (n1, n2, …)"),
        ("claims.0.kind", "\"rumour\"", "at claims[0].kind: \"rumour\" is not a claim kind of the session's taxonomy (factual, opinion, prediction, other)"),
        ("claims.1.verdict", "\"truth\"", "at claims[1].verdict: \"truth\" is not a verdict of the session's taxonomy (unverified, true, mostly-true, mixed, misleading, mostly-false, false, unsupported)"),
        ("sources.1.kind", "\"blog\"", "at sources[1].kind: \"blog\" is not a source kind of the session's taxonomy (outlet, official, government, agency, organisation, expert, anonymous, document, other)"),
        ("stances.0.label", "\"pro\"", "at stances[0].label: \"pro\" is not a stance label of the session's taxonomy (favor, against, neutral, unclear)"),
        ("relations.0.type", "\"cites\"", "at relations[0].type: \"cites\" is not a relation type of the session's taxonomy (supports, contradicts, elaborates, same-as)"),
        ("claims.0.anchor.exact", "\"Officials said talks stopped\"", "at claims[0].anchor.exact: it does not match a1's text at 0-29, which reads \"Officials said talks stalled.\""),
        ("mentions.0.anchor.end", "99", "at mentions[0].anchor.end: 0-99 is outside a1's text (52 code points)"),
        ("stances.0.evidence.0.start", "1", "at stances[0].evidence[0].exact: it does not match a1's text at 1-9, which reads \"fficials\""),
        ("taxonomy.verdicts", "[\"true\", \"True\"]", "at taxonomy: \"verdicts\" lists \"True\" twice"),
    ])
    func refusesAFaultWithItsFieldPath(path: String, json: String, message: String) throws {
        let steps: [Any] = path.split(separator: ".").map { Int($0).map { $0 as Any } ?? String($0) }
        let value = try JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed)
        let data = try Self.document { Self.set(&$0, steps, value) }
        let (session, _, error) = Self.decode(data)
        #expect(session == nil)
        #expect(error == message)
    }

    /// The base document with a second stance, st2, of st1's holder on st1's target, listed after
    /// st1 or (out of id order) before it.
    static func documentWithASecondStance(listedFirst: Bool) throws -> Data {
        try document { object in
            var stances = object["stances"] as? [[String: Any]] ?? []
            var second = stances[0]
            second["id"] = "st2"
            second["label"] = "against"
            stances.insert(second, at: listedFirst ? 0 : stances.count)
            object["stances"] = stances
        }
    }

    @Test func refusesASecondStanceOfTheSameHolderOnTheSameTarget() throws {
        let data = try Self.documentWithASecondStance(listedFirst: false)
        #expect(Self.decode(data).2 == "at stances[1]: st2 is a second stance of src1 on pr1 after st1; keep one")
    }

    /// Records listed out of id order (a hand edit) are checked in the document's order, and a
    /// fault names the place the document gives the record, not its place in id order.
    @Test func aFaultInRecordsOutOfOrderNamesTheirPlaceInTheDocument() throws {
        let data = try Self.document { object in
            var claims = object["claims"] as? [[String: Any]] ?? []
            claims.reverse()
            claims[1]["claimant"] = "src9"
            claims[0]["verdict"] = "truth"
            object["claims"] = claims
        }
        // c2, now first, is checked first: its label fault is the one reported.
        #expect(Self.decode(data).2 == "at claims[0].verdict: \"truth\" is not a verdict of the session's taxonomy (unverified, true, mostly-true, mixed, misleading, mostly-false, false, unsupported)")
        let onlyTheClaimant = try Self.document { object in
            var claims = object["claims"] as? [[String: Any]] ?? []
            claims.reverse()
            claims[1]["claimant"] = "src9"
            object["claims"] = claims
        }
        #expect(Self.decode(onlyTheClaimant).2 == "at claims[1].claimant: no source src9 in the session")
    }

    /// A second stance on the same pair, with the stances listed out of id order: the one the
    /// document lists second is the one refused, named by its place there.
    @Test func aSecondStanceOutOfOrderIsNamedByItsPlaceInTheDocument() throws {
        let data = try Self.documentWithASecondStance(listedFirst: true)
        #expect(Self.decode(data).2 == "at stances[1]: st1 is a second stance of src1 on pr1 after st2; keep one")
    }

    @Test func refusesANoteIdUsedTwice() throws {
        let data = try Self.document { object in
            Self.set(&object, ["claims", 1, "notes"], [["id": "n1", "text": "x", "author": "ana", "created": "2026-09-21T14:13:20Z"]])
        }
        #expect(Self.decode(data).2 == "at claims[1].notes[0].id: the note id n1 is already used at claims[0].notes[0].id")
    }

    @Test func raisesCountersBelowTheHighestIdInUseAndSaysSo() throws {
        let data = try Self.document { Self.set(&$0, ["counters"], ["c": 1, "src": 2]) }
        let (session, repairs, error) = Self.decode(data)
        #expect(error == nil)
        #expect(repairs == ["counters.a was 0, below the id a1 in use; raised to 1",
                            "counters.c was 1, below the id c2 in use; raised to 2",
                            "counters.m was 0, below the id m1 in use; raised to 1",
                            "counters.n was 0, below the id n1 in use; raised to 1",
                            "counters.pr was 0, below the id pr1 in use; raised to 1",
                            "counters.r was 0, below the id r1 in use; raised to 1",
                            "counters.st was 0, below the id st1 in use; raised to 1"])
        #expect(session?.nextID(.claim) == "c3")
    }

    @Test func refusesACounterTooLargeToCountOn() throws {
        let data = try Self.document { Self.set(&$0, ["counters", "src"], 9_223_372_036_854_775_807) }
        let error = try #require(Self.decode(data).2)
        #expect(error.hasPrefix("at counters.src (line 1, column"))
        #expect(error.hasSuffix("a counter must be between 0 and 999999999999999, not 9223372036854775807"))
    }

    @Test func fillsAnEmptyLabelSetWithTheDefaults() throws {
        let data = try Self.document { object in
            Self.set(&object, ["taxonomy", "sourceKinds"], [String]())
            Self.set(&object, ["taxonomy", "stanceLabels"], [String]())
        }
        let (session, repairs, error) = Self.decode(data)
        #expect(error == nil)
        #expect(repairs == ["taxonomy.sourceKinds was empty; it now holds the default source kinds",
                            "taxonomy.stanceLabels was empty; it now holds the default stance labels"])
        #expect(session?.taxonomy == .standard)
    }

    @Test func anArticleEditedByHandIsLeftToReanchoringNotRefused() throws {
        let data = try Self.document { object in
            Self.set(&object, ["articles", 0, "text"], "Officials said on Monday that talks stalled. The Courier disagreed.")
        }
        let (session, _, error) = Self.decode(data)
        #expect(error == nil)
        #expect(session?.articles["a1"]?.hashMatchesText == false)
    }

    @Test func orphanedAnchorsKeepTheirOldQuote() throws {
        let data = try Self.document { object in
            Self.set(&object, ["claims", 0, "anchor", "exact"], "a sentence that was deleted")
            Self.set(&object, ["claims", 0, "anchor", "orphaned"], true)
        }
        #expect(Self.decode(data).2 == nil)
    }

    /// `taxonomy load` accepts labels in use in another case; opening must agree, or a session
    /// that loaded such a taxonomy could not be opened again.
    @Test func labelsMatchTheTaxonomyInAnyCaseAsTaxonomyLoadAllows() throws {
        let data = try Self.document { object in
            Self.set(&object, ["taxonomy", "verdicts"], ["Unverified", "True", "False"])
        }
        #expect(Self.decode(data).2 == nil)
    }

    /// The anchor check compares the text's code points with the quote's UTF-8 bytes: it must
    /// agree with comparing code points, for every length of UTF-8 and every place of a difference.
    @Test func aQuoteIsComparedWithTheTextAsCodePointsAre() {
        let string = "Iran’s “café” — naïve 😀 عربي 漢字 e\u{301} plain, and on past the first mark: ½ × ∞ — done."
        let text = Array(string.unicodeScalars)
        let article = ArticleText(string)
        for start in 0..<text.count {
            for end in start...min(text.count, start + 8) {
                let right = String(String.UnicodeScalarView(text[start..<end]))
                #expect(SessionIntegrity.reads(article, start..<end, Substring(right)))
                for wrong in [right + "x", String(right.dropLast()), "é" + right, String(right.unicodeScalars.dropFirst()) + "😀",
                              String(String.UnicodeScalarView(right.unicodeScalars.map { $0 == "a" ? "à" : $0 == "’" ? "'" : $0 }))]
                where !Array(wrong.unicodeScalars).elementsEqual(text[start..<end]) {
                    #expect(!SessionIntegrity.reads(article, start..<end, Substring(wrong)), "\(start)-\(end): \(wrong)")
                }
            }
        }
    }
}
