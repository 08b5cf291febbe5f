import Foundation
import Testing

/// `claimdesk index`, `query`, `sources --across` and the shell's `corpus` commands on real files.
@Suite struct CorpusEndToEndTests {
    /// Two analysts' sessions of the sample article, with dates, verdicts and tags, and a third
    /// session that only has a proposition.
    func desk() throws -> URL {
        let folder = try Transcript.workspace()
        let ana = """
            load harbor-talks.txt
            set a1 published 2026-03-02
            claim s3 --by American officials --via The Daily Courier
            set c1 verdict misleading
            tag c1 escalation
            claim s6 --by Reyes --kind prediction
            proposition add The U.S. should answer with force
            stance Reyes against pr1 --evidence s6
            save ana
            """
        let bob = """
            load harbor-talks.txt
            set a1 published 2026-04-10
            claim s3 --by American officials --via The Daily Courier
            claim s10 --by Tidewatch
            note c2 insurers confirmed the premiums
            save bob
            """
        let cal = """
            load harbor-talks.txt
            proposition add A third session
            save cal
            """
        for (analyst, script) in [("ana", ana), ("bob", bob), ("cal", cal)] {
            var environment = Transcript.environment
            environment["CLAIMDESK_ANALYST"] = analyst
            let result = try ClaimDeskProcess.run([], stdin: script, in: folder, environment: environment)
            try #require(result.status == 0, "setup failed: \(result.stderr)")
        }
        return folder
    }

    func claimdesk(_ arguments: [String], in folder: URL, stdin: String = "") throws -> ClaimDeskProcess.Result {
        try ClaimDeskProcess.run(arguments, stdin: stdin, in: folder, environment: Transcript.environment)
    }

    func summary(_ result: ClaimDeskProcess.Result) -> String {
        result.stdout.trimmingCharacters(in: .newlines)
    }

