@testable import ClaimDeskCore
import Testing

/// Claims' cues as a layer of `agree`, a field of `diff` and a disagreement of `merge`.
@Suite struct CueLayerTests {
    static func withCue(_ analyst: String, cue: String?) -> Session {
        var builder = ReviewSessions.Builder(analyst: analyst)
        let id = builder.claim("“We will not escalate.”", by: "Gen. Reyes")
        if let cue, var claim = builder.session.claims[id] {
            claim.cue = Anchor(article: "a1", range: ReviewSessions.range(cue), in: builder.article.content)
            builder.session.put(.claim(claim))
        }
        return builder.session
    }

    @Test func agreeCountsCueSpansAsALayer() throws {
        let report = AgreementReport(sessions: [Self.withCue("ana", cue: "Reyes said"), Self.withCue("bob", cue: "Gen. Reyes said")],
                                     names: ["ana", "bob"])
        let cues = try #require(report.layers.first { $0.layer == .cues })
        #expect(cues.counts == [1, 1])
        #expect(cues.average.exact == 0, "different cue spans")
        #expect(cues.average.overlap == 1, "but they overlap")
        #expect(report.textLines().contains { $0.hasPrefix("cue spans") })
    }

    @Test func diffListsADifferentCueAndMergeMakesItAConflict() throws {
        let ana = Self.withCue("ana", cue: "said"), bob = Self.withCue("bob", cue: nil)
        let diff = SessionDiff(left: ana, right: bob)
        let entry = try #require(diff.changed.first)
        #expect(entry.differences.map(\.field) == ["cue"])
        #expect(entry.differences.first?.right == "none")
        let merge = SessionMerge([.init(name: "ana", session: ana), .init(name: "bob", session: bob)], analyst: "ed", time: ReviewSessions.time)
        #expect(merge.session.orderedConflicts.first?.disagreements == ["cue"])
        #expect(merge.session.claims["c1"]?.cue?.exact == "said", "the first session's version is held")
    }
}
