import Foundation

/// A batch transcript: a script of commands in `Transcripts/NAME.script`, the exact standard output
/// in `NAME.out` and standard error in `NAME.err` (empty when absent). A `# exit: N` line in the
/// script gives the expected exit status (0 when absent).
struct Transcript {
    let name: String

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Transcripts")
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    /// The package's own sample article.
    static let sampleArticle = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/examples/harbor-talks.txt")

    static var all: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".script") }.map { String($0.dropLast(".script".count)) }.sorted()
    }

    var script: URL { Self.folder.appendingPathComponent(name + ".script") }

    func expected(_ ext: String) -> String {
        (try? String(contentsOf: Self.folder.appendingPathComponent(name + "." + ext), encoding: .utf8)) ?? ""
    }

    var expectedStatus: Int32 {
        let text = (try? String(contentsOf: script, encoding: .utf8)) ?? ""
        for line in text.split(separator: "\n") where line.hasPrefix("# exit: ") {
            return Int32(line.dropFirst("# exit: ".count)) ?? -1
        }
        return 0
    }

    /// A working folder with the sample article and the fixtures beside each other.
    static func workspace() throws -> URL {
        let folder = try ClaimDeskProcess.temporaryDirectory()
        try FileManager.default.copyItem(at: sampleArticle, to: folder.appendingPathComponent("harbor-talks.txt"))
        for file in try FileManager.default.contentsOfDirectory(atPath: fixtures.path) {
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent(file), to: folder.appendingPathComponent(file))
        }
        return folder
    }

    /// The fixed environment of every transcript: a pinned clock, an analyst, no colour.
    static let environment = ["CLAIMDESK_NOW": "1790000000", "CLAIMDESK_ANALYST": "tester", "NO_COLOR": "1"]
}