    @Test func aRefreshTouchesOnlyWhatChangedAndDropsWhatIsGone() throws {
        let folder = try desk()
        let sessions = folder.appendingPathComponent("sessions")
        #expect(summary(try claimdesk(["index"], in: folder))
                == "Indexed 3 sessions in sessions/.claimdesk-index.sqlite: 3 re-indexed, 0 unchanged, 0 removed, 0 skipped")
        #expect(summary(try claimdesk(["index"], in: folder))
                == "Indexed 3 sessions in sessions/.claimdesk-index.sqlite: 0 re-indexed, 3 unchanged, 0 removed, 0 skipped")
        // One session changed (through the shell, unsaved: the journal counts too).
        _ = try claimdesk(["-c", "open bob; set c1 verdict false"], in: folder)
        #expect(summary(try claimdesk(["index"], in: folder))
                == "Indexed 3 sessions in sessions/.claimdesk-index.sqlite: 1 re-indexed, 2 unchanged, 0 removed, 0 skipped")
        #expect(try claimdesk(["query", "--verdict", "false", "--format", "csv"], in: folder).stdout.contains("bob,c1,"))
        // Written again with the same bytes: read and hashed, but not re-indexed.
        let ana = sessions.appendingPathComponent("ana.json")
        let bytes = try Data(contentsOf: ana)
        try FileManager.default.removeItem(at: ana)
        try bytes.write(to: ana)
        #expect(summary(try claimdesk(["index"], in: folder))
                == "Indexed 3 sessions in sessions/.claimdesk-index.sqlite: 0 re-indexed, 3 unchanged, 0 removed, 0 skipped")
        try FileManager.default.removeItem(at: sessions.appendingPathComponent("cal.json"))
        #expect(summary(try claimdesk(["index"], in: folder))
                == "Indexed 2 sessions in sessions/.claimdesk-index.sqlite: 0 re-indexed, 2 unchanged, 1 removed, 0 skipped")
        #expect(try claimdesk(["query", "--session", "cal"], in: folder).stdout.split(separator: "\n").count == 2)
    }

    /// Sub-folders are walked (each once, however the folders named overlap), hidden ones are
    /// passed over, a file gone from a folder walked leaves the index, and a session indexed from
    /// another folder stays while its file exists.
    @Test func foldersInsideFoldersAreWalkedOnceAndWhatLeavesThemLeavesTheIndex() throws {
        let folder = try desk()
        let files = FileManager.default
        let sessions = folder.appendingPathComponent("sessions")
        let march = sessions.appendingPathComponent("2026/march")
        try files.createDirectory(at: march, withIntermediateDirectories: true)
        try files.copyItem(at: sessions.appendingPathComponent("ana.json"), to: march.appendingPathComponent("ana-copy.json"))
        let drafts = sessions.appendingPathComponent(".drafts")
        try files.createDirectory(at: drafts, withIntermediateDirectories: true)
        try files.copyItem(at: sessions.appendingPathComponent("bob.json"), to: drafts.appendingPathComponent("bob-draft.json"))
        let elsewhere = folder.appendingPathComponent("elsewhere")
        try files.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try files.copyItem(at: sessions.appendingPathComponent("cal.json"), to: elsewhere.appendingPathComponent("cal-copy.json"))

        #expect(summary(try claimdesk(["index", "sessions", "sessions/2026"], in: folder))
                == "Indexed 4 sessions in sessions/.claimdesk-index.sqlite: 4 re-indexed, 0 unchanged, 0 removed, 0 skipped")
        #expect(summary(try claimdesk(["index", "elsewhere"], in: folder))
                == "Indexed 1 session in sessions/.claimdesk-index.sqlite: 1 re-indexed, 0 unchanged, 0 removed, 0 skipped")
        #expect(summary(try claimdesk(["index", "sessions/2026/march", "sessions/2026"], in: folder))
                == "Indexed 1 session in sessions/.claimdesk-index.sqlite: 0 re-indexed, 1 unchanged, 0 removed, 0 skipped")
        let listed = try claimdesk(["query", "--sql", "SELECT session FROM session_list ORDER BY session", "--format", "csv"], in: folder).stdout
        #expect(listed == "session\r\nana\r\nana-copy\r\nbob\r\ncal\r\ncal-copy\r\n")

        try files.removeItem(at: march.appendingPathComponent("ana-copy.json"))
        #expect(summary(try claimdesk(["index"], in: folder))
                == "Indexed 3 sessions in sessions/.claimdesk-index.sqlite: 0 re-indexed, 3 unchanged, 1 removed, 0 skipped")
        #expect(try claimdesk(["query", "--sql", "SELECT count(*) AS n FROM session_list WHERE session = 'cal-copy'", "--format", "csv"],
                              in: folder).stdout == "n\r\n1\r\n")
        try files.removeItem(at: elsewhere.appendingPathComponent("cal-copy.json"))
        #expect(summary(try claimdesk(["index"], in: folder))
                == "Indexed 3 sessions in sessions/.claimdesk-index.sqlite: 0 re-indexed, 3 unchanged, 1 removed, 0 skipped")
    }

    /// A folder of 2,048 names or more is looked at by two threads: what each finds is counted
    /// once, said once, and a file gone from either half leaves the index.
    @Test func aLargeFolderIsComparedFromTwoThreadsAndCountedOnce() throws {
        let folder = try desk()
        let sessions = folder.appendingPathComponent("sessions")
        for number in 1...2_100 {
            try Data("not a session \(number)".utf8).write(to: sessions.appendingPathComponent("torn\(number).json"))
        }
        #expect(summary(try claimdesk(["index"], in: folder))
                == "Indexed 3 sessions in sessions/.claimdesk-index.sqlite: 3 re-indexed, 0 unchanged, 0 removed, 2100 skipped")
        let again = try claimdesk(["index"], in: folder)
        #expect(summary(again) == "Indexed 3 sessions in sessions/.claimdesk-index.sqlite: 0 re-indexed, 3 unchanged, 0 removed, 2100 skipped")
        let said = again.stderr.split(separator: "\n")
        #expect(said.count == 2_100 && Set(said).count == 2_100)
        try FileManager.default.removeItem(at: sessions.appendingPathComponent("torn7.json"))
        try FileManager.default.removeItem(at: sessions.appendingPathComponent("cal.json"))
        _ = try claimdesk(["-c", "open bob; set c1 verdict false"], in: folder)
        #expect(summary(try claimdesk(["index"], in: folder))
                == "Indexed 2 sessions in sessions/.claimdesk-index.sqlite: 1 re-indexed, 1 unchanged, 2 removed, 2099 skipped")
    }

    @Test func damagedAndForeignFilesAreSkippedWithTheirReasonsAndTheRestIndexed() throws {
        let folder = try desk()
        let sessions = folder.appendingPathComponent("sessions")
        try Data("{\"format\": \"claimdesk.session\", \"version\": 1, \"articles\": [".utf8).write(to: sessions.appendingPathComponent("torn.json"))
        try Data("{\"name\": \"a package.json\"}".utf8).write(to: sessions.appendingPathComponent("package.json"))
        let result = try claimdesk(["index"], in: folder)
        #expect(result.status == 0)
        #expect(summary(result) == "Indexed 3 sessions in sessions/.claimdesk-index.sqlite: 3 re-indexed, 0 unchanged, 0 removed, 2 skipped")
        let errors = result.stderr.split(separator: "\n").map(String.init)
        #expect(errors.contains { $0.hasPrefix("skipped sessions/torn.json: ") && $0.contains("line 1") })
        #expect(errors.contains("skipped sessions/package.json: not a ClaimDesk session: it has no \"format\" field"))
        // Still skipped, and still said, on a refresh that does not read them again.
        let again = try claimdesk(["index"], in: folder)
        #expect(again.stderr.split(separator: "\n").count == 2)
        #expect(try claimdesk(["query", "--sql", "SELECT count(*) AS n FROM skipped_files", "--format", "csv"], in: folder).stdout == "n\r\n2\r\n")
    }

    @Test func queryPrintsTablesCsvJsonAndJsonLines() throws {
        let folder = try desk()
        _ = try claimdesk(["index"], in: folder)
        let table = try claimdesk(["query", "--by", "american officials", "--since", "2026-03-01", "--until", "2026-03-31"], in: folder)
        let lines = table.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(table.stdout)")
        #expect(lines[0] == "session  id  published   claimant            via                kind     verdict     status  quote")
        #expect(lines[2].hasPrefix("ana      c1  2026-03-02  American officials  The Daily Courier  factual  misleading  open    "))
        let csv = try claimdesk(["query", "--tag", "escalation", "--format", "csv"], in: folder).stdout
        #expect(csv.hasPrefix("session,id,published,claimant,via,kind,verdict,status,quote\r\nana,c1,2026-03-02,American officials,The Daily Courier,factual,misleading,open,"))
        let json = try claimdesk(["query", "stances", "--format", "json"], in: folder).stdout
        let stances = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
        #expect(stances?.count == 1)
        #expect(stances?.first?["holder"] as? String == "Reyes")
        #expect(stances?.first?["target"] as? String == "The U.S. should answer with force")
        let jsonl = try claimdesk(["query", "--text", "insurers premiums", "--format", "jsonl"], in: folder).stdout
        #expect(jsonl.split(separator: "\n").count == 1)
        #expect(jsonl.contains("\"session\":\"bob\",\"id\":\"c2\""))
    }

    @Test func sqlReadsViewsAndRefusesWrites() throws {
        let folder = try desk()
        _ = try claimdesk(["index"], in: folder)
        let count = try claimdesk(["query", "--sql", "SELECT session, count(*) AS claims FROM claim_list GROUP BY session ORDER BY session",
                                   "--format", "csv"], in: folder)
        #expect(count.stdout == "session,claims\r\nana,2\r\nbob,2\r\n")
        let write = try claimdesk(["query", "--sql", "DELETE FROM claims"], in: folder)
        #expect(write.status == 1)
        #expect(write.stderr == "error: query --sql only reads; the index is rebuilt from the sessions, so change those instead\n")
        #expect(try claimdesk(["query", "--sql", "SELECT count(*) FROM claims", "--format", "csv"], in: folder).stdout == "count(*)\r\n4\r\n")
        let mixed = try claimdesk(["query", "--sql", "SELECT 1", "--by", "Reyes"], in: folder)
        #expect(mixed.status != 0)
        #expect(mixed.stderr.contains("--sql takes no filters"))
    }

    @Test func withoutAnIndexQuerySaysHowToBuildOne() throws {
        let folder = try desk()
        let result = try claimdesk(["query"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr == "error: no index at sessions/.claimdesk-index.sqlite yet; build it with claimdesk index (corpus index in the shell)\n")
    }

    @Test func sourcesAcrossGathersEachSourceOverSessions() throws {
        let folder = try desk()
        _ = try claimdesk(["index", "--index", "desk.sqlite"], in: folder)
        let result = try claimdesk(["sources", "--across", "--index", "desk.sqlite", "--format", "jsonl"], in: folder)
        let rows = result.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let officials = try #require(rows.first { $0["source"] as? String == "American officials" })
        #expect(officials["sessions"] as? Int == 2)
        #expect(officials["claims"] as? Int == 2)
        #expect(officials["carried_by"] as? String == "The Daily Courier")
        #expect(officials["verdicts"] as? String == "misleading 1, unverified 1")
        let reyes = try #require(rows.first { $0["source"] as? String == "Reyes" })
        #expect(reyes["stances"] as? String == "“The U.S. should answer with force”: against 1")
    }

    @Test func theShellIndexesQueriesAndOpensByWords() throws {
        let folder = try desk()
        let result = try claimdesk([], in: folder, stdin: """
            corpus index
            corpus query --by Tidewatch --format csv
            open --find insurers premiums
            status
            open --find tanker
            """)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Indexed 3 sessions in sessions/.claimdesk-index.sqlite: 3 re-indexed, 0 unchanged, 0 removed, 0 skipped")
        #expect(lines.contains { $0.hasPrefix("bob,c2,2026-04-10,Tidewatch,,factual,unverified,open,") })
        #expect(lines.contains { $0.hasPrefix("Opened sessions/bob.json: ") })
        #expect(lines.contains("3 sessions hold tanker, best first; open one by name:"))
    }

    /// The shell's options written before a subcommand, as `git -C DIR status` is written, go to
    /// the subcommand: they were read as the shell's, with the subcommand's name as a session to open.
    @Test func shellOptionsBeforeASubcommandGoToTheSubcommand() throws {
        let folder = try desk()
        #expect(try claimdesk(["index"], in: folder).status == 0)
        let query = try claimdesk(["--sessions", "sessions", "query", "--verdict", "misleading", "--format", "csv"], in: folder)
        #expect(query.status == 0, "\(query.stderr)")
        #expect(query.stdout.contains("ana,c1,"))
        let across = try claimdesk(["--sessions=sessions", "sources", "--across", "--format", "csv"], in: folder)
        #expect(across.status == 0 && across.stdout.contains("American officials"), "\(across.stderr)")
        // A subcommand that does not take the option says so, naming it.
        let refused = try claimdesk(["--store", "postgresql://nobody@127.0.0.1:1/none", "query"], in: folder)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("--store"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("no session"))
        // The shell's own use of them is unchanged.
        let shell = try claimdesk(["--sessions", "sessions", "-c", "open ana; list claims"], in: folder)
        #expect(shell.status == 0 && shell.stdout.contains("American officials"), "\(shell.stderr)")
    }

    /// `claimdesk --sessions DIR NAME` starts the shell without the argument parser; it does what
    /// the parser does with the same options written after the session's name, errors included.
    @Test func theShellsOptionsAloneStartItAsTheParserWould() throws {
        let cases: [([String], [String], String)] = [
            (["--sessions", "sessions", "ana"], ["ana", "--sessions", "sessions"], "list claims\n"),
            (["--sessions=sessions", "--analyst", "zed", "ana"], ["ana", "--sessions=sessions", "--analyst", "zed"], "status\nlist claims\n"),
            (["--analyst=zed", "--sessions", "sessions", "bob"], ["bob", "--analyst=zed", "--sessions", "sessions"], "status\n"),
            (["--sessions", "sessions", "nosuch"], ["nosuch", "--sessions", "sessions"], "list claims\n"),
            (["--sessions", "elsewhere", "ana"], ["ana", "--sessions", "elsewhere"], "list claims\n"),
        ]
        for (direct, parsed, input) in cases {
            let first = try claimdesk(direct, in: try desk(), stdin: input)
            let second = try claimdesk(parsed, in: try desk(), stdin: input)
            #expect(first.status == second.status, "\(direct)")
            #expect(first.stdout == second.stdout, "\(direct)")
            #expect(first.stderr == second.stderr, "\(direct)")
        }
        // They do what they say.
        let listed = try claimdesk(["--sessions", "sessions", "ana"], in: try desk(), stdin: "list claims\n")
        #expect(listed.status == 0 && listed.stdout.contains("American officials"), "\(listed.stderr)")
        let named = try claimdesk(["--analyst=zed", "--sessions", "sessions", "bob"], in: try desk(), stdin: "status\n")
        #expect(named.stdout.contains("analyst   zed"), "\(named.stdout)")
        // Given twice, or with a value that looks like an option, the parser reads them and says what is wrong.
        let twice = try claimdesk(["--sessions", "sessions", "--sessions", "sessions", "ana"], in: try desk(), stdin: "list claims\n")
        let twiceParsed = try claimdesk(["ana", "--sessions", "sessions", "--sessions", "sessions"], in: try desk(), stdin: "list claims\n")
        #expect(twice.status == twiceParsed.status && twice.stdout == twiceParsed.stdout && twice.stderr == twiceParsed.stderr)
        let dashed = try claimdesk(["--analyst", "-c", "ana"], in: try desk())
        #expect(dashed.status != 0, "\(dashed.stdout)")
    }
}
