import Foundation
import Testing

/// `claimdesk merge-driver` as git runs it: a real repository in a temporary folder, the
/// `.gitattributes` and `git config` lines docs/review.md gives, and two branches that edit one session.
@Suite struct MergeDriverTests {
    /// Runs git in `folder`; the test fails on a non-zero status unless `allowFailure`.
    @discardableResult
    func git(_ arguments: [String], in folder: URL, allowFailure: Bool = false) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["HOME"] = folder.path
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        if !allowFailure { try #require(process.terminationStatus == 0, "git \(arguments.joined(separator: " ")): \(text)") }
        return (process.terminationStatus, text)
    }

    func shell(_ script: String, analyst: String, in folder: URL) throws -> ClaimDeskProcess.Result {
        var environment = Transcript.environment
        environment["CLAIMDESK_ANALYST"] = analyst
        let result = try ClaimDeskProcess.run([], stdin: script, in: folder, environment: environment)
        try #require(result.status == 0, "\(script): \(result.stderr)")
        return result
    }

    /// A repository with a session on main and a branch `bob`, set up as docs/review.md says.
    func repository() throws -> URL {
        let folder = try Transcript.workspace()
        try git(["init", "-q", "-b", "main"], in: folder)
        try git(["config", "user.email", "desk@example.org"], in: folder)
        try git(["config", "user.name", "Desk"], in: folder)
        try git(["config", "merge.claimdesk.name", "ClaimDesk sessions"], in: folder)
        try git(["config", "merge.claimdesk.driver", "\(ClaimDeskProcess.executableURL.path) merge-driver %O %A %B %P"], in: folder)
        try Data("sessions/*.json merge=claimdesk\n".utf8).write(to: folder.appendingPathComponent(".gitattributes"))
        try Data("sessions/*.journal\nsessions/*.lock\nsessions/.unsaved/\n".utf8).write(to: folder.appendingPathComponent(".gitignore"))
        try shell("load harbor-talks.txt\nclaim s3 --by American officials\nclaim s6 --by Reyes\nsave harbor\n", analyst: "ana", in: folder)
        try git(["add", "-A"], in: folder)
        try git(["commit", "-qm", "base"], in: folder)
        try git(["checkout", "-qb", "bob"], in: folder)
        return folder
    }

    @Test func separateChangesMergeCleanlyAndBothAdditionsKeepTheirOwnIds() throws {
        let folder = try repository()
        try shell("open harbor\nset c1 verdict mixed\nclaim s10 --by Tidewatch\nsave\n", analyst: "bob", in: folder)
        try git(["commit", "-qam", "bob"], in: folder)
        try git(["checkout", "-q", "main"], in: folder)
        try shell("open harbor\nset c2 kind prediction\nclaim s8 --by Reyes\nsave\n", analyst: "ana", in: folder)
        try git(["commit", "-qam", "ana"], in: folder)
        let merge = try git(["merge", "bob", "-m", "merge bob"], in: folder, allowFailure: true)
        #expect(merge.status == 0, "\(merge.output)")
        #expect(merge.output.contains("harbor.json: their c3 is c4: we added another claim as c3"))
        let listed = try shell("open harbor\nlist claims\nstatus\n", analyst: "ed", in: folder).stdout
        #expect(listed.contains("c1    s3    factual mixed"))
        #expect(listed.contains("c2    s6    prediction unverified"))
        #expect(listed.contains("c3    s8 "))
        #expect(listed.contains("c4    s10   factual unverified  by Tidewatch"))
        #expect(!listed.contains("conflict"))
    }

    @Test func aFieldBothBranchesChangedIsLeftAsAConflictThatCurateSettles() throws {
        let folder = try repository()
        try shell("open harbor\nset c2 kind opinion\nsave\n", analyst: "bob", in: folder)
        try git(["commit", "-qam", "bob"], in: folder)
        try git(["checkout", "-q", "main"], in: folder)
        try shell("open harbor\nset c2 kind prediction\nsave\n", analyst: "ana", in: folder)
        try git(["commit", "-qam", "ana"], in: folder)
        let merge = try git(["merge", "bob", "-m", "merge bob"], in: folder, allowFailure: true)
        #expect(merge.status != 0)
        #expect(merge.output.contains("harbor.json: 1 conflict (x1 on c2); open it and type curate, then git add it"))
        #expect(merge.output.contains("CONFLICT (content): Merge conflict in sessions/harbor.json"))
        // No conflict markers: the file is a session that opens, with the conflict in it.
        let settled = try shell("open harbor\nstatus\nshow x1\nresolve x1 b\nsave\n", analyst: "ed", in: folder).stdout
        #expect(settled.contains("merge     1 conflict open (curate settles them)"))
        #expect(settled.contains("  a  ana (ours)  "))
        #expect(settled.contains("  b  ana (theirs)  "))
        #expect(settled.contains("x1 settled: took b (ana, theirs); c2"))
        try git(["add", "sessions/harbor.json"], in: folder)
        try git(["commit", "-qm", "curated"], in: folder)
        let after = try shell("open harbor\nshow c2\n", analyst: "ed", in: folder).stdout
        #expect(after.contains("opinion"))
    }

    @Test func aFileThatIsNotASessionLeavesOursAndFails() throws {
        let folder = try ClaimDeskProcess.temporaryDirectory()
        let ours = folder.appendingPathComponent("ours.json")
        try Data("{\"format\": \"claimdesk.session\"".utf8).write(to: ours)
        try Data("{}".utf8).write(to: folder.appendingPathComponent("base.json"))
        try Data("{}".utf8).write(to: folder.appendingPathComponent("theirs.json"))
        let result = try ClaimDeskProcess.run(["merge-driver", "base.json", "ours.json", "theirs.json", "sessions/x.json"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: cannot read the common ancestor of x.json: not a ClaimDesk session"))
        #expect(try String(contentsOf: ours, encoding: .utf8) == "{\"format\": \"claimdesk.session\"")
    }
}
