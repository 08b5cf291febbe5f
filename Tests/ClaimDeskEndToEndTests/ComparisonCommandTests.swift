import Foundation
import Testing

/// `claimdesk diff` and `claimdesk agree` on two analysts' sessions of the sample article.
@Suite struct ComparisonCommandTests {
    /// Ana and Bob annotate the same article: one claim alike, one with another kind and a shorter
    /// span, one only Bob marked, and a stance they label differently.
    func twoAnalysts() throws -> URL {
        let folder = try Transcript.workspace()
        let ana = """
            load harbor-talks.txt
            claim s3 --by American officials --via The Daily Courier
            claim s6 --by Reyes --kind prediction
            proposition add The U.S. should answer with force
            stance Reyes against pr1 --evidence s6
            save ana
            """
        let bob = """
            load harbor-talks.txt
            claim s3 --by American officials --via The Daily Courier
            claim s6:"We are not going to be drawn into a shooting war over one ship" --by Reyes --kind factual
            claim s10 --by Tidewatch
            proposition add The U.S. should answer with force
            stance Reyes neutral pr1 --evidence s6
            save bob
            """
        for (analyst, script) in [("ana", ana), ("bob", bob)] {
            var environment = Transcript.environment
            environment["CLAIMDESK_ANALYST"] = analyst
            let result = try ClaimDeskProcess.run([], stdin: script, in: folder, environment: environment)
            try #require(result.status == 0, "setup failed: \(result.stderr)")
        }
        return folder
    }

    @Test func diffPrintsCountsThenEachDifferenceAndExitsOneWhenTheyDiffer() throws {
        let folder = try twoAnalysts()
        let result = try ClaimDeskProcess.run(["diff", "ana", "bob"], in: folder, environment: Transcript.environment)
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "ana ↔ bob: 0 only in ana, 1 only in bob, 2 differ, 1 identical")
        #expect(lines.contains("only in bob:"))
        #expect(lines.contains { $0.hasPrefix("  c3     claim “According to the shipping monitor Tidewatch") })
        #expect(lines.contains("      kind: prediction | factual"))
        #expect(lines.contains("      stance label: against | neutral"))
    }

    @Test func diffOfASessionWithItselfIsEmptyAndExitsZero() throws {
        let folder = try twoAnalysts()
        let result = try ClaimDeskProcess.run(["diff", "ana", "sessions/ana.json", "--format", "json"], in: folder,
                                              environment: Transcript.environment)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(json?["identical"] as? Int == 3)
        #expect((json?["onlyLeft"] as? [Any])?.isEmpty == true)
    }

    @Test func agreePrintsSpanF1KappaAndAlpha() throws {
        let folder = try twoAnalysts()
        let result = try ClaimDeskProcess.run(["agree", "ana", "bob"], in: folder, environment: Transcript.environment)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Agreement of 2 analysts (ana, bob) on 1 article in common")
        // Claims 2 and 3: one exact match (F1 2·1/5), two overlapping (F1 2·2/5).
        #expect(lines.contains { $0.hasPrefix("claim spans") && $0.contains("2/3") && $0.contains("0.400") && $0.contains("0.800") })
        #expect(lines.contains { $0.hasPrefix("stance label") && $0.contains("0.000") })
        #expect(lines.last?.hasPrefix("token-wise α (Krippendorff, nominal") == true)
        let json = try ClaimDeskProcess.run(["agree", "ana", "bob", "--format", "json"], in: folder, environment: Transcript.environment)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["analysts"] as? [String] == ["ana", "bob"])
        #expect(object?["articles"] as? Int == 1)
    }

    @Test func aMissingSessionIsOneLineAndStatusTwo() throws {
        let folder = try twoAnalysts()
        let result = try ClaimDeskProcess.run(["diff", "ana", "nosuch"], in: folder, environment: Transcript.environment)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.hasPrefix("error: cannot read the session nosuch"))
        let one = try ClaimDeskProcess.run(["agree", "ana"], in: folder, environment: Transcript.environment)
        #expect(one.status != 0)
        #expect(one.stderr.contains("agree needs at least two sessions"))
    }
}
