import ClaimDeskCore
@testable import ClaimDeskCorpus
import Testing

/// The tables of counts kept at refresh hold, after any sequence of adding, changing, removing
/// and skipping sessions, exactly what a `GROUP BY` over the rows gives.
@Suite struct CorpusTallyTests {
    /// Each tally's rows, and the same counts grouped from the rows by SQL written apart from the tally's own.
    static let grouped: [(table: String, tally: String, rows: String)] = [
        ("claim_tally", "SELECT published_day, via_names, verdict, claims FROM claim_tally",
         "SELECT published_day, via_names, verdict, count(*) FROM claims GROUP BY 1, 2, 3"),
        ("name_verdicts", "SELECT name_key, verdict, claims FROM name_verdicts",
         "SELECT claimant_key, verdict, count(*) FROM claims WHERE claimant_key IS NOT NULL GROUP BY 1, 2"),
        // Carriers from the chain's sources and their names, not by splitting `via_names`.
        ("name_carriers", "SELECT name_key, carrier, claims FROM name_carriers",
         """
         SELECT c.claimant_key, r.name, count(DISTINCT c.session || '/' || c.id) FROM claims c
         JOIN claim_chain k ON k.session = c.session AND k.claim = c.id AND k.position > 0
         JOIN sources r ON r.session = k.session AND r.id = k.source
         WHERE c.claimant_key IS NOT NULL GROUP BY 1, 2
         """),
        ("name_stances", "SELECT name_key, proposition, label, stances FROM name_stances",
         """
         SELECT r.name_key, t.target_text, t.label, count(*) FROM stances t JOIN sources r ON r.session = t.session AND r.id = t.holder
         WHERE t.target_kind = 'proposition' GROUP BY 1, 2, 3
         """),
        // The claimant's kind, status and author looked up apart from the tally's join.
        ("name_fact_verdicts", "SELECT name_key, verdict, kind, status, author, claims FROM name_fact_verdicts",
         """
         SELECT c.claimant_key, c.verdict, (SELECT kind FROM sources WHERE session = c.session AND id = c.claimant),
                (SELECT status FROM sources WHERE session = c.session AND id = c.claimant),
                (SELECT author FROM sources WHERE session = c.session AND id = c.claimant), count(*)
         FROM claims c WHERE c.claimant_key IS NOT NULL GROUP BY 1, 2, 3, 4, 5
         """),
        // Carriers from the chain's sources and their names, not by splitting `via_names`; the
        // claimant from the chain's position 0.
        ("name_fact_carriers", "SELECT name_key, carrier, kind, status, author, claims FROM name_fact_carriers",
         """
         SELECT o.name_key, r.name, o.kind, o.status, o.author, count(DISTINCT c.session || '/' || c.id) FROM claims c
         JOIN claim_chain k ON k.session = c.session AND k.claim = c.id AND k.position > 0
         JOIN sources r ON r.session = k.session AND r.id = k.source
         JOIN claim_chain k0 ON k0.session = c.session AND k0.claim = c.id AND k0.position = 0
         JOIN sources o ON o.session = k0.session AND o.id = k0.source
         GROUP BY 1, 2, 3, 4, 5
         """),
        ("name_fact_stances", "SELECT name_key, proposition, label, kind, status, author, stances FROM name_fact_stances",
         """
         SELECT r.name_key, t.target_text, t.label, r.kind, r.status, r.author, count(*) FROM stances t
         JOIN sources r ON r.session = t.session AND r.id = t.holder
         WHERE t.target_kind = 'proposition' GROUP BY 1, 2, 3, 4, 5, 6
         """),
    ]

    static func sorted(_ rows: [[CorpusValue]]) -> [String] {
        rows.map { "\($0)" }.sorted()
    }

    /// Every tally equals its `GROUP BY`, and `sources --across` answers the same from either.
    static func expectTalliesMatchTheRows(_ index: CorpusIndex, _ step: String) throws {
        for check in grouped {
            let tally = try sorted(index.sql(check.tally).rows)
            let rows = try sorted(index.sql(check.rows).rows)
            #expect(tally == rows, "\(check.table) after \(step)")
        }
        #expect(try index.sql("SELECT count(*) FROM claim_tally WHERE claims <= 0").rows == [[.integer(0)]], "after \(step)")
        for query in Self.acrossQuestions {
            let answer = try index.sourcesAcross(query)
            #expect(answer == (try index.sourcesAcross(query, fromTallies: false)), "sources --across \(query) after \(step)")
        }
    }

