import Foundation
import Testing

/// Looking is not working: a run that only loads and reads an article leaves no file behind, and the
/// journal starts with the analyst's first change (which then keeps the load before it).
@Suite struct ReadingLeavesNoTraceTests {
    /// Every file under `sessions/` (hidden folders included), relative to it.
    func filesUnderSessions(_ folder: URL) -> [String] {
        let sessions = folder.appendingPathComponent("sessions").path
        guard let walker = FileManager.default.enumerator(atPath: sessions) else { return [] }
        return walker.compactMap { $0 as? String }.filter { path in
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: sessions + "/" + path, isDirectory: &isFolder)
            return !isFolder.boolValue
        }.sorted()
    }

    @Test func loadingAndShowingLeavesNoSessionJournalOrLock() throws {
        let folder = try Transcript.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try ClaimDeskProcess.run(["harbor-talks.txt", "-c", "show p3; list; find Reyes; status"], in: folder,
                                           environment: Transcript.environment)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("s3  The Daily Courier reported"))
        #expect(run.stdout.contains("changes   none yet"))
        #expect(filesUnderSessions(folder) == [], "a run that changed nothing left files behind")
    }

    /// The user's complaint, end to end: after a look with `-c show`, a bare `claimdesk` in a terminal
    /// starts a new session instead of reopening an "unsaved" one.
    @Test func aBareClaimdeskAfterALookReopensNothing() throws {
        let folder = try Transcript.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let look = try ClaimDeskProcess.run(["harbor-talks.txt", "-c", "show"], in: folder, environment: Transcript.environment)
        #expect(look.status == 0, "\(look.stderr)")
        let terminal = try PseudoTerminalSession(environment: [
            "PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": folder.appendingPathComponent("home").path, "CLAIMDESK_HISTORY": "",
            "CLAIMDESK_ANALYST": "tester", "CLAIMDESK_NOW": "1790000000", "TERM": "xterm", "NO_COLOR": "1",
        ], directory: folder)
        let start = try terminal.expect("untitled> ")
        #expect(!start.contains("Reopened"), "\(start)")
        try terminal.send("quit\r")
        #expect(try terminal.waitForExit() == 0)
        #expect(filesUnderSessions(folder) == [])
    }

    @Test func theFirstChangeStartsAJournalThatKeepsTheLoad() throws {
        let folder = try Transcript.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try ClaimDeskProcess.run(["harbor-talks.txt", "-c", "show p3; claim s3 --by Courier"], in: folder,
                                           environment: Transcript.environment)
        #expect(run.status == 0, "\(run.stderr)")
        let files = filesUnderSessions(folder)
        #expect(files.count == 1 && files.allSatisfy { $0.hasPrefix(".unsaved/") && $0.hasSuffix(".journal") },
                "expected one unsaved journal and no lock file, found \(files)")
        let journal = try String(contentsOf: folder.appendingPathComponent("sessions/" + (files.first ?? "")), encoding: .utf8)
        let lines = journal.split(separator: "\n")
        #expect(lines.count == 3, "header, load, claim: \(journal)")
        #expect(lines.count == 3 && lines[1].contains("\"summary\":\"load harbor-talks.txt\""))
        #expect(lines.count == 3 && lines[2].contains("\"summary\":\"claim c1\""))
    }
}
