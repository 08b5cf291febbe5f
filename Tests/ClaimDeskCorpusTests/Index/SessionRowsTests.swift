import ClaimDeskCore
@testable import ClaimDeskCorpus
import Testing

@Suite struct SessionRowsTests {
    let rows = SessionRows(DeskFixture.tanker)

    @Test func claimsCarryTheirChainByIdAndByName() throws {
        let c1 = try #require(rows.rows("claims").first)
        let columns = try #require(CorpusSchema.columns["claims"])
        func value(_ name: String) -> CorpusValue { c1[columns.firstIndex(of: name) ?? 0] }
        #expect(value("claimant") == .text("src2"))
        #expect(value("claimant_name") == .text("American officials"))
        #expect(value("via") == .text("src1"))
        #expect(value("via_names") == .text("Reuters"))
        #expect(value("quote") == .text("The tanker was seized at dawn"))
        #expect(value("status") == .text("accepted"))
        #expect(value("cue_quote") == .text("citing"))
        #expect(value("cue_start") != .null)
        // The article's day, copied beside the claim so that a month's claims are found by an index.
        #expect(value("published_day") == .text("2026-03-02"))
        // The claimant's folded name, so that `sources --across` groups claims by an index.
        #expect(value("claimant_key") == .text("american officials"))
        // The session's name is its `sessions` row's only (schema 5): a copy per claim bought nothing.
        #expect(!columns.contains("session_name"))
        #expect(c1.count == columns.count)
        #expect(rows.rows("claim_chain") == [[.text("c1"), .integer(0), .text("src2")], [.text("c1"), .integer(1), .text("src1")],
                                              [.text("c2"), .integer(0), .text("src3")]])
    }

    @Test func metadataBecomesRowsOfItsOwn() {
        #expect(rows.rows("tags") == [[.text("c1"), .text("escalation")]])
        #expect(rows.rows("notes").map { $0[2] } == [.text("check with the port logs")])
        #expect(rows.rows("review_decisions") == [[.text("c1"), .integer(0), .text("accepted"), .text("editor"),
                                                   .text(DeskFixture.time.description), .text("sourced")]])
    }

    @Test func sourceNamesAndAliasesAreFoldedKeys() {
        let keys = Set(rows.rows("source_names").map { $0[1].display })
        #expect(keys.isSuperset(of: ["reuters", "reuters news agency", "gen. reyes", "reyes", "american officials"]))
    }

    @Test func stancesNameTheirTargetAndArticle() throws {
        let stance = try #require(rows.rows("stances").first)
        #expect(Array(stance[2...7]) == [.text("Gen. Reyes"), .text("against"), .text("p1"), .text("proposition"),
                                         .text("The US should escalate"), .text("a1")])
    }

    @Test func searchHoldsArticleQuotesNotesAndPropositions() {
        let kinds = rows.search.map { "\($0.kind):\($0.annotation)" }
        #expect(kinds.contains("article:a1"))
        #expect(kinds.contains("claim:c1"))
        #expect(kinds.contains("note:c1"))
        #expect(kinds.contains("proposition:p1"))
        #expect(kinds.contains("stance:st1"))
        #expect(rows.title == "Tanker seized in the strait")
    }

    /// Texts are numbered inside the session's range, each kind from its own start; a claim and a
    /// note keep the number of their text, so a question learns whose a match is from the number.
    @Test func claimsAndNotesKeepTheRowOfTheirText() throws {
        let first: Int64 = 5 << CorpusSchema.searchRowShift
        let numbered = SessionRows(DeskFixture.tanker, firstSearchRow: first)
        func row(_ kind: String, _ annotation: String) -> Int64? {
            numbered.search.first { $0.kind == kind && $0.annotation == annotation }?.row
        }
        let claim = Int64(try #require(CorpusSchema.searchKinds.firstIndex(of: "claim"))) << CorpusSchema.searchKindShift
        let note = Int64(try #require(CorpusSchema.searchKinds.firstIndex(of: "note"))) << CorpusSchema.searchKindShift
        #expect(row("claim", "c1") == first + claim)
        #expect(row("claim", "c2") == first + claim + 1)
        #expect(row("note", "c1") == first + note)
        let columns = try #require(CorpusSchema.columns["claims"])
        let textRow = try #require(columns.firstIndex(of: "text_row"))
        #expect(numbered.rows("claims").map { $0[textRow] } == [.integer(first + claim), .integer(first + claim + 1)])
        let noteColumns = try #require(CorpusSchema.columns["notes"])
        #expect(numbered.rows("notes").first?[try #require(noteColumns.firstIndex(of: "text_row"))] == .integer(first + note))
        #expect(Set(numbered.search.map(\.row)).count == numbered.search.count)
        #expect(numbered.overflowingKind == nil)
    }
}
