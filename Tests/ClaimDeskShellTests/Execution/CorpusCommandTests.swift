import ClaimDeskCore
@testable import ClaimDeskShell
import Testing

/// The shell's `corpus` commands and `open --find`: what they ask the host's index, and what they show.
@Suite struct CorpusCommandTests {
    let table = CorpusTable(columns: ["session", "id", "claimant"], rows: [[.text("harbor"), .text("c1"), .text("Reyes")]])

    func fixture(_ answer: @escaping (CorpusRequest) throws(HostError) -> CorpusAnswer) -> ShellFixture {
        let fixture = ShellFixture(loadArticle: false)
        fixture.host.corpusAnswers = answer
        return fixture
    }

    @Test func queryTurnsFlagsIntoOneQuery() {
        let table = self.table
        let fixture = fixture { _ in .table(table) }
        let output = fixture.run("corpus query stances --by 'Gen. Reyes' --source-kind official --tag war --status open "
                                 + "--author alice --since 2026-01 --until 2026-03-31 --text 'tanker seizure' --session harbor --limit 5")
        var expected = CorpusQuery(subject: .stances)
        expected.by = "Gen. Reyes"
        expected.sourceKind = "official"
        expected.tag = "war"
        expected.status = "open"
        expected.author = "alice"
        expected.since = "2026-01"
        expected.until = "2026-03-31"
        expected.text = "tanker seizure"
        expected.session = "harbor"
        expected.limit = 5
        #expect(fixture.host.corpusRequests == [.query(expected)])
        #expect(output == "session  id  claimant\n───────  ──  ────────\nharbor   c1  Reyes\n")
    }

    @Test func claimsAreTheDefaultAndFormatsAreThoseOfClaimdeskQuery() {
        let table = self.table
        let fixture = fixture { _ in .table(table) }
        var expected = CorpusQuery(subject: .claims)
        expected.via = "Reuters"
        expected.kind = "factual"
        expected.verdict = "false"
        #expect(fixture.run("corpus query --via Reuters --kind factual --verdict false --format csv") == "session,id,claimant\nharbor,c1,Reyes\n")
        #expect(fixture.host.corpusRequests == [.query(expected)])
        #expect(fixture.run("corpus query --format jsonl") == "{\"session\":\"harbor\",\"id\":\"c1\",\"claimant\":\"Reyes\"}\n")
    }

    @Test func mistakesAreSaidBeforeAskingTheIndex() {
        let fixture = fixture { _ in .table(CorpusTable(columns: [], rows: [])) }
        #expect(fixture.fail("corpus query claim") == "cannot query claim; did you mean claims? choose claims, sources, stances")
        #expect(fixture.fail("corpus query stances --verdict false") == "--verdict does not apply to stances; it filters claims")
        #expect(fixture.fail("corpus query --since yesterday") == "--since takes a date as YYYY-MM-DD (or YYYY-MM, YYYY), not yesterday")
        #expect(fixture.fail("corpus query --limit many") == "--limit takes a number of rows, not many")
        #expect(fixture.fail("corpus query --format xml") == "--format takes table, json, jsonl, csv, not xml")
        #expect(fixture.fail("corpus query --sql 'SELECT 1' --by Reyes") == "--sql takes no type or filters; put them in the WHERE clause")
        #expect(fixture.host.corpusRequests.isEmpty)
    }

    @Test func sqlAndSourcesGoToTheIndexAsTheyAre() {
        let table = self.table
        let fixture = fixture { _ in .table(table) }
        fixture.run("corpus query --sql 'SELECT * FROM claim_list'")
        fixture.run("corpus sources --source-kind official")
        var across = CorpusQuery(subject: .sources)
        across.sourceKind = "official"
        #expect(fixture.host.corpusRequests == [.sql("SELECT * FROM claim_list"), .sourcesAcross(across)])
    }

    @Test func sourcesTakesTheFiltersOfSourcesAcross() {
        let table = self.table
        let fixture = fixture { _ in .table(table) }
        fixture.run("corpus sources --tag escalation --status open --author dana --text 'tanker seizure' --limit 2")
        var across = CorpusQuery(subject: .sources)
        across.tag = "escalation"
        across.status = "open"
        across.author = "dana"
        across.text = "tanker seizure"
        across.limit = 2
        #expect(fixture.host.corpusRequests == [.sourcesAcross(across)])
        #expect(fixture.fail("corpus sources --verdict false").contains("--verdict"))
    }

    @Test func theIndexsRefusalIsTheCommandsError() {
        let fixture = fixture { _ throws(HostError) in throw HostError("query --sql only reads") }
        #expect(fixture.fail("corpus query --sql 'DELETE FROM claims'") == "query --sql only reads")
        #expect(ShellFixture(loadArticle: false).fail("corpus index") == "no index here")
    }

    @Test func anEmptyAnswerSaysSo() {
        let fixture = fixture { _ in .table(CorpusTable(columns: ["id"], rows: [])) }
        #expect(fixture.run("corpus query --verdict false") == "nothing in the index matches\n")
    }

    @Test func indexReportsCountsAndSkippedFiles() {
        var report = CorpusRefreshReport()
        report.found = 3
        report.reindexed = 1
        report.unchanged = 1
        report.skipped = [.init(path: "sessions/broken.json", reason: "not valid JSON at line 1, column 2")]
        report.indexPath = "sessions/.claimdesk-index.sqlite"
        let fixture = fixture { _ in .refreshed(report) }
        #expect(fixture.run("corpus index") == """
            Indexed 2 sessions in sessions/.claimdesk-index.sqlite: 1 re-indexed, 1 unchanged, 0 removed, 1 skipped
            skipped sessions/broken.json: not valid JSON at line 1, column 2

            """)
    }

    @Test func findOpensTheOnlyMatchingSession() throws {
        let saved = ShellFixture()
        saved.run("save harbor")
        let fixture = ShellFixture(loadArticle: false)
        fixture.host.memoryStore.snapshots = saved.host.memoryStore.snapshots
        fixture.host.corpusAnswers = { _ in .matches([CorpusMatch(session: "harbor", path: "harbor.json", title: "Talks stall", hits: 2)]) }
        let output = fixture.run("open --find 'harbor fees'")
        #expect(fixture.host.corpusRequests == [.find("harbor fees")])
        #expect(output.hasPrefix("Opened sessions/harbor.json"))
        #expect(fixture.session.articles.count == 1)
    }

    @Test func findListsSeveralBestFirst() {
        let fixture = fixture { _ in
            .matches([CorpusMatch(session: "harbor", path: "sessions/harbor.json", title: "Talks stall", hits: 3),
                      CorpusMatch(session: "ports", path: "sessions/ports.json", title: "Port fees rise", hits: 1)])
        }
        #expect(fixture.run("open --find fees") == """
            2 sessions hold fees, best first; open one by name:
              harbor  Talks stall     3 matches  sessions/harbor.json
              ports   Port fees rise  1 match  sessions/ports.json

            """)
        #expect(fixture.session.articles.isEmpty)
    }

    @Test func findWithNoMatchSaysHowToRefresh() {
        let fixture = fixture { _ in .matches([]) }
        #expect(fixture.fail("open --find zebra") == "no indexed session holds zebra; corpus index refreshes the index")
    }
}
