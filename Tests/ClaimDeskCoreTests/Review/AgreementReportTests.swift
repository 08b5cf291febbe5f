@testable import ClaimDeskCore
import Foundation
import Testing

@Suite struct AgreementReportTests {
    /// Ana and Bob: one identical claim, one claim Bob marked shorter, one claim only Ana marked,
    /// one only Bob marked; two mentions alike; one stance with different labels.
    static func twoAnalysts() -> (Session, Session) {
        var ana = ReviewSessions.Builder(analyst: "ana")
        ana.claim("Officials said the strait was closed.", by: "Officials", kind: "factual")
        ana.claim("The Daily Courier reported that Iran’s navy seized a tanker.", by: "The Daily Courier", kind: "factual")
        ana.claim("“We will not escalate.”", by: "Gen. Reyes", kind: "prediction")
        ana.mention("The Daily Courier", of: "The Daily Courier")
        ana.mention("Gen. Reyes", of: "Gen. Reyes")
        ana.stance("Gen. Reyes", "against", on: "The US should escalate", evidence: "“We will not escalate.”")

        var bob = ReviewSessions.Builder(analyst: "bob")
        bob.claim("Officials said the strait was closed.", by: "officials", kind: "factual")
        bob.claim("Iran’s navy seized a tanker.", by: "The Daily Courier", kind: "opinion")
        bob.claim("Analysts expect talks to resume.", by: "Analysts", kind: "prediction")
        bob.mention("The Daily Courier", of: "The Daily Courier")
        bob.mention("Gen. Reyes", of: "Gen. Reyes")
        bob.stance("Gen. Reyes", "neutral", on: "The US should escalate", evidence: "We will not escalate.")
        return (ana.session, bob.session)
    }

    @Test func spanF1CountsExactAndOverlappingMatches() throws {
        let (ana, bob) = Self.twoAnalysts()
        let report = AgreementReport(sessions: [ana, bob], names: ["ana", "bob"])
        #expect(report.commonArticles == 1)
        let claims = try #require(report.layers.first { $0.layer == .claims })
        #expect(claims.counts == [3, 3])
        // Exact: 1 of 3 + 3 → F1 = 2·1/6; overlap: 2 (the shorter claim lies inside Ana's) → 4/6.
        #expect(abs((claims.average.exact ?? -1) - 2.0 / 6.0) < 1e-12)
        #expect(abs((claims.average.overlap ?? -1) - 4.0 / 6.0) < 1e-12)
        let mentions = try #require(report.layers.first { $0.layer == .mentions })
        #expect(mentions.average.exact == 1)
        let evidence = try #require(report.layers.first { $0.layer == .evidence })
        #expect(evidence.average.exact == 0)
        #expect(evidence.average.overlap == 1)
    }

    @Test func labelsOfMatchedAnnotationsGetCohensKappa() throws {
        let (ana, bob) = Self.twoAnalysts()
        let report = AgreementReport(sessions: [ana, bob], names: ["ana", "bob"])
        let kind = try #require(report.labels.first { $0.name == "claim kind" })
        #expect(kind.items == 2)
        #expect(kind.observed == 0.5)
        // factual/factual and factual/opinion: pₒ = 0.5, pₑ = 1·0.5 = 0.5 → κ = 0.
        #expect(abs((kind.kappa ?? -1) - 0) < 1e-12)
        let claimant = try #require(report.labels.first { $0.name == "claimant" })
        #expect(claimant.observed == 1, "names fold case: Officials = officials")
        let stance = try #require(report.labels.first { $0.name == "stance label" })
        #expect(stance.items == 1)
        #expect(stance.observed == 0)
    }

    @Test func tokenAlphaMatchesAlphaComputedDirectlyOverCharacters() throws {
        let (ana, bob) = Self.twoAnalysts()
        let report = AgreementReport(sessions: [ana, bob], names: ["ana", "bob"])
        // The same figure, computed the slow way: a unit per non-space character.
        let annotations = [ana, bob].map { AnalystAnnotations(session: $0, article: $0.articles["a1"]!) }
        let labels = annotations.map { $0.characterLabels() }
        var alpha = KrippendorffAlpha()
        var units = 0
        for (index, scalar) in ReviewSessions.text.unicodeScalars.enumerated() where !scalar.properties.isWhitespace {
            units += 1
            alpha.add(unit: labels.map { String($0[index]) })
        }
        #expect(report.tokenUnits == units)
        let expected = try #require(alpha.value)
        #expect(abs((report.tokenAlpha ?? -2) - expected) < 1e-12)
        #expect(expected > 0 && expected < 1)
    }