    /// `sources --across` with no filter and with each filter it takes, alone and together: by
    /// the source's facts (summed tallies), by picking sources (whole groups from the tallies, the
    /// rest from rows), and both.
    static var acrossQuestions: [CorpusQuery] {
        func sources(_ build: (inout CorpusQuery) -> Void) -> CorpusQuery {
            var query = CorpusQuery(subject: .sources)
            build(&query)
            return query
        }
        return [
            sources { _ in },
            sources { $0.sourceKind = "official" }, sources { $0.sourceKind = "expert" }, sources { $0.sourceKind = "outlet" },
            sources { $0.status = "accepted" }, sources { $0.status = "open" },
            sources { $0.author = "bob" }, sources { $0.author = "alice"; $0.sourceKind = "anonymous" },
            sources { $0.by = "reyes" }, sources { $0.by = "Reuters" }, sources { $0.by = "reuters news agency" },
            sources { $0.tag = "watch" }, sources { $0.text = "chairman" }, sources { $0.text = "Reuters" },
            sources { $0.session = "ports" }, sources { $0.session = "third" }, sources { $0.session = "tanker" },
            sources { $0.session = "third"; $0.sourceKind = "outlet" }, sources { $0.by = "Port authority"; $0.status = "accepted" },
            sources { $0.tag = "watch"; $0.limit = 1 },
        ]
    }

    /// "third": the port authority's claim via Reuters and the port authority (a two-name chain),
    /// a claim with no chain, and a stance on a proposition.
    static var third: Session {
        var session = DeskFixture.ports
        session.name = "third"
        session.put(.source(Source(id: "src3", name: "gen. réyes", kind: "expert", author: "bob", created: DeskFixture.time)))
        let article = session.orderedArticles[0]
        session.put(.claim(Claim(id: "c2", anchor: DeskFixture.anchor("this spring", in: article), claimant: "src3", via: ["src1", "src2"],
                                 kind: "factual", verdict: "misleading", author: "bob", created: DeskFixture.time)))
        session.put(.claim(Claim(id: "c3", anchor: DeskFixture.anchor("Port fees rose", in: article), claimant: "src3",
                                 kind: "factual", verdict: "unverified", author: "bob", created: DeskFixture.time)))
        session.put(.proposition(Proposition(id: "p1", text: "The US should escalate", author: "bob", created: DeskFixture.time)))
        session.put(.stance(Stance(id: "st1", holder: "src3", label: "for", target: "p1", evidence: [], author: "bob", created: DeskFixture.time)))
        // The port authority accepted here (open in "ports"), and Reuters tagged here only, so a
        // filter may pick one of the two Reuters sources kept by bob.
        var authority = session.sources["src2"]
        authority?.review = Review(status: .accepted, decisions: [ReviewDecision(status: .accepted, reviewer: "editor", time: DeskFixture.time)])
        var reuters = session.sources["src1"]
        reuters?.tags = ["watch"]
        for source in [authority, reuters].compactMap({ $0 }) { session.put(.source(source)) }
        return session
    }

