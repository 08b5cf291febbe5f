import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Work lost without a crash: a read-only copy, a journal over another snapshot, a full disk in a
/// script, a deleted lock file, a replaced session file, planted symbolic links. Each runs the real
/// binary, with a second process where the fault needs one.
extension DurabilityTests {
    func run(_ folder: URL, _ arguments: [String], prefix: [String] = [], stdin: String = "") throws -> ClaimDeskProcess.Result {
        try ClaimDeskProcess.run(["--sessions", "sessions"] + arguments, stdin: stdin, in: folder, environment: Transcript.environment,
                                 prefix: prefix)
    }

    func file(_ folder: URL, _ path: String) -> URL { folder.appendingPathComponent(path) }

    func entries(_ folder: URL, _ path: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: file(folder, path).path).sorted()
    }

    // MARK: - A read-only copy

    @Test func aReadOnlyCopyNeverRemovesTheEditorsJournal() throws {
        let folder = try savedHarbor()
        let editor = try ShellPipe(["--sessions", "sessions", "harbor"], in: folder)
        #expect(editor.waitFor("Opened sessions/harbor.json"))
        editor.send("proposition add the editor's unsaved work")
        #expect(editor.waitFor("proposition: the editor's unsaved work"))

        let copy = try run(folder, ["harbor", "-c", "save harbor-copy"])
        #expect(copy.status == 0, "\(copy.stderr)")
        #expect(copy.stdout.contains("; opened read-only"))
        #expect(copy.stdout.contains("Saved sessions/harbor-copy.json"))
        let journal = try String(contentsOf: file(folder, "sessions/harbor.journal"), encoding: .utf8)
        #expect(journal.contains("the editor's unsaved work"))

        // The editor's process dies without saving: its change comes back from its journal.
        editor.killNow()
        let reopened = try run(folder, ["harbor", "-c", "list propositions"])
        #expect(reopened.stdout.contains("the editor's unsaved work"), "\(reopened.stdout)")
    }

    // MARK: - A journal belongs to one snapshot

    @Test func aJournalIsNeverReplayedOverAColleaguesNewerSave() throws {
        let folder = try savedHarbor()
        #expect(try run(folder, ["harbor", "-c", "claim s3; save"]).status == 0)
        let base = try Data(contentsOf: sessionFile(folder))
        #expect(try run(folder, ["harbor", "-c", "tag c1 colleague; save"]).status == 0)
        let colleagues = try Data(contentsOf: sessionFile(folder))
        try base.write(to: sessionFile(folder))
        // My unsaved change, journalled over the base; then the colleague's save is synced in.
        #expect(try run(folder, ["harbor", "-c", "set c1 verdict false"]).status == 0)
        let journal = try Data(contentsOf: file(folder, "sessions/harbor.journal"))
        try colleagues.write(to: sessionFile(folder))

        let opened = try run(folder, ["harbor", "-c", "show c1"])
        #expect(opened.stdout.contains("warning: sessions/harbor.journal continues another version of sessions/harbor.json"), "\(opened.stdout)")
        #expect(opened.stdout.contains("none of its changes were applied; it was kept as sessions/harbor.journal.unmatched-"))
        #expect(!opened.stdout.contains("recovered"))
        #expect(opened.stdout.contains("  tags       colleague\n"))
        #expect(opened.stdout.contains("verdict unverified"))
        #expect(try Data(contentsOf: sessionFile(folder)) == colleagues)
        let aside = try #require(try entries(folder, "sessions").first { $0.hasPrefix("harbor.journal.unmatched-") })
        #expect(try Data(contentsOf: file(folder, "sessions/" + aside)) == journal)

        // Looking at it, read-only: my change is there.
        let look = try run(folder, ["-c", "open --journal sessions/\(aside); show c1; set c1 verdict true"])
        #expect(look.stdout.contains("Opened the journal sessions/\(aside) over sessions/harbor.json: 1 change"), "\(look.stdout)")
        #expect(look.stdout.contains("verdict false"))
        #expect(look.stderr.contains("error: this session is read-only (a look at the journal sessions/\(aside))"))
    }

    @Test func anotherSessionsJournalCopiedInChangesNothing() throws {
        let folder = try savedHarbor()
        #expect(try run(folder, ["harbor", "-c", "claim s3; save"]).status == 0)
        let before = try run(folder, ["harbor", "-c", "list claims"]).stdout
        // Another session over the same article, whose journal makes its own c1 and removes it.
        #expect(try run(folder, ["harbor-talks.txt", "-c", "save gulf"]).status == 0)
        #expect(try run(folder, ["gulf", "-c", "claim s5; tag c1 gulf; rm c1; claim s6"]).status == 0)
        try? FileManager.default.removeItem(at: file(folder, "sessions/harbor.journal"))
        try FileManager.default.copyItem(at: file(folder, "sessions/gulf.journal"), to: file(folder, "sessions/harbor.journal"))

        // claimdesk export replays by the same rules, writing nothing.
        let exported = try ClaimDeskProcess.run(["export", "harbor", "--sessions", "sessions", "--format", "csv"], in: folder,
                                                environment: Transcript.environment)
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stderr.contains("warning: sessions/harbor.journal continues another version of sessions/harbor.json; "
                                         + "its changes were left out"), "\(exported.stderr)")
        #expect(exported.stdout.contains("c1,claim,") && exported.stdout.contains("The Daily Courier reported"))
        #expect(!exported.stdout.contains("gulf"))

        let opened = try run(folder, ["harbor", "-c", "list claims"])
        #expect(opened.stdout.contains("continues another version of sessions/harbor.json"), "\(opened.stdout)")
        #expect(!opened.stdout.contains("recovered"))
        #expect(opened.stdout.hasSuffix(before.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n")),
                "\(opened.stdout) vs \(before)")
    }

    @Test func aNewerJournalIsSaidToBeNewerAndLeftUntouched() throws {
        let folder = try savedHarbor()
        #expect(try run(folder, ["harbor", "-c", "claim s3"]).status == 0)
        let path = file(folder, "sessions/harbor.journal")
        let newer = Data(try String(contentsOf: path, encoding: .utf8).replacingOccurrences(of: "\"version\":2}", with: "\"version\":9}").utf8)
        try newer.write(to: path)
        let opened = try run(folder, ["harbor", "-c", "status"])
        #expect(opened.stdout.contains("warning: sessions/harbor.journal was written by a newer ClaimDesk (journal version 9); "
                                       + "nothing in it was applied and it was left untouched; opened read-only"), "\(opened.stdout)")
        #expect(!opened.stdout.contains("damaged"))
        #expect(try Data(contentsOf: path) == newer)
        #expect(!(try entries(folder, "sessions")).contains { $0.contains("damaged") })
    }

    // MARK: - A full disk in a script

    @Test func aScriptEndingWithUnjournalledChangesSaysSoAndFails() throws {
        let folder = try savedHarbor()
        let script = (0..<12).map { "proposition add full disk step \($0)" }.joined(separator: "\n") + "\n"
        // Writes past 2 KB fail as they would on a full disk (EFBIG instead of ENOSPC).
        let limited = ["/usr/bin/prlimit", "--fsize=2048"]
        let result = try run(folder, ["harbor"], prefix: limited, stdin: script)
        #expect(result.status == 1)
        #expect(result.stdout.contains("full disk step 11"))
        #expect(result.stderr.contains("changes are neither saved nor journalled (the journal could not be written: File too large) "
                                       + "and lost as this run ends"), "\(result.stderr)")

        // `quit` ends the run the same way.
        let quitting = try run(try savedHarbor(), ["harbor"], prefix: limited, stdin: script + "quit\nproposition add after quit\n")
        #expect(quitting.status == 1)
        #expect(quitting.stderr.contains("changes are neither saved nor journalled"), "\(quitting.stderr)")
        #expect(!quitting.stdout.contains("after quit"))

        // With --bail the script stops at the first change that could not be journalled (line L, step L - 1).
        let fresh = try savedHarbor()
        let bailed = try run(fresh, ["harbor", "--bail"], prefix: limited, stdin: script)
        #expect(bailed.status == 1)
        let failedLine = try #require(bailed.stderr.split(separator: ":").dropFirst().first.flatMap { Int($0) }, "\(bailed.stderr)")
        #expect(bailed.stderr == "<stdin>:\(failedLine): error: the change could not be journalled (File too large); stopped (--bail); "
                + "1 change is neither saved nor journalled and lost\n")
        #expect(bailed.stdout.contains("full disk step \(failedLine - 1)\n"))
        #expect(!bailed.stdout.contains("full disk step \(failedLine)\n"))
    }

    // MARK: - Locks

    @Test func noLockFileIsLeftBehindByARunThatEnds() throws {
        let folder = try savedHarbor()
        #expect(try run(folder, ["harbor", "-c", "claim s3; save; save harbor-2"]).status == 0)
        #expect(try run(folder, ["harbor-talks.txt", "-c", "claim s4"]).status == 0)
        let leftovers = try entries(folder, "sessions") + entries(folder, "sessions/.unsaved")
        #expect(!leftovers.contains { $0.hasSuffix(".lock") }, "\(leftovers)")
    }

    @Test func aDeletedLockFileStopsTheFirstWriterBeforeItLosesTheSecondsWork() throws {
        let folder = try savedHarbor()
        let first = try ShellPipe(["--sessions", "sessions", "harbor"], in: folder)
        #expect(first.waitFor("Opened sessions/harbor.json"))
        first.send("claim s3")
        #expect(first.waitFor("c1  claim"))
        try FileManager.default.removeItem(at: file(folder, "sessions/harbor.lock"))

        let second = try run(folder, ["harbor", "-c", "claim s4; save"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("Saved sessions/harbor.json (1 article, 0 sources, 2 annotations)"))
        let saved = try Data(contentsOf: sessionFile(folder))

        first.send("claim s5")
        #expect(first.waitFor("error: harbor: its lock file sessions/harbor.lock was deleted"), "\(first.transcript)")
        #expect(first.waitFor("this shell is read-only from here; save NEWNAME keeps your work as a copy"))
        first.send("save")
        #expect(first.waitFor("error: this session is read-only (lost its lock: "))
        first.send("save harbor-first")
        #expect(first.waitFor("Saved sessions/harbor-first.json (1 article, 0 sources, 1 annotation)"))
        #expect(first.finish() == 1)

        #expect(try Data(contentsOf: sessionFile(folder)) == saved)
        let reopened = try run(folder, ["harbor", "-c", "list claims"])
        #expect(reopened.stdout.contains("c2    s4 "), "\(reopened.stdout)")
        #expect(!reopened.stdout.contains(" s5 "))
    }

    @Test func aSessionFileReplacedWhileOpenIsNeverOverwritten() throws {
        let folder = try savedHarbor()
        let shell = try ShellPipe(["--sessions", "sessions", "harbor"], in: folder)
        #expect(shell.waitFor("Opened sessions/harbor.json"))
        shell.send("claim s3")
        #expect(shell.waitFor("c1  claim"))
        // A sync brings in a colleague's version of the file.
        let theirs = Data(try String(contentsOf: sessionFile(folder), encoding: .utf8)
            .replacingOccurrences(of: "\"analyst\": \"tester\"", with: "\"analyst\": \"colleague\"").utf8)
        try theirs.write(to: sessionFile(folder))
        shell.send("save")
        #expect(shell.waitFor("error: sessions/harbor.json was changed on the disk since this shell read it (another save, a sync or a copy); "
                              + "nothing was written; save NEWNAME keeps your work beside it"), "\(shell.transcript)")
        shell.send("save harbor-mine")
        #expect(shell.waitFor("Saved sessions/harbor-mine.json (1 article, 0 sources, 1 annotation)"))
        _ = shell.finish()
        #expect(try Data(contentsOf: sessionFile(folder)) == theirs)
    }

    // MARK: - Planted symbolic links

    @Test func savesExportsAndJournalsNeverWriteThroughAPlantedSymlink() throws {
        let folder = try savedHarbor()
        let victims = ["victim-save.txt", "victim-export.txt", "victim-journal.txt"]
        for victim in victims { try Data("precious\n".utf8).write(to: file(folder, victim)) }
        try FileManager.default.createDirectory(at: file(folder, "exports"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: file(folder, "sessions/gulf.journal").path, withDestinationPath: "../victim-journal.txt")
        let shell = try ShellPipe(["--sessions", "sessions", "harbor"], in: folder)
        #expect(shell.waitFor("Opened sessions/harbor.json"))
        // The names a temporary file used to get (dot, name, .tmp-, process id), planted before the writes.
        try FileManager.default.createSymbolicLink(atPath: file(folder, "sessions/.harbor.json.tmp-\(shell.pid)").path,
                                                   withDestinationPath: "../victim-save.txt")
        try FileManager.default.createSymbolicLink(atPath: file(folder, "exports/.x.csv.tmp-\(shell.pid)").path,
                                                   withDestinationPath: "../victim-export.txt")
        shell.send("claim s3")
        shell.send("save")
        #expect(shell.waitFor("Saved sessions/harbor.json"))
        shell.send("export csv exports/x.csv")
        #expect(shell.waitFor("Exported 1 annotation as CSV to exports/x.csv"))
        shell.send("save gulf")
        shell.send("claim s4")
        #expect(shell.waitFor("c2  claim"))
        _ = shell.finish()
        for victim in victims {
            #expect(try String(contentsOf: file(folder, victim), encoding: .utf8) == "precious\n", "\(victim) was written through a link")
        }
        let saved = try FileManager.default.attributesOfItem(atPath: sessionFile(folder).path)
        #expect(saved[.type] as? FileAttributeType == .typeRegular)
        #expect(try String(contentsOf: file(folder, "exports/x.csv"), encoding: .utf8).hasPrefix("id,type,"))
        #expect(shell.transcript.contains("Saved sessions/gulf.json"), "\(shell.transcript)")
        let journal = try FileManager.default.attributesOfItem(atPath: file(folder, "sessions/gulf.journal").path)
        #expect(journal[.type] as? FileAttributeType == .typeRegular)
    }
}
