import Foundation
import Testing

/// The team store through the real binary: a lease that a killed client's death frees, push and
/// pull, and one-line errors. Needs `CLAIMDESK_TEST_STORE` (`bash .ci/test` provides it).
@Suite(.serialized, .enabled(if: TeamStoreServer.enabled, "CLAIMDESK_SKIP_STORE_TESTS=1"))
struct TeamStoreEndToEndTests {
    /// The sample article's folder, with the store named in the environment and a session name of its own.
    func workspace() throws -> (folder: URL, environment: [String: String], name: String)? {
        guard let url = TeamStoreServer.url() else { return nil }
        let folder = try Transcript.workspace()
        var environment = Transcript.environment
        environment["CLAIMDESK_STORE"] = url
        environment["CLAIMDESK_STORE_RETRY_MS"] = "0"
        return (folder, environment, "harbor-" + UUID().uuidString.prefix(8).lowercased())
    }

    @Test func aKilledEditorsLeaseIsFreeAtOnceAndItsAcknowledgedChangesAreKept() throws {
        guard let (folder, environment, name) = try workspace() else { return }
        let made = try ClaimDeskProcess.run(["harbor-talks.txt", "-c", "claim s3 --by Courier; save \(name)"], in: folder, environment: environment)
        #expect(made.status == 0, "\(made.stderr)")

        let editor = try ShellPipe([name], in: folder, environment: environment)
        #expect(editor.waitFor("Opened store:\(name)"))
        editor.send("tag c1 escalation")
        #expect(editor.waitFor("c1  tagged escalation"))

        let reader = try ClaimDeskProcess.run([name, "-c", "tag c1 other"], in: folder, environment: environment)
        #expect(reader.status == 1)
        #expect(reader.stdout.contains("Opened store:\(name): 1 article, 1 source, 1 annotation (read-only)"))
        #expect(reader.stderr == "<command>:1: error: this session is read-only (being edited by claimdesk pid \(editor.pid) on "
                + "\(ProcessInfo.processInfo.hostName) since 2026-09-21T14:13:20Z); save it under a new name to edit a copy\n")

