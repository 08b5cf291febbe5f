import ClaimDeskCore
@testable import ClaimDeskCorpus
import Foundation
import Testing

@Suite struct CorpusIndexTests {
    func claims(_ build: (inout CorpusQuery) -> Void) throws -> [String] {
        var query = CorpusQuery(subject: .claims)
        build(&query)
        let table = try DeskFixture.index().query(query)
        return zip(table.column("session"), table.column("id")).map { "\($0)/\($1)" }
    }

    @Test func everyClaimOfEverySessionByDate() throws {
        #expect(try claims { _ in } == ["tanker/c1", "tanker/c2", "ports/c1"])
    }

    @Test func byMatchesNameOrAliasAcrossSessionsWhateverTheCase() throws {
        #expect(try claims { $0.by = "reyes" } == ["tanker/c2"])
        #expect(try claims { $0.by = "GEN. REYES" } == ["tanker/c2"])
        #expect(try claims { $0.by = "Reuters" } == [])
    }

    @Test func viaMatchesTheChainButNotTheClaimant() throws {
        #expect(try claims { $0.via = "reuters news agency" } == ["tanker/c1"])
        #expect(try claims { $0.via = "Reuters" } == ["tanker/c1", "ports/c1"])
        #expect(try claims { $0.via = "American officials" } == [])
    }

    @Test(arguments: [
        ("sourceKind", "anonymous", ["tanker/c1"]), ("kind", "prediction", ["tanker/c2"]), ("verdict", "true", ["ports/c1"]),
        ("tag", "escalation", ["tanker/c1"]), ("status", "accepted", ["tanker/c1"]), ("author", "bob", ["ports/c1"]),
        ("session", "ports", ["ports/c1"]), ("session", "/desk/tanker.json", ["tanker/c1", "tanker/c2"]),
    ])
    func eachFilterNarrowsTheClaims(filter: String, value: String, expected: [String]) throws {
        let found = try claims { query in
            switch filter {
            case "sourceKind": query.sourceKind = value
            case "kind": query.kind = value
            case "verdict": query.verdict = value
            case "tag": query.tag = value
            case "status": query.status = value
            case "author": query.author = value
            default: query.session = value
            }
        }
        #expect(found == expected)
    }

    @Test func datesCompareThePublishedDayAndTakePrefixes() throws {
        #expect(try claims { $0.since = "2026-04-01" } == ["ports/c1"])
        #expect(try claims { $0.until = "2026-03" } == ["tanker/c1", "tanker/c2"])
        #expect(try claims { $0.since = "2026-03-02"; $0.until = "2026-03-02" } == ["tanker/c1", "tanker/c2"])
        #expect(throws: SQLiteError.self) { try claims { $0.since = "March" } }
    }

    @Test func untilIsTheNextPrefixSoTheIndexCanSeekToIt() {
        #expect(CorpusQueryPlan.after("2026-03") == "2026-04")
        #expect(CorpusQueryPlan.after("2026-03-31") == "2026-03-32")
        #expect(CorpusQueryPlan.after("2026") == "2027")
        #expect(CorpusQueryPlan.after("") == nil)
        #expect(CorpusQueryPlan.after("a\u{10FFFF}") == nil)
    }

