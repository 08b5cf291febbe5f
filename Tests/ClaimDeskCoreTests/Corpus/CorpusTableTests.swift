import ClaimDeskCore
import Testing

@Suite struct CorpusTableTests {
    let table = CorpusTable(columns: ["session", "id", "n", "quote"], rows: [
        [.text("harbor"), .text("c1"), .integer(3), .text("He said, \"no\"\nthen left")],
        [.text("ports"), .text("c12"), .null, .text("Fees rose")],
    ])

    @Test func tableAlignsColumnsAndFlattensLineBreaks() {
        #expect(table.rendered(.table) == """
            session  id   n  quote
            ───────  ───  ─  ───────────────────────
            harbor   c1   3  He said, "no"⏎then left
            ports    c12     Fees rose

            """)
    }

    @Test func longCellsAreCutWithAnEllipsis() {
        let long = CorpusTable(columns: ["q"], rows: [[.text(String(repeating: "x", count: 80))]])
        #expect(long.alignedLines(maxCellWidth: 10)[2] == "xxxxxxxxx…")
    }

    @Test func csvQuotesWhatNeedsIt() {
        #expect(table.rendered(.csv) == "session,id,n,quote\r\nharbor,c1,3,\"He said, \"\"no\"\"\nthen left\"\r\nports,c12,,Fees rose\r\n")
    }

    @Test func jsonKeepsTypesAndEscapesControlCharacters() {
        let odd = CorpusTable(columns: ["t", "n", "r", "z"], rows: [[.text("a\u{1B}[31m\"b\\"), .integer(-4), .real(1.5), .null]])
        #expect(odd.rendered(.jsonl) == "{\"t\":\"a\\u001b[31m\\\"b\\\\\",\"n\":-4,\"r\":1.5,\"z\":null}\n")
        #expect(odd.rendered(.json) == "[\n  {\"t\":\"a\\u001b[31m\\\"b\\\\\",\"n\":-4,\"r\":1.5,\"z\":null}\n]\n")
        #expect(CorpusTable(columns: ["a"], rows: []).rendered(.json) == "[]\n")
        #expect(CorpusTable(columns: ["a"], rows: []).rendered(.jsonl) == "")
    }
}

@Suite struct CorpusQueryTests {
    @Test(arguments: [
        ("tanker seizure", "\"tanker\" \"seizure\""),
        ("Iran's \"firm answer\"", "\"Iran's\" \"firm\" \"answer\""),
        ("U.S. AND (x*", "\"U.S.\" \"AND\" \"x\""),
        ("  *** - ", nil),
    ] as [(String, String?)])
    func wordsBecomeQuotedTermsThatAllMustOccur(words: String, match: String?) {
        #expect(CorpusTextQuery.match(words) == match)
    }

    @Test func filtersThatDoNotApplyAreRefusedByName() {
        var query = CorpusQuery(subject: .stances)
        query.verdict = "false"
        #expect(query.problem == "--verdict does not apply to stances; it filters claims")
        query = CorpusQuery(subject: .sources)
        query.since = "2026-01-01"
        #expect(query.problem == "--since does not apply to sources; it filters claims and stances")
    }

    @Test(arguments: ["2026", "2026-03", "2026-03-02"]) func datePrefixesAreAccepted(date: String) {
        var query = CorpusQuery()
        query.until = date
        #expect(query.problem == nil)
    }

    @Test(arguments: ["March", "2026/03", "26-03-02", "2026-3-2", "2026-03-02T10"]) func otherDatesAreRefused(date: String) {
        var query = CorpusQuery()
        query.since = date
        #expect(query.problem == "--since takes a date as YYYY-MM-DD (or YYYY-MM, YYYY), not \(date)")
    }
}
