import Foundation
import Testing

/// `import brat DIR --map MAP.json` on the example corpus in docs/examples/brat-attribution: two
/// annotators' folders over one text, each imported into a session of its own, ready for agree.
@Suite struct BratMapImportTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/examples/brat-attribution")

    func importAnnotator(_ name: String, in folder: URL) throws -> ClaimDeskProcess.Result {
        var environment = Transcript.environment
        environment["CLAIMDESK_ANALYST"] = name
        let corpus = Self.corpus.path
        return try ClaimDeskProcess.run(["-c", "import brat \(corpus)/\(name) --map \(corpus)/map.json; save \(name); list claims"],
                                        in: folder, environment: environment)
    }

    @Test func eachAnnotatorsFolderBecomesASessionWithClaimsAttributedByTheMap() throws {
        let folder = try ClaimDeskProcess.temporaryDirectory()
        let ana = try importAnnotator("ana", in: folder)
        #expect(ana.status == 0, "\(ana.stderr)")
        #expect(ana.stdout.contains("Loaded \"Minister says port fees will fall\""), "the text comes from the corpus folder above")
        #expect(ana.stdout.contains("imported 6, could not anchor 0"))
        #expect(ana.stdout.contains("new source src3 \"the port authority\" (organisation)"))
        #expect(ana.stdout.contains("by Lena Ortiz"))
        #expect(ana.stdout.contains("harbor fees"))
        let bob = try importAnnotator("bob", in: folder)
        #expect(bob.status == 0, "\(bob.stderr)")
        #expect(bob.stdout.contains("  harbor-fees: 1 Place annotation left out: the type Place is not in the map"))
        let agree = try ClaimDeskProcess.run(["agree", "ana", "bob"], in: folder, environment: Transcript.environment)
        #expect(agree.status == 0)
        #expect(agree.stdout.split(separator: "\n").contains { $0.hasPrefix("claim spans") && $0.contains("3/2") })
    }

    @Test func aBadMapIsOneLineAndNothingIsImported() throws {
        let folder = try ClaimDeskProcess.temporaryDirectory()
        try Data(#"{"claim": ["Quote"]}"#.utf8).write(to: folder.appendingPathComponent("bad.json"))
        let result = try ClaimDeskProcess.run(["-c", "import brat \(Self.corpus.path)/ana --map bad.json"], in: folder,
                                              environment: Transcript.environment)
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: cannot read the map bad.json: "))
        #expect(result.stderr.contains("unknown key \"claim\"; a map has claims, mentions, cues and attributions"))
        let w3c = try ClaimDeskProcess.run(["-c", "import w3c x.jsonld --map bad.json"], in: folder, environment: Transcript.environment)
        #expect(w3c.stderr.contains("--map is for brat corpora; import w3c takes no map"))
    }
}