    /// The questions of a desk find their few rows through an index or the full-text search,
    /// instead of reading every claim (docs/performance.md has the figures).
    @Test func questionsSeekInsteadOfReadingEveryClaim() throws {
        let index = try DeskFixture.index()
        func plan(_ build: (inout CorpusQuery) -> Void) throws -> String {
            var query = CorpusQuery(subject: .claims)
            build(&query)
            let plan = CorpusQueryPlan(query)
            let statement = try index.database.prepare("EXPLAIN QUERY PLAN " + plan.sql)
            try statement.bind(plan.values)
            var steps: [String] = []
            while try statement.step() { steps.append(statement.row()[3].display) }
            return steps.joined(separator: "\n")
        }
        let words = try plan { $0.text = "tanker seizure"; $0.limit = 50 }
        #expect(words.contains("SEARCH c USING PRIMARY KEY (session=? AND id=?)"))
        #expect(!words.contains("SCAN c"))
        let month = try plan { $0.verdict = "misleading"; $0.since = "2026-03-01"; $0.until = "2026-03-31" }
        #expect(month.contains("claims_verdict (verdict=? AND published_day>? AND published_day<?)"))
        let grouped = try index.sql("""
            EXPLAIN QUERY PLAN SELECT via, verdict, count(*) FROM claim_list WHERE published BETWEEN '2026-03-01' AND '2026-03-31'
            GROUP BY via, verdict
            """).rows.map { $0[3].display }.joined(separator: "\n")
        #expect(grouped.contains("USING COVERING INDEX claims_day (published_day>? AND published_day<?)"))
        // The same question over the counts kept at refresh reads the month's counts, not its claims.
        let counted = try index.sql("""
            EXPLAIN QUERY PLAN SELECT via, verdict, sum(claims) FROM claim_counts WHERE published BETWEEN '2026-03-01' AND '2026-03-31'
            GROUP BY via, verdict
            """).rows.map { $0[3].display }.joined(separator: "\n")
        #expect(counted.contains("claim_tally USING") && !counted.contains("claims"), "\(counted)")
    }

    @Test func textSearchesQuotesAndNotesNotTheWholeArticle() throws {
        #expect(try claims { $0.text = "seized dawn" } == ["tanker/c1"])
        #expect(try claims { $0.text = "port logs" } == ["tanker/c1"])
        #expect(try claims { $0.text = "insurance" } == [])
        // FTS5 syntax in the words is taken as words, never as an error.
        #expect(try claims { $0.text = "\"seized\" (dawn*" } == ["tanker/c1"])
        #expect(try claims { $0.text = "seized NOT dawn" } == [])  // NOT is a word here, and not in the quote
        #expect(try claims { $0.text = "***" } == [])
    }

    /// Words narrow the claims without reordering them: by published day, then session name,
    /// then id in numeric order (`c2` before `c10`), whether the matches are sorted or the claims
    /// are read in date order until the limit is met.
    @Test func wordsKeepTheDateOrderWhicheverPlanAnswers() throws {
        let index = try DeskFixture.crowd(sessions: [("b", "2026-05-01"), ("a", "2026-05-01"), ("z", "2026-04-30")], claims: 12)
        let expected = ["z", "a", "b"].flatMap { name in (1...12).map { "\(name)/c\($0)" } }
        for limit in [nil, 0, 1, 5, 13, 36, 40] as [Int?] {
            var query = CorpusQuery(subject: .claims)
            query.text = "convoy"
            query.limit = limit
            for walks in [false, true] {
                let table = try index.table(CorpusQueryPlan(query, walksByDay: walks))
                let found = zip(table.column("session"), table.column("id")).map { "\($0)/\($1)" }
                #expect(found == Array(expected.prefix(limit ?? expected.count)), "limit \(limit.map(String.init) ?? "none"), walks \(walks)")
            }
        }
        // The plan that walks reads claims in date order and sorts only the claims of one day.
        var query = CorpusQuery(subject: .claims)
        query.text = "convoy"
        query.limit = 5
        let plan = CorpusQueryPlan(query, walksByDay: true)
        let statement = try index.database.prepare("EXPLAIN QUERY PLAN " + plan.sql)
        try statement.bind(plan.values)
        var steps: [String] = []
        while try statement.step() { steps.append(statement.row()[3].display) }
        #expect(steps.contains { $0.hasPrefix("SCAN c USING INDEX claims_day") })
        #expect(steps.contains("USE TEMP B-TREE FOR RIGHT PART OF ORDER BY"))
    }

    /// Common words with a limit are read in date order; rare words, no limit or other filters
    /// sort the matches.
    @Test func commonWordsWithALimitWalkTheDays() throws {
        let index = try DeskFixture.crowd(sessions: [("a", "2026-05-01"), ("b", "2026-05-02")], claims: 150)
        var query = CorpusQuery(subject: .claims)
        query.text = "convoy"
        query.limit = 20
        #expect(try index.walksByDay(query))  // 300 matches of about 300 annotations
        query.limit = nil
        #expect(try !index.walksByDay(query))
        query.limit = 400
        #expect(try !index.walksByDay(query))
        query.limit = 20
        query.verdict = "false"
        #expect(try !index.walksByDay(query))
        query.verdict = nil
        query.text = "never written"
        #expect(try !index.walksByDay(query))
    }

