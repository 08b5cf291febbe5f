import ClaimDeskCore
import Foundation
import Testing

/// A session file larger than a release step (4 MB) is read with the bytes behind the reader
/// given back: it opens and exports as any other, and a fault past the released part is
/// reported with the line and column a whole reading gives.
@Suite struct LargeSessionReadingTests {
    /// A folder with `big.json`: the sample article followed by 4.5 MB of filler paragraphs, two
    /// claims and a source.
    func desk() throws -> URL {
        let folder = try Transcript.workspace()
        let sample = try String(contentsOf: folder.appendingPathComponent("harbor-talks.txt"), encoding: .utf8)
        var text = sample
        var n = 0
        while text.utf8.count < 4_500_000 {
            n += 1
            text += "\nParagraph \(n) of the appendix repeats nothing the article said, line for line.\n"
        }
        try text.write(to: folder.appendingPathComponent("big.txt"), atomically: true, encoding: .utf8)
        let result = try ClaimDeskProcess.run(["-c", "load big.txt; claim s3 --by American officials --via The Daily Courier; claim s5 --by Courier; save big"],
                                              stdin: "", in: folder, environment: Transcript.environment)
        try #require(result.status == 0, "setup failed: \(result.stderr)")
        return folder
    }

    @Test func opensAndExportsAsAnyOther() throws {
        let folder = try desk()
        let list = try ClaimDeskProcess.run(["-c", "open big; list claims"], stdin: "", in: folder, environment: Transcript.environment)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("c1 ") && list.stdout.contains("c2 ") && list.stdout.contains("American officials"))
        let out = folder.appendingPathComponent("big.csv").path
        let export = try ClaimDeskProcess.run(["export", "big", "--format", "csv", "-o", out], stdin: "", in: folder, environment: Transcript.environment)
        #expect(export.status == 0, "\(export.stderr)")
        let csv = try String(contentsOfFile: out, encoding: .utf8)
        #expect(csv.contains("c1,") && csv.contains("c2,"))
        // Opened, changed and saved: the file is what a whole reading of it would write again.
        let saved = folder.appendingPathComponent("sessions/big.json")
        let before = try SessionDocument.decode(Data(contentsOf: saved))
        let change = try ClaimDeskProcess.run(["-c", "open big; set c2 verdict false; save"], stdin: "", in: folder, environment: Transcript.environment)
        #expect(change.status == 0, "\(change.stderr)")
        let after = try SessionDocument.decode(Data(contentsOf: saved))
        #expect(after.claims["c2"]?.verdict == "false")
        #expect(after.orderedArticles == before.orderedArticles)
    }

    @Test func aFaultPastTheReleasedBytesIsPlacedAsAWholeReadingPlacesIt() throws {
        let folder = try desk()
        let saved = folder.appendingPathComponent("sessions/big.json")
        var text = try String(contentsOf: saved, encoding: .utf8)
        let range = try #require(text.range(of: "\"verdict\" : \"unverified\"", options: .backwards) ?? text.range(of: "\"verdict\": \"unverified\"", options: .backwards))
        text.replaceSubrange(range, with: "\"verdict\": 7")
        try text.write(to: saved, atomically: true, encoding: .utf8)
        let expected = #expect(throws: SessionDocumentError.self) { try SessionDocument.decode(Data(contentsOf: saved)) }
        let message = try #require(expected?.message)
        #expect(message.contains("line "), "the in-process message places the fault: \(message)")
        let export = try ClaimDeskProcess.run(["export", "big", "--format", "csv", "-o", folder.appendingPathComponent("x.csv").path],
                                              stdin: "", in: folder, environment: Transcript.environment)
        #expect(export.status != 0)
        #expect(export.stderr.contains(message), "\(export.stderr) should say \(message)")
    }
}
