import Testing
@testable import ClaimDeskCore

/// The ordered views and the index must always equal what a full rebuild from the records gives,
/// through any sequence of changes and their undoing.
@Suite struct SessionIndexTests {
    static func expectConsistent(_ session: Session, _ comment: Comment? = nil) {
        var rebuilt = session
        rebuilt.resetIndex()
        #expect(rebuilt.index == session.index, comment)
        #expect(session.orderedClaims.map(\.id) == session.claims.keys.sorted(), comment)
        #expect(session.orderedSources.map(\.id) == session.sources.keys.sorted(), comment)
        #expect(session.orderedMentions.map(\.id) == session.mentions.keys.sorted(), comment)
        #expect(session.orderedStances.map(\.id) == session.stances.keys.sorted(), comment)
        #expect(session.orderedRelations.map(\.id) == session.relations.keys.sorted(), comment)
        #expect(session.orderedPropositions.map(\.id) == session.propositions.keys.sorted(), comment)
        #expect(session.orderedClaims == session.orderedClaims.map { session.claims[$0.id]! }, comment)
    }

    /// A random edit of an existing session: a record changed (tags, chain, holder, names),
    /// removed, or a new one added.
    static func randomEdit(_ session: Session, _ g: inout SessionGenerator) -> Change.Edit? {
        let sources = session.orderedSources.map(\.id)
        guard !sources.isEmpty else { return nil }
        switch g.int(0...6) {
        case 0:
            guard var claim = session.orderedClaims.randomElement(using: &g.random) else { return nil }
            let before = claim
            claim.tags = g.tags()
            claim.via = (0..<g.int(0...2)).map { _ in g.pick(sources) }
            claim.claimant = g.bool() ? g.pick(sources) : nil
            return Change.Edit(before: .claim(before), after: .claim(claim))
        case 1:
            guard let claim = session.orderedClaims.randomElement(using: &g.random) else { return nil }
            return Change.Edit(before: .claim(claim), after: nil)
        case 2:
            guard var source = session.orderedSources.randomElement(using: &g.random) else { return nil }
            let before = source
            source.name = g.sentence()
            source.aliases = g.bool() ? [g.pick(SessionGenerator.words)] : []
            source.tags = g.tags()
            return Change.Edit(before: .source(before), after: .source(source))
        case 3:
            guard var stance = session.orderedStances.randomElement(using: &g.random) else { return nil }
            let before = stance
            stance.holder = g.pick(sources)
            stance.tags = g.tags()
            return Change.Edit(before: .stance(before), after: .stance(stance))
        case 4:
            guard let relation = session.orderedRelations.randomElement(using: &g.random) else { return nil }
            return Change.Edit(before: .relation(relation), after: nil)
        case 5:
            guard let mention = session.orderedMentions.randomElement(using: &g.random) else { return nil }
            var moved = mention
            moved.source = g.pick(sources)
            return Change.Edit(before: .mention(mention), after: .mention(moved))
        default:
            guard let article = session.orderedArticles.first else { return nil }
            var claim = Claim(id: session.nextID(.claim), anchor: g.anchor(article), claimant: g.pick(sources),
                              kind: "factual", verdict: "unverified", author: "ana", created: g.time())
            claim.tags = g.tags()
            return Change.Edit(before: nil, after: .claim(claim))
        }
    }

    @Test func changesAndTheirUndoingKeepTheIndexEqualToARebuild() {
        var g = SessionGenerator(seed: 1506)
        for round in 0..<40 {
            let original = g.session()
            Self.expectConsistent(original, "generated session \(round)")
            var session = original
            var changes: [Change] = []
            for step in 0..<12 {
                guard let edit = Self.randomEdit(session, &g) else { continue }
                let change = Change(summary: "edit", author: "ana", time: g.time(), edits: [edit])
                session.apply(change)
                changes.append(change)
                Self.expectConsistent(session, "round \(round) step \(step)")
            }
            // Undo everything, newest first: removed records go back into the middle of the order.
            for change in changes.reversed() {
                session.apply(change.inverted(summary: "undo", author: "ana", time: change.time))
            }
            Self.expectConsistent(session, "round \(round) undone")
            #expect(session.claims == original.claims && session.index == original.index && session.sources == original.sources)
            #expect(session.orderedClaims == original.orderedClaims && session.orderedStances == original.orderedStances)
        }
    }

    @Test func decodedSessionHasTheSameIndexAsTheOneSaved() throws {
        var g = SessionGenerator(seed: 77)
        for _ in 0..<20 {
            let session = g.session()
            let decoded = try SessionDocument.decode(SessionDocument.encode(session))
            #expect(decoded.index == session.index)
            #expect(decoded.orderedClaims == session.orderedClaims)
        }
    }

