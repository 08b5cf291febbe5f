import Testing
@testable import ClaimDeskCore

/// Every case of the edited-article corpus, placed the way `claimdesk reanchor`
/// places them (all annotations of an article together).
@Suite struct ReanchorCorpusTests {
    static let resolved: [String: AnchorResolution] = {
        var out: [String: AnchorResolution] = [:]
        for article in ReanchorCorpus.articles {
            let results = Reanchorer(text: article.new).locateAll(article.cases.map(\.query))
            for (c, r) in zip(article.cases, results) { out[c.testDescription] = r }
        }
        return out
    }()

    @Test(arguments: ReanchorCorpus.cases)
    func corpusCase(_ c: ReanchorCorpus.Case) throws {
        let result = try #require(Self.resolved[c.testDescription])
        let new = Array(ReanchorCorpus.articles.first { $0.name == c.article }!.new.unicodeScalars)
        let got = result.range.map { ReanchorCorpus.string(new[$0]) }
        let want = c.expected.map { ReanchorCorpus.string(new[$0]) }
        #expect(result.range == c.expected, "got \(result) \(got.map { "'\($0)'" } ?? "") instead of \(want.map { "'\($0)'" } ?? "an orphan")")
        if let how = c.how { #expect(result.how == how) }
    }

    @Test func corpusCoversEveryEditKind() {
        let kinds = Set(ReanchorCorpus.cases.map(\.kind))
        for kind in ["insert-elsewhere", "delete-elsewhere", "typo-fix", "minor-rewording", "major-rewording",
                     "reordered", "paragraph-deleted", "typography", "look-alike", "repeated-short", "combined"] {
            #expect(kinds.contains(kind), "no case of kind \(kind)")
        }
        #expect(ReanchorCorpus.cases.count >= 40)
    }

    /// The same cases one at a time (no help from neighbouring anchors) must never land on other text.
    @Test func singleAnchorsNeverMisplace() {
        for article in ReanchorCorpus.articles {
            let reanchorer = Reanchorer(text: article.new)
            for c in article.cases {
                let r = reanchorer.locate(c.query)
                if let range = r.range {
                    #expect(range == c.expected, "\(c.testDescription): placed at \(range), expected \(String(describing: c.expected))")
                }
            }
        }
    }
}