        editor.killNow()
        let next = try ClaimDeskProcess.run([name, "-c", "tag c1 second; list claims"], in: folder, environment: environment)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(!next.stdout.contains("read-only"))
        #expect(next.stdout.contains("#escalation #second"))
    }

    @Test func pushAndPullCarryASessionBetweenTheFolderAndTheStore() throws {
        guard let (folder, environment, name) = try workspace() else { return }
        var local = environment
        local["CLAIMDESK_STORE"] = ""
        let made = try ClaimDeskProcess.run(["harbor-talks.txt", "-c", "claim s3 --by Courier; save \(name); tag c1 unsaved"], in: folder, environment: local)
        #expect(made.status == 0, "\(made.stderr)")

        let push = try ClaimDeskProcess.run(["push", name], in: folder, environment: environment)
        #expect(push.status == 0, "\(push.stderr)")
        #expect(push.stdout.hasPrefix("Pushed \(name) to the team store at "))
        #expect(push.stderr == "included 1 journalled change not yet saved in sessions/\(name).json\n")

        // Someone edits it in the store; pushing the older local copy over it is refused.
        let edit = try ClaimDeskProcess.run([name, "-c", "tag c1 remote"], in: folder, environment: environment)
        #expect(edit.status == 0, "\(edit.stderr)")
        let again = try ClaimDeskProcess.run(["push", name], in: folder, environment: environment)
        #expect(again.status == 1)
        #expect(again.stderr == "error: \(name) in the team store has changed since it was last pulled or pushed from here; "
                + "pull it first (pull --force replaces the local copy), or push --force to replace it\n")

        let pull = try ClaimDeskProcess.run(["pull", name], in: folder, environment: environment)
        #expect(pull.status == 0, "\(pull.stderr)")
        #expect(pull.stdout == "Pulled \(name) from the team store into sessions/\(name).json (1 article, 1 source, 1 annotation)\n")
        let shown = try ClaimDeskProcess.run([name, "-c", "list claims"], in: folder, environment: local)
        #expect(shown.stdout.contains("#remote #unsaved"))

        // A local change never pushed is not overwritten by a pull.
        _ = try ClaimDeskProcess.run([name, "-c", "tag c1 mine; save"], in: folder, environment: local)
        let refused = try ClaimDeskProcess.run(["pull", name], in: folder, environment: environment)
        #expect(refused.status == 1)
        #expect(refused.stderr == "error: sessions/\(name).json has changes that were never pushed; push it first, or pull --force to replace it with the team store's\n")
        let pushed = try ClaimDeskProcess.run(["push", name], in: folder, environment: environment)
        #expect(pushed.status == 0, "\(pushed.stderr)")
    }

    @Test func theCorpusIndexReadsEveryTeamSessionFromTheStore() throws {
        guard let (folder, environment, name) = try workspace() else { return }
        let made = try ClaimDeskProcess.run(["harbor-talks.txt", "-c", "claim s3 --by Courier; tag c1 indexed-\(name); save \(name)"],
                                            in: folder, environment: environment)
        #expect(made.status == 0, "\(made.stderr)")
        let index = folder.appendingPathComponent("team.sqlite").path
        // Without folders, `index` reads the store CLAIMDESK_STORE names.
        let built = try ClaimDeskProcess.run(["index", "--index", index], in: folder, environment: environment)
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stdout.hasPrefix("Indexed "))
        let found = try ClaimDeskProcess.run(["query", "--tag", "indexed-\(name)", "--index", index, "--format", "csv"], in: folder, environment: environment)
        #expect(found.stdout.contains("\(name),c1,"), "\(found.stdout) \(found.stderr)")

        // A change in the store (journalled, not saved) is indexed by the next refresh.
        let changed = try ClaimDeskProcess.run([name, "-c", "set c1 verdict false"], in: folder, environment: environment)
        #expect(changed.status == 0, "\(changed.stderr)")
        _ = try ClaimDeskProcess.run(["index", "--index", index], in: folder, environment: environment)
        let verdict = try ClaimDeskProcess.run(["query", "--tag", "indexed-\(name)", "--verdict", "false", "--index", index, "--format", "csv"],
                                               in: folder, environment: environment)
        #expect(verdict.stdout.contains("\(name),c1,"), "\(verdict.stdout) \(verdict.stderr)")

        // Refreshing a folder into the same index keeps the store's sessions.
        var local = environment
        local["CLAIMDESK_STORE"] = ""
        let folderRefresh = try ClaimDeskProcess.run(["index", "sessions", "--index", index], in: folder, environment: local)
        #expect(folderRefresh.status == 0, "\(folderRefresh.stderr)")
        let still = try ClaimDeskProcess.run(["query", "--tag", "indexed-\(name)", "--index", index, "--format", "csv"], in: folder, environment: local)
        #expect(still.stdout.contains("\(name),c1,"), "\(still.stdout) \(still.stderr)")

        let both = try ClaimDeskProcess.run(["index", "sessions", "--store", environment["CLAIMDESK_STORE"] ?? "", "--index", index],
                                            in: folder, environment: local)
        #expect(both.status == 1)
        #expect(both.stderr.contains("index reads either folders or a team store"))
    }

    @Test func aStoreOutOfReachIsOneLine() throws {
        guard try workspace() != nil else { return }
        let folder = try Transcript.workspace()
        let result = try ClaimDeskProcess.run(["--store", "postgresql://me:pw@127.0.0.1:1/x", "harbor", "-c", "list"], in: folder,
                                              environment: Transcript.environment)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("claimdesk: error: cannot open harbor: the team store at postgresql://me@127.0.0.1:1/x is out of reach (connection to server at "))
        #expect(result.stderr.split(separator: "\n").count == 1)
        let push = try ClaimDeskProcess.run(["push", "harbor"], in: folder, environment: Transcript.environment.merging(["CLAIMDESK_STORE": ""]) { $1 })
        #expect(push.stderr == "error: no team store given; pass --store postgresql://… or set CLAIMDESK_STORE\n")
    }
}

/// The server of `CLAIMDESK_TEST_STORE` (see `.ci/test`); its absence fails these tests with a
/// message saying how to start one, unless `CLAIMDESK_SKIP_STORE_TESTS=1`.
enum TeamStoreServer {
    static let environment = ProcessInfo.processInfo.environment
    static let enabled = environment["CLAIMDESK_TEST_STORE"].map { !$0.isEmpty } == true || environment["CLAIMDESK_SKIP_STORE_TESTS"] != "1"

    static func url() -> String? {
        guard let url = environment["CLAIMDESK_TEST_STORE"], !url.isEmpty else {
            let message = "CLAIMDESK_TEST_STORE is not set: run the tests with bash .ci/test, or start a server with "
                + "eval \"$(.ci/postgres start /tmp/claimdesk-pg)\" first (CLAIMDESK_SKIP_STORE_TESTS=1 skips these tests)"
            Issue.record(Comment(rawValue: message))
            return nil
        }
        return url
    }
}