    @Test func recordsReadOutOfOrderAreSortedOnce() {
        var g = SessionGenerator(seed: 19)
        var session = g.session()
        while session.claims.count < 3 { session = g.session() }
        let claims = session.orderedClaims
        let shuffled = RecordTable<Claim>(inReadingOrder: claims.reversed())
        #expect(shuffled.ordered == claims)
        #expect(shuffled.byID == session.claims)
        let inOrder = RecordTable<Claim>(inReadingOrder: claims)
        #expect(inOrder.ordered == claims)
        var table = inOrder
        table.remove(claims[1].id)
        table.put(claims[1])
        #expect(table.ordered == claims)
    }

    @Test func assigningAWholeDictionaryRebuildsOrderAndIndex() {
        var g = SessionGenerator(seed: 5)
        var session = g.session()
        let claims = session.claims
        session.claims = [:]
        #expect(session.orderedClaims.isEmpty)
        #expect(session.index.claimsBySource.isEmpty)
        session.claims = claims
        Self.expectConsistent(session)
    }

    @Test func questionsAnsweredFromTheIndex() {
        let time = Timestamp(secondsSince1970: 1_800_000_000)
        var session = Session(analyst: "ana", created: time)
        let article = Article(id: "a1", title: "t", origin: nil, text: "One two three. Four five six.", loaded: time)
        session.put(.article(article))
        session.put(.source(Source(id: "src1", name: "Mike Pompeo", kind: "official", aliases: ["Secretary"], author: "ana", created: time)))
        session.put(.source(Source(id: "src2", name: "The Daily Courier", kind: "outlet", author: "ana", created: time)))
        let anchor = Anchor(article: "a1", range: 0..<3, in: article.content)
        var c1 = Claim(id: "c1", anchor: anchor, claimant: "src1", via: ["src2"], kind: "factual", verdict: "unverified", author: "ana", created: time)
        c1.tags = ["Disputed"]
        session.put(.claim(c1))
        session.put(.claim(Claim(id: "c2", anchor: anchor, claimant: "src2", kind: "factual", verdict: "unverified", author: "ana", created: time)))
        session.put(.mention(Mention(id: "m1", anchor: anchor, source: "src1", author: "ana", created: time)))
        session.put(.proposition(Proposition(id: "pr1", text: "p", author: "ana", created: time)))
        session.put(.stance(Stance(id: "st1", holder: "src2", label: "favor", target: "c1", author: "ana", created: time)))
        session.put(.relation(Relation(id: "r1", from: "c2", type: "supports", to: "c1", author: "ana", created: time)))

        #expect(session.uses(ofSource: "src1") == ["c1", "m1"])
        #expect(session.uses(ofSource: "src2") == ["c1", "c2", "st1"])
        #expect(session.useCounts(ofSource: "src1") == (1, 1, 0))
        #expect(session.useCounts(ofSource: "src2") == (2, 0, 1))
        #expect(session.dependents(of: "c1") == ["r1", "st1"])
        #expect(session.stances(targeting: "c1").map(\.id) == ["st1"])
        #expect(session.relations(touching: "c2").map(\.id) == ["r1"])
        #expect(session.annotations(taggedWith: "disputed") == ["c1"])
        #expect(session.annotations(taggedWith: "DISPUTED") == ["c1"])
        #expect(session.annotations(taggedWith: "other").isEmpty)

        #expect(session.lookupSource("mike pompeo") == .found(session.sources["src1"]!))
        #expect(session.lookupSource("secretary") == .found(session.sources["src1"]!))
        #expect(session.lookupSource("Mike") == .found(session.sources["src1"]!))
        #expect(session.lookupSource("Pompeo") == .found(session.sources["src1"]!))
        #expect(session.lookupSource("Courier") == .found(session.sources["src2"]!))
        #expect(session.lookupSource("Pompoe") == .nearMiss(session.sources["src1"]!, name: "Mike Pompeo"))
        #expect(session.lookupSource("Zanzibar") == .none)

        // Renaming takes the old name out of the index; removing a claim takes its links out.
        var renamed = session.sources["src1"]!
        renamed.name = "Michael R. Pompeo"
        session.put(.source(renamed))
        #expect(session.lookupSource("Mike") == .none)
        #expect(session.lookupSource("Michael") == .found(renamed))
        session.remove(.id("c1"))
        #expect(session.uses(ofSource: "src1") == ["m1"])
        #expect(session.annotations(taggedWith: "disputed").isEmpty)
        Self.expectConsistent(session)
    }

    @Test func sameNamePrefixIsAmbiguousInIdOrder() {
        let time = Timestamp(secondsSince1970: 1_800_000_000)
        var session = Session(analyst: "ana", created: time)
        for (i, name) in ["Reuters Berlin", "Reuters", "Reuters Paris"].enumerated().reversed() {
            session.put(.source(Source(id: AnnotationID(kind: .source, number: i + 1), name: name, kind: "outlet", author: "ana", created: time)))
        }
        #expect(session.lookupSource("reuters") == .found(session.sources["src2"]!))
        #expect(session.lookupSource("reuters ") == .found(session.sources["src2"]!))
        #expect(session.lookupSource("reut") == .ambiguous([session.sources["src1"]!, session.sources["src2"]!, session.sources["src3"]!]))
        #expect(session.lookupSource("Paris") == .found(session.sources["src3"]!))
    }
}
