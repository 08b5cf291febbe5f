import ClaimDeskCore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Never lose work: crashes at random moments, damaged and hostile files, locks, a read-only folder
/// and a full disk, against the real binary and the real disk.
@Suite(.serialized) struct DurabilityTests {
    /// A folder with the sample article saved as the session `harbor`.
    func savedHarbor() throws -> URL {
        let folder = try Transcript.workspace()
        let made = try ClaimDeskProcess.run(["harbor-talks.txt", "-c", "save harbor"], in: folder, environment: Transcript.environment)
        #expect(made.status == 0, "\(made.stderr)")
        return folder
    }

    func sessionFile(_ folder: URL) -> URL { folder.appendingPathComponent("sessions/harbor.json") }

    // MARK: - Crashes

    @Test func everyAcknowledgedChangeSurvivesAKillAtARandomMoment() throws {
        let folder = try savedHarbor()
        var random = SplitMix(seed: 2026)
        var acknowledged: [String] = []
        for trial in 0..<24 {
            // Four ways to die, each six times: with a change in flight, inside save, after a save, idle.
            let mode = trial % 4
            let pauseInSave = mode == 1
            let shell = try ShellPipe(["--sessions", "sessions", "harbor"], in: folder,
                                      environment: pauseInSave ? ["CLAIMDESK_TEST_PAUSE_IN_SAVE_MS": "400"] : [:])
            #expect(shell.waitFor("Opened sessions/harbor.json"), "trial \(trial) did not open: \(shell.transcript)")
            for step in 0..<Int(random.next() % 5) + 1 {
                let text = "trial \(trial) step \(step) kept"
                shell.send("proposition add \(text)")
                #expect(shell.waitFor("proposition: \(text)"), "trial \(trial): no answer: \(shell.transcript)")
                acknowledged.append(text)
            }
            switch mode {
            case 0:
                // Killed while a change is on its way: it may or may not be kept.
                shell.send("proposition add trial \(trial) in flight")
                usleep(UInt32(random.next() % 3000))
            case 1:
                // Killed inside save, between the temporary file (written) and the rename.
                shell.send("save")
                usleep(100_000 + UInt32(random.next() % 200_000))
            case 2:
                shell.send("save")
                #expect(shell.waitFor("Saved sessions/harbor.json"), "trial \(trial): save did not answer")
            default:
                break
            }
            shell.killNow()

            let reopened = try ClaimDeskProcess.run(["--sessions", "sessions", "harbor", "-c", "list propositions"], in: folder,
                                                    environment: Transcript.environment)
            #expect(reopened.status == 0, "trial \(trial): reopening failed: \(reopened.stderr)")
            for text in acknowledged {
                #expect(reopened.stdout.contains("  \(text)\n"), "trial \(trial) lost \"\(text)\"")
            }
        }
        #expect(acknowledged.count >= 24)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("sessions").path)
        #expect(!leftovers.contains { $0.contains(".tmp-") }, "temporary files of killed saves were left: \(leftovers)")
        let data = try Data(contentsOf: sessionFile(folder))
        #expect(throws: Never.self) { _ = try SessionDocument.decode(data) }
    }

    // MARK: - Damaged and hostile files

    @Test(arguments: [
        ("truncated", "not valid JSON at line"),
        ("wrong-type", "at analyst (line 2, column 14): expected a string, found a number"),
        ("newer", "it is a version 7 session, newer than this ClaimDesk reads (version 2); upgrade ClaimDesk to open it"),
        ("deep", "nested more than 64 levels deep"),
        ("not-json", "not valid JSON at line 1, column 1: expected a value"),
        ("not-object", "not a ClaimDesk session: it is JSON but not an object"),
    ])
    func aDamagedFileIsReportedWithItsPositionAndLeftUntouched(name: String, message: String) throws {
        let folder = try savedHarbor()
        let good = try Data(contentsOf: sessionFile(folder))
        let bad: Data
        switch name {
        case "truncated": bad = good.prefix(good.count / 3)
        case "wrong-type": bad = Data(String(decoding: good, as: UTF8.self).replacingOccurrences(of: "\"analyst\": \"tester\"", with: "\"analyst\": 42").utf8)
        case "newer": bad = Data(String(decoding: good, as: UTF8.self).replacingOccurrences(of: "\"version\": 2", with: "\"version\": 7").utf8)
        case "deep": bad = Data(("{\"format\": \"claimdesk.session\", \"version\": 1, \"x\": " + String(repeating: "[", count: 5000)
                                 + String(repeating: "]", count: 5000) + "}").utf8)
        case "not-object": bad = Data("[1, 2, 3]".utf8)
        default: bad = Data("Dear editor, this is not JSON.".utf8)
        }
        let file = folder.appendingPathComponent("sessions/\(name).json")
        try bad.write(to: file)
        let result = try ClaimDeskProcess.run(["--sessions", "sessions", "-c", "open \(name); status"], in: folder,
                                              environment: Transcript.environment)
        #expect(result.stderr.hasPrefix("<command>:1: error: cannot open sessions/\(name).json: "), "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.hasSuffix("; the file was left untouched\n"))
        // The shell went on to the next command.
        #expect(result.stdout.contains("session   untitled"))
        #expect(try Data(contentsOf: file) == bad)
    }

