import Foundation
import Testing

/// `claimdesk merge` on two analysts' sessions of the sample article, then curation in the shell.
@Suite struct MergeCommandTests {
    @Test func mergeWritesTheAgreedAnnotationsOnceAndEachDisagreementAsAConflict() throws {
        let folder = try ComparisonCommandTests().twoAnalysts()
        let result = try ClaimDeskProcess.run(["merge", "ana", "bob", "-o", "desk.json", "--analyst", "ed"], in: folder,
                                              environment: Transcript.environment)
        #expect(result.status == 1, "conflicts were written: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Merged 2 sessions (ana, bob) into desk.json: 1 article, 4 sources, 5 annotations")
        #expect(lines.contains("  annotations: 1 agreed, 3 conflicts (1 only in some, 2 with different labels or spans)"))
        #expect(lines.contains("    bob src1 “American officials” → src1 “American officials”"))
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("desk.json"))) as? [String: Any]
        #expect((document?["conflicts"] as? [Any])?.count == 3)
        #expect(document?["analyst"] as? String == "ed")

        // The merged file opens in the shell; resolving every conflict lets it export.
        let shell = try ClaimDeskProcess.run(["desk.json"], stdin: """
            status
            curate
            resolve x1 a
            resolve x2 b
            export csv out.csv
            resolve x3 b
            status
            export csv out.csv
            save
            """, in: folder, environment: Transcript.environment)
        #expect(shell.stdout.contains("merge     3 conflicts open (curate settles them)\n"))
        #expect(shell.stdout.contains("x1    c2 span, kind"))
        #expect(shell.stderr.contains("error: cannot export csv: the session has 1 open conflict from a merge"))
        #expect(shell.stdout.contains("x3 settled: took b (bob); st1\n"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.csv").path))
        let saved = try String(contentsOf: folder.appendingPathComponent("desk.json"), encoding: .utf8)
        #expect(!saved.contains("\"conflicts\""))
    }

    @Test func mergeRefusesToOverwriteAndNeedsTwoSessions() throws {
        let folder = try ComparisonCommandTests().twoAnalysts()
        try Data("{}".utf8).write(to: folder.appendingPathComponent("taken.json"))
        let refused = try ClaimDeskProcess.run(["merge", "ana", "bob", "-o", "taken.json"], in: folder, environment: Transcript.environment)
        #expect(refused.status == 2)
        #expect(refused.stderr == "error: taken.json exists; choose another path or add --force to replace it\n")
        let one = try ClaimDeskProcess.run(["merge", "ana", "-o", "x.json"], in: folder, environment: Transcript.environment)
        #expect(one.status != 0)
        #expect(one.stderr.contains("merge needs at least two sessions"))
        let same = try ClaimDeskProcess.run(["merge", "ana", "sessions/ana.json", "-o", "same.json"], in: folder,
                                            environment: Transcript.environment)
        #expect(same.status == 0, "a session merged with itself agrees everywhere: \(same.stderr)")
    }
}