    @Test func filtersCombineAndLimitCuts() throws {
        #expect(try claims { $0.via = "Reuters"; $0.verdict = "misleading" } == ["tanker/c1"])
        #expect(try claims { $0.limit = 1 } == ["tanker/c1"])
    }

    @Test func sourcesAndStancesAreSubjectsToo() throws {
        let index = try DeskFixture.index()
        var query = CorpusQuery(subject: .sources)
        query.by = "reuters"
        let sources = try index.query(query)
        #expect(sources.column("session") == ["ports", "tanker"])
        #expect(sources.column("relayed") == ["1", "1"])
        var stances = CorpusQuery(subject: .stances)
        stances.text = "escalate"
        #expect(try index.query(stances).column("holder") == ["Gen. Reyes"])
        stances.verdict = "true"
        #expect(throws: SQLiteError("--verdict does not apply to stances; it filters claims")) { try index.query(stances) }
    }

    @Test func sourcesAcrossGroupByName() throws {
        let table = try DeskFixture.index().sourcesAcross(CorpusQuery(subject: .sources))
        let reuters = try #require(table.rows.first { $0[0] == .text("Reuters") })
        #expect(reuters[2] == .integer(2))  // in two sessions
        #expect(reuters[3] == .integer(0))  // made no claim itself
        let reyes = try #require(table.rows.first { $0[0] == .text("Gen. Reyes") })
        #expect(reyes[5] == .text("unverified 1"))
        #expect(reyes[6] == .text("“The US should escalate”: against 1"))
        let officials = try #require(table.rows.first { $0[0] == .text("American officials") })
        #expect(officials[4] == .text("Reuters"))
    }