    @Test func aMultiGigabyteFileIsRefusedWithoutReadingIt() throws {
        let folder = try savedHarbor()
        let file = folder.appendingPathComponent("sessions/huge.json")
        FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: 3 << 30)
        try handle.close()
        let result = try ClaimDeskProcess.run(["--sessions", "sessions", "-c", "open huge; status"], in: folder,
                                              environment: Transcript.environment)
        #expect(result.stderr == "<command>:1: error: cannot open huge: sessions/huge.json is 3,221,225,472 bytes (3.0 GB), over the 1 GB limit (1,073,741,824 bytes) for a session file\n")
        #expect(result.stdout.contains("session   untitled"))
        try FileManager.default.removeItem(at: file)
    }

    // MARK: - Locks

    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        _ = gethostname(&buffer, buffer.count - 1)
        return String(cString: buffer)
    }

    @Test func aSecondProcessOpensReadOnlyAndNamesTheFirstThenTakesOverItsStaleLock() throws {
        let folder = try savedHarbor()
        let first = try ShellPipe(["--sessions", "sessions", "harbor"], in: folder, environment: ["CLAIMDESK_NOW": "1800000000"])
        #expect(first.waitFor("Opened sessions/harbor.json"))
        // The holder as the lock file names it: process, host (`gethostname`) and the time it took the lock.
        let holder = "claimdesk pid \(first.pid) on \(Self.hostName()) since 2027-01-15T08:00:00Z"
        let second = try ClaimDeskProcess.run(["--sessions", "sessions", "harbor", "-c", "claim s3"], in: folder,
                                              environment: Transcript.environment)
        #expect(second.stdout.contains("sessions/harbor.json is being edited by \(holder); opened read-only"), "\(second.stdout)")
        #expect(second.stderr.contains("error: this session is read-only (being edited by \(holder)"))
        first.killNow()

        let third = try ClaimDeskProcess.run(["--sessions", "sessions", "harbor", "-c", "claim s3"], in: folder,
                                             environment: Transcript.environment)
        #expect(third.stdout.contains("took over a stale lock left by \(holder), which is no longer running"), "\(third.stdout)")
        #expect(third.stdout.contains("c1  claim: "))
        #expect(third.stderr.isEmpty)
    }

    // MARK: - Disk errors

    @Test func aReadOnlyFolderIsSaidAtOnceAndNothingIsWritten() throws {
        let folder = try savedHarbor()
        let sessions = folder.appendingPathComponent("sessions")
        let before = try Data(contentsOf: sessionFile(folder))
        let entries = try FileManager.default.contentsOfDirectory(atPath: sessions.path).sorted()
        // Permissions do not bind root: run as nobody then.
        let asNobody = geteuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        for file in try FileManager.default.contentsOfDirectory(atPath: sessions.path) {
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: sessions.appendingPathComponent(file).path)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: sessions.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: sessions.path) }

        let shell = try ShellPipe(["--sessions", "sessions", "harbor"], in: folder, prefix: asNobody)
        shell.send("claim s3")
        shell.send("save")
        shell.send("status")
        let status = shell.finish()
        let transcript = shell.transcript
        #expect(transcript.contains("sessions/harbor.json opened read-only: cannot write beside it ("), "\(transcript)")
        #expect(transcript.contains("<stdin>:1: error: this session is read-only (cannot write beside it: "))
        #expect(transcript.contains("<stdin>:2: error: this session is read-only"))
        #expect(transcript.contains("read-only: cannot write beside it"))
        #expect(status == 1)
        #expect(try Data(contentsOf: sessionFile(folder)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: sessions.path).sorted() == entries)
    }

    @Test func aFullDiskKeepsTheSessionInMemoryAndTheFilesConsistent() throws {
        let folder = try savedHarbor()
        let before = try Data(contentsOf: sessionFile(folder))
        // Writes past 2 KB fail as they would on a full disk (EFBIG instead of ENOSPC).
        let shell = try ShellPipe(["--sessions", "sessions", "harbor"], in: folder, prefix: ["/usr/bin/prlimit", "--fsize=2048"])
        #expect(shell.waitFor("Opened sessions/harbor.json"))
        var journalled: [String] = []
        var failedAt: Int? = nil
        for step in 0..<12 {
            shell.send("proposition add full disk step \(step)")
            #expect(shell.waitFor("proposition: full disk step \(step)"))
            if failedAt == nil {
                usleep(20_000)
                if shell.transcript.contains("warning: could not write the journal") { failedAt = step } else { journalled.append("full disk step \(step)") }
            }
        }
        let failed = try #require(failedAt, "the journal never hit the limit: \(shell.transcript)")
        #expect(shell.transcript.contains("the change is kept in memory only; save to keep your work"))
        shell.send("list propositions")
        #expect(shell.waitFor("full disk step 11"), "the session in memory lost changes")
        shell.send("save")
        #expect(shell.waitFor("error: could not save to sessions/harbor.json: File too large; your work is still here and in the journal"))
        shell.killNow()

        // The snapshot is the old one, whole; the journal replays what it took before the disk filled.
        #expect(try Data(contentsOf: sessionFile(folder)) == before)
        let reopened = try ClaimDeskProcess.run(["--sessions", "sessions", "harbor", "-c", "list propositions"], in: folder,
                                                environment: Transcript.environment)
        #expect(reopened.status == 0, "\(reopened.stderr)")
        for text in journalled { #expect(reopened.stdout.contains(text)) }
        #expect(!reopened.stdout.contains("full disk step \(failed)\n"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("sessions").path)
        #expect(!leftovers.contains { $0.contains(".tmp-") }, "a temporary file was left: \(leftovers)")
    }
}

/// A small deterministic generator for the crash test's choices.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