    @Test func talliesEqualAGroupByAfterAddingChangingAndRemovingSessions() throws {
        let index = try DeskFixture.emptyIndex()
        try Self.expectTalliesMatchTheRows(index, "nothing")
        try index.put(DeskFixture.tanker, path: "/desk/tanker.json", name: "tanker", signature: .init(size: 1), contentHash: "h1")
        try Self.expectTalliesMatchTheRows(index, "adding tanker")
        // Several sessions in one batch, as a refresh writes them: the counts are written at its end.
        try index.batch { () throws(SQLiteError) in
            try index.put(DeskFixture.ports, path: "/desk/ports.json", name: "ports", signature: .init(size: 2), contentHash: "h2")
            try index.put(Self.third, path: "/desk/third.json", name: "third", signature: .init(size: 3), contentHash: "h3")
        }
        try Self.expectTalliesMatchTheRows(index, "adding ports and third")
        #expect(try index.sql("""
            SELECT published, via, verdict, claims FROM claim_counts WHERE published = '2026-04-10' ORDER BY via, verdict
            """).rows.map { $0.map(\.display) } == [["2026-04-10", "", "unverified", "1"], ["2026-04-10", "Reuters", "true", "2"],
                                                    ["2026-04-10", "Reuters; Port authority", "misleading", "1"]])

        // A verdict changed, a chain changed and a claim removed in one session.
        var tanker = DeskFixture.tanker
        var c1 = try #require(tanker.claims["c1"])
        c1.verdict = "false"
        c1.via = []
        tanker.put(.claim(c1))
        // A source's kind changed: its counts move from one kind to the other.
        var officials = try #require(tanker.sources["src2"])
        officials.kind = "official"
        tanker.put(.source(officials))
        tanker.remove(.id("c2"))
        try index.put(tanker, path: "/desk/tanker.json", name: "tanker", signature: .init(size: 4), contentHash: "h4")
        try Self.expectTalliesMatchTheRows(index, "changing tanker")
        #expect(try index.sql("SELECT claims FROM claim_counts WHERE published = '2026-03-02'").rows == [[.integer(1)]])

        try index.remove("/desk/ports.json")
        try Self.expectTalliesMatchTheRows(index, "removing ports")
        try index.skip("/desk/third.json", signature: .init(size: 5), contentHash: "", reason: "not valid JSON")
        try Self.expectTalliesMatchTheRows(index, "skipping third")
        try index.remove("/desk/tanker.json")
        for check in Self.grouped {
            #expect(try index.sql("SELECT count(*) FROM \(check.table)").rows == [[.integer(0)]], "\(check.table) when empty")
        }
    }

    /// Filters answered from the tallies give the rows a reader would count by hand.
    @Test func filteredSourcesAcrossCountsOnlyWhatTheFiltersKeep() throws {
        let index = try DeskFixture.index()
        try index.put(Self.third, path: "/desk/third.json", name: "third", signature: .init(size: 3), contentHash: "h3")
        func across(_ build: (inout CorpusQuery) -> Void) throws -> [[String]] {
            var query = CorpusQuery(subject: .sources)
            build(&query)
            return try index.sourcesAcross(query).rows.map { $0.map(\.display) }
        }
        // By kind: only the expert spelling of Reyes, with its own claims and stance.
        #expect(try across { $0.sourceKind = "expert" } == [
            ["gen. réyes", "expert", "1", "2", "Port authority; Reuters", "misleading 1, unverified 1", "“The US should escalate”: for 1"],
        ])
        // By status: the port authority accepted in "third", not the open one in "ports".
        #expect(try across { $0.status = "accepted" } == [["Port authority", "organisation", "1", "1", "Reuters", "true 1", ""]])
        // By author: bob's sources in "ports" and "third", none of alice's.
        #expect(try across { $0.author = "bob" }.map { [$0[0], $0[2], $0[3]] } == [
            ["gen. réyes", "1", "2"], ["Port authority", "2", "2"], ["Reuters", "2", "0"],
        ])
        // Picked one by one: the tagged Reuters of "third" only, one of bob's two.
        #expect(try across { $0.tag = "watch" } == [["Reuters", "outlet", "1", "0", "", "", ""]])
        // One session: its port authority's claim, not the one in "ports".
        #expect(try across { $0.session = "third"; $0.by = "port authority" } == [
            ["Port authority", "organisation", "1", "1", "Reuters", "true 1", ""],
        ])
    }

    /// The month question answered from `claim_counts` is the one `claim_list` answers.
    @Test func claimCountsAnswerAsClaimListDoes() throws {
        let index = try DeskFixture.index()
        try index.put(Self.third, path: "/desk/third.json", name: "third", signature: .init(size: 3), contentHash: "h3")
        for month in [("2026-03-01", "2026-03-31"), ("2026-04-01", "2026-04-30"), ("2026-01-01", "2026-12-31")] {
            let fromClaims = try index.sql("""
                SELECT via, verdict, count(*) AS claims FROM claim_list WHERE published BETWEEN '\(month.0)' AND '\(month.1)'
                GROUP BY via, verdict ORDER BY claims DESC, via, verdict
                """)
            let fromCounts = try index.sql("""
                SELECT via, verdict, sum(claims) AS claims FROM claim_counts WHERE published BETWEEN '\(month.0)' AND '\(month.1)'
                GROUP BY via, verdict ORDER BY claims DESC, via, verdict
                """)
            #expect(fromCounts == fromClaims, "\(month)")
            #expect(!fromClaims.rows.isEmpty)
        }
    }

    /// A batch that fails writes none of its counts: the next refresh starts from the rows as they are.
    @Test func aBatchRolledBackLeavesTheTalliesAsTheyWere() throws {
        let index = try DeskFixture.index()
        let before = try index.sql("SELECT * FROM claim_tally ORDER BY 1, 2, 3").rows
        #expect(throws: SQLiteError.self) {
            try index.batch { () throws(SQLiteError) in
                try index.put(Self.third, path: "/desk/third.json", name: "third", signature: .init(size: 3), contentHash: "h3")
                throw SQLiteError("stopped")
            }
        }
        #expect(try index.sql("SELECT * FROM claim_tally ORDER BY 1, 2, 3").rows == before)
        try index.put(DeskFixture.ports, path: "/desk/ports.json", name: "ports", signature: .init(size: 9), contentHash: "h9")
        try Self.expectTalliesMatchTheRows(index, "a rolled-back batch and a put")
    }
}