    /// Every column of the whole-desk table, so the counting in SQL is checked cell by cell.
    @Test func sourcesAcrossGivesEveryFigurePerName() throws {
        let index = try DeskFixture.index()
        var third = DeskFixture.ports
        third.name = "third"
        // The same official under another spelling: one name once case and diacritics are folded.
        third.put(.source(Source(id: "src3", name: "gen. réyes", kind: "expert", author: "bob", created: DeskFixture.time)))
        let article = try #require(third.orderedArticles.first)
        third.put(.claim(Claim(id: "c2", anchor: DeskFixture.anchor("this spring", in: article), claimant: "src3", via: ["src1", "src2"],
                               kind: "factual", verdict: "misleading", author: "bob", created: DeskFixture.time)))
        try index.put(third, path: "/desk/third.json", name: "third", signature: .init(size: 3), contentHash: "h3")
        let table = try index.sourcesAcross(CorpusQuery(subject: .sources))
        #expect(table.columns == ["source", "kind", "sessions", "claims", "carried_by", "verdicts", "stances"])
        #expect(table.rows.map { $0.map(\.display) } == [
            ["Gen. Reyes", "expert, official", "2", "2", "Port authority; Reuters", "misleading 1, unverified 1", "“The US should escalate”: against 1"],
            ["Port authority", "organisation", "2", "2", "Reuters", "true 2", ""],
            ["American officials", "anonymous", "1", "1", "Reuters", "misleading 1", ""],
            ["Reuters", "outlet", "3", "0", "", "", ""],
        ])
    }

    /// A filter narrows the sources first; only their claims and stances are counted.
    @Test func sourcesAcrossCountsOnlyTheSourcesTheFiltersKeep() throws {
        let index = try DeskFixture.index()
        var query = CorpusQuery(subject: .sources)
        query.session = "ports"
        #expect(try index.sourcesAcross(query).rows.map { $0.map(\.display) } == [
            ["Port authority", "organisation", "1", "1", "Reuters", "true 1", ""],
            ["Reuters", "outlet", "1", "0", "", "", ""],
        ])
        query = CorpusQuery(subject: .sources)
        query.by = "reyes"
        query.limit = 1
        #expect(try index.sourcesAcross(query).rows.map { $0[0].display } == ["Gen. Reyes"])
        query = CorpusQuery(subject: .sources)
        query.text = "chairman"
        let reyes = try index.sourcesAcross(query).rows
        #expect(reyes.map { $0[3].display } == ["1"])
        #expect(reyes.map { $0[6].display } == ["“The US should escalate”: against 1"])
        query.text = "nobody here"
        #expect(try index.sourcesAcross(query).rows.isEmpty)
    }

    @Test func sqlReadsTheViewsAndRefusesWrites() throws {
        let index = try CorpusIndex(path: DeskFixture.index().path, readOnly: true)
        let table = try index.sql("SELECT session, claimant, via FROM claim_list WHERE verdict = 'true'")
        #expect(table == CorpusTable(columns: ["session", "claimant", "via"], rows: [[.text("ports"), .text("Port authority"), .text("Reuters")]]))
        for write in ["DELETE FROM claims", "DROP VIEW claim_list", "UPDATE sessions SET name = 'x'", "CREATE TABLE t(x)",
                      "ATTACH '\(index.path).other' AS y", "VACUUM INTO '\(index.path).copy'", "PRAGMA query_only = 0"] {
            #expect(throws: SQLiteError.self, "\(write)") { try index.sql(write) }
        }
        #expect(throws: SQLiteError("give one statement at a time")) { try index.sql("SELECT 1; DELETE FROM claims") }
        #expect(try index.sql("SELECT count(*) FROM claims").rows == [[.integer(3)]])
        #expect(!FileManager.default.fileExists(atPath: index.path + ".other"))
        #expect(!FileManager.default.fileExists(atPath: index.path + ".copy"))
    }

    @Test func readOnlyIndexRefusesWritesEvenWithoutTheCheck() throws {
        let index = try DeskFixture.index()
        let reader = try CorpusIndex(path: index.path, readOnly: true)
        #expect(throws: SQLiteError.self) { try reader.database.execute("DELETE FROM claims") }
        #expect(try reader.sessionCount() == 2)
    }

    @Test func replacingASessionReplacesItsRowsOnly() throws {
        let index = try DeskFixture.index()
        var changed = DeskFixture.ports
        changed.remove(.id("c1"))
        try index.put(changed, path: "/desk/ports.json", name: "ports", signature: .init(size: 3), contentHash: "h3")
        #expect(try index.sql("SELECT session, id FROM claim_list ORDER BY session, id").rows.map { $0.map(\.display) }
                == [["tanker", "c1"], ["tanker", "c2"]])
        // Its old text is gone from the search, the other session's stays.
        #expect(try index.find("port fees").map(\.session) == ["ports"])  // the article's text is still there
        #expect(try index.find("spring").map(\.session) == ["ports"])
        #expect(try index.sql("SELECT count(*) FROM search WHERE kind = 'claim'").rows == [[.integer(2)]])
        // Each claim and note names the row of its text.
        #expect(try index.sql("SELECT count(*) FROM claims c JOIN search x ON x.rowid = c.text_row AND x.text = c.quote").rows
                == index.sql("SELECT count(*) FROM claims").rows)
        #expect(try index.sql("SELECT count(*) FROM notes n JOIN search x ON x.rowid = n.text_row AND x.text = n.text").rows
                == index.sql("SELECT count(*) FROM notes").rows)
        // The list of whose each text is, which questions read instead of the texts, goes with them.
        #expect(try index.sql("SELECT count(*) FROM texts WHERE kind = 'claim'").rows == [[.integer(2)]])
        #expect(try index.sql("SELECT count(*) FROM search JOIN texts ON texts.id = search.rowid AND texts.annotation = search.annotation AND texts.kind = search.kind").rows
                == index.sql("SELECT count(*) FROM search").rows)
        #expect(try index.files()["/desk/ports.json"] == CorpusIndex.FileEntry(signature: .init(size: 3), contentHash: "h3", skipped: nil))
        // A refresh reads the file facts alone, and a hash only for a file whose facts changed.
        #expect(try index.fileFacts() == ["/desk/ports.json": .init(signature: .init(size: 3), skipped: nil), "/desk/tanker.json": .init(signature: .init(size: 1), skipped: nil)])
        #expect(try index.contentHash(of: "/desk/ports.json") == "h3")
        #expect(try index.contentHash(of: "/desk/none.json") == nil)
    }

    /// File facts are kept as integers, a journal's as NULL when there is none, and a touch replaces them.
    @Test func fileFactsAreIntegersWithAnOptionalJournal() throws {
        let index = try DeskFixture.index()
        let withJournal = FileSignature(size: 5_120, modified: 1_790_000_000_123_456_789, inode: 77, journalSize: 310,
                                        journalModified: 1_790_000_001_000_000_000, journalInode: 78)
        try index.touch("/desk/ports.json", signature: withJournal)
        #expect(try index.fileFacts()["/desk/ports.json"] == .init(signature: withJournal, skipped: nil))
        #expect(try index.sql("SELECT journal_size, journal_inode FROM files WHERE path = '/desk/tanker.json'").rows == [[.null, .null]])
        #expect(try index.fileFacts()["/desk/tanker.json"]?.signature.hasJournal == false)
        #expect(withJournal.hasJournal)
        // Only the journal differs: a different signature, so the file is read again.
        var journalGrew = withJournal
        journalGrew.journalSize += 1
        #expect(journalGrew != withJournal)
    }

    /// The index's files by folder and name: what a walk compares each name it reads with.
    @Test func fileFactsComeByFolderAndName() throws {
        let index = try DeskFixture.emptyIndex()
        let paths = ["/desk/a.json", "/desk/sub/b.json", "/desk/z.json", "/desk/sub/c.json", "/top.json", "store:team"]
        for (number, path) in paths.enumerated() {
            try index.skip(path, signature: .init(size: Int64(number)), contentHash: "", reason: "reason \(number)")
        }
        let folders = try index.fileFactsByFolder()
        #expect(folders.keys.sorted() == ["", "/", "/desk", "/desk/sub"])
        #expect(folders["/desk"]?.mapValues(\.signature.size) == ["a.json": 0, "z.json": 2])
        #expect(folders["/desk/sub"]?.mapValues(\.signature.size) == ["b.json": 1, "c.json": 3])
        #expect(folders["/"]?["top.json"]?.skipped == "reason 4")
        #expect(folders[""]?.keys.sorted() == ["store:team"])
    }

    @Test func removingAndSkippingForgetTheSession() throws {
        let index = try DeskFixture.index()
        try index.remove("/desk/ports.json")
        try index.skip("/desk/tanker.json", signature: .init(size: 9), contentHash: "", reason: "not valid JSON")
        #expect(try index.sessionCount() == 0)
        #expect(try index.sql("SELECT count(*) FROM search").rows == [[.integer(0)]])
        #expect(try index.sql("SELECT count(*) FROM texts").rows == [[.integer(0)]])
        #expect(try index.sql("SELECT path, reason FROM skipped_files").rows == [[.text("/desk/tanker.json"), .text("not valid JSON")]])
        #expect(try index.files().keys.sorted() == ["/desk/tanker.json"])
    }

    @Test func findRanksSessionsByTheirText() throws {
        let index = try DeskFixture.index()
        #expect(try index.find("tanker seizure").isEmpty)
        let found = try index.find("tanker seized")
        #expect(found == [CorpusMatch(session: "tanker", path: "/desk/tanker.json", title: "Tanker seized in the strait", hits: 2)])
        #expect(try index.find("Reuters").map(\.session).sorted() == ["ports", "tanker"])
    }

    @Test func anIndexOfAnotherVersionIsRebuilt() throws {
        let index = try DeskFixture.index()
        try index.database.execute("UPDATE meta SET value = '0' WHERE key = 'schema'")
        let reopened = try CorpusIndex(path: index.path)
        #expect(try reopened.sessionCount() == 0)
        #expect(throws: SQLiteError.self) { try CorpusIndex(path: index.path + ".missing", readOnly: true) }
    }
}