    /// Token-wise labels: a cue is its own value, and a claim in fragments covers only its fragments.
    @Test func cuesAreAValueAndFragmentsCoverOnlyTheirCharacters() throws {
        var ana = ReviewSessions.Builder(analyst: "ana")
        let id = ana.claim("Officials said the strait was closed.", by: "Officials")
        var claim = try #require(ana.session.claims[id])
        claim.fragments = [ReviewSessions.range("Officials"), ReviewSessions.range("the strait was closed.")]
            .map { Anchor(article: "a1", range: $0, in: ana.article.content) }
        claim.cue = Anchor(article: "a1", range: ReviewSessions.range("said"), in: ana.article.content)
        ana.session.put(.claim(claim))
        let labels = AnalystAnnotations(session: ana.session, article: ana.article).characterLabels()
        #expect(labels[ReviewSessions.range("Officials").lowerBound] == 1)
        #expect(labels[ReviewSessions.range("said").lowerBound] == 3, "the cue between the fragments is a cue")
        #expect(labels[ReviewSessions.range("strait").lowerBound] == 1)
        #expect(labels[ReviewSessions.range("The Daily").lowerBound] == 0)

        // Against an analyst who marked the whole sentence as one claim without a cue, α is below 1;
        // with the same fragments and cue, it is 1.
        var bob = ReviewSessions.Builder(analyst: "bob")
        bob.claim("Officials said the strait was closed.", by: "Officials")
        let differing = AgreementReport(sessions: [ana.session, bob.session], names: ["ana", "bob"])
        #expect((differing.tokenAlpha ?? 1) < 1)
        #expect(AgreementReport(sessions: [ana.session, ana.session], names: ["ana", "ana2"]).tokenAlpha == 1)
    }

    @Test func identicalSessionsAgreeFully() throws {
        let (ana, _) = Self.twoAnalysts()
        let report = AgreementReport(sessions: [ana, ana, ana], names: ["a", "b", "c"])
        // Every layer with spans agrees fully; the cue layer has none here, so its F1 is undefined.
        #expect(report.layers.filter { $0.layer != .cues }.allSatisfy { $0.average.exact == 1 && $0.average.overlap == 1 })
        #expect(report.layers.first { $0.layer == .cues }?.average.exact == nil)
        #expect(report.tokenAlpha == 1)
        #expect(report.kappaName == "Fleiss' κ")
        #expect(report.layers[0].pairs.count == 3)
    }

    @Test func articlesNotInEverySessionAreLeftOut() {
        let (ana, _) = Self.twoAnalysts()
        var other = ReviewSessions.Builder(analyst: "cy")
        other.session.articles = [:]
        other.session.put(.article(Article(id: "a1", title: "Other", origin: nil, text: "A different story.", loaded: ReviewSessions.time)))
        let report = AgreementReport(sessions: [ana, other.session], names: ["ana", "cy"])
        #expect(report.commonArticles == 0)
        #expect(report.unmatchedArticles == 2)
        #expect(report.layers.allSatisfy { $0.average.exact == nil })
        #expect(report.textLines().contains("(2 articles not in every session left out)"))
    }

    @Test func textAndJSONCarryTheSameFigures() throws {
        let (ana, bob) = Self.twoAnalysts()
        let report = AgreementReport(sessions: [ana, bob], names: ["ana", "bob"])
        let lines = report.textLines()
        #expect(lines.first == "Agreement of 2 analysts (ana, bob) on 1 article in common")
        #expect(lines.contains { $0.hasPrefix("claim spans") && $0.contains("3/3") && $0.contains("0.333") && $0.contains("0.667") })
        let json = try JSONSerialization.jsonObject(with: Data(report.json())) as? [String: Any]
        let layers = try #require(json?["layers"] as? [[String: Any]])
        #expect(layers.first?["layer"] as? String == "claims")
        #expect(layers.first?["exactF1"] as? Double == 0.3333)
    }
}
