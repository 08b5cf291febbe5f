@testable import ClaimDeskCore
import Foundation
import Testing

@Suite struct CSVExportTests {
    /// An RFC 4180 reader written for the test: records end in CRLF, quoted fields may hold commas,
    /// CRLF and doubled quotes. It fails on anything else, such as a bare LF outside quotes.
    static func parse(_ text: String) throws -> [[String]] {
        let s = Array(text.unicodeScalars)
        var records: [[String]] = [], record: [String] = [], field = String.UnicodeScalarView()
        var i = 0
        var quoted = false
        while i < s.count {
            let c = s[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < s.count, s[i + 1] == "\"" { field.append("\""); i += 2; continue }
                    quoted = false
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                try #require(field.isEmpty, "a quote inside an unquoted field")
                quoted = true
            } else if c == "," {
                record.append(String(field)); field = .init()
            } else if c == "\r" {
                try #require(i + 1 < s.count && s[i + 1] == "\n", "CR without LF")
                record.append(String(field)); field = .init()
                records.append(record); record = []
                i += 1
            } else {
                try #require(c != "\n", "a bare LF ends no record in RFC 4180")
                field.append(c)
            }
            i += 1
        }
        try #require(!quoted && field.isEmpty && record.isEmpty, "the last record is not ended by CRLF")
        return records
    }

    func rows(_ session: Session) throws -> [[String: String]] {
        let text = String(decoding: try CSVExporter().export(session).data!, as: UTF8.self)
        let records = try Self.parse(text)
        #expect(records.first == CSVExporter.columns)
        return records.dropFirst().map { record in
            #expect(record.count == CSVExporter.columns.count)
            return Dictionary(uniqueKeysWithValues: zip(CSVExporter.columns, record))
        }
    }

    /// The sentence a span lies in (or the sentences it crosses), and a stance's target in words beside its id.
    @Test func rowsNameTheSentenceAndAStancesTargetText() throws {
        let session = ExportSample.session()
        let row = Dictionary(uniqueKeysWithValues: try rows(session).map { ($0["id"]!, $0) })
        #expect(row["c1"]?["sentence"] == "s3")
        #expect(row["c2"]?["sentence"] == "s4")
        #expect(row["c3"]?["sentence"] == "s2-s3")
        #expect(row["c5"]?["sentence"] == "", "an orphaned span is in no sentence")
        #expect(row["src1"]?["sentence"] == "" && row["pr1"]?["sentence"] == "")
        #expect(row["st1"]?["target"] == "pr1" && row["st1"]?["target_text"] == "The U.S. should answer the seizure with force")
        #expect(row["st2"]?["target"] == "c1" && row["st2"]?["target_text"] == session.claims["c1"]?.anchor.exact)
        #expect(row["c1"]?["target_text"] == "")
        // Beside the columns they explain.
        let columns = CSVExporter.columns
        #expect(columns.firstIndex(of: "sentence") == columns.firstIndex(of: "end").map { $0 + 1 })
        #expect(columns.firstIndex(of: "target_text") == columns.firstIndex(of: "target").map { $0 + 1 })
    }

    @Test func oneRowPerAnnotationParsesBackToTheSessionsValues() throws {
        let session = ExportSample.session()
        let rows = try rows(session)
        #expect(rows.count == session.annotationCount)
        #expect(rows.map { $0["id"]! } == ["src1", "src2", "src3", "src4", "src5", "c1", "c2", "c3", "c4", "c5", "m1", "m2", "m3",
                                             "pr1", "st1", "st2", "st3", "r1", "r2"])
        let row = Dictionary(uniqueKeysWithValues: rows.map { ($0["id"]!, $0) })
        let c1 = try #require(row["c1"])
        let claim = session.claims["c1"]!
        #expect(c1["type"] == "claim")
        #expect(c1["text"] == claim.anchor.exact)
        #expect(c1["start"] == String(claim.anchor.start) && c1["end"] == String(claim.anchor.end))
        #expect(c1["article"] == "a1" && c1["article_title"] == "Port talks stall <script>")
        #expect(c1["claimant"] == "Senior U.S. officials")
        #expect(c1["via"] == "The Daily Courier; Meridian Wire")
        #expect(c1["tags"] == "disputed; escalation")
        #expect(c1["notes"] == "Check the \"Courier\" copy, line 2,\nplease </script><b>x</b>")
        #expect(c1["created"] == ExportSample.created.description)
        #expect(row["c2"]?["check_worthy"] == "yes" && row["c3"]?["check_worthy"] == "no" && row["c1"]?["check_worthy"] == "")
        #expect(row["c5"]?["orphaned"] == "yes" && row["c5"]?["text"] == "Fees rose 41%")
        #expect(row["m1"]?["source"] == "Helen R. Marsh")
        #expect(row["src3"]?["kind"] == "official" && row["src3"]?["role"] == "Secretary")
        #expect(row["pr1"]?["text"] == "The U.S. should answer the seizure with force")
        let st2 = try #require(row["st2"])
        #expect(st2["holder"] == "Gen. Thomas E. Reyes" && st2["label"] == "against" && st2["target"] == "c1")
        let e1 = ExportSample.range("We will not escalate"), e2 = ExportSample.range("Reyes disagreed")
        #expect(st2["evidence"] == "a1:\(e1.lowerBound)-\(e1.upperBound); a1:\(e2.lowerBound)-\(e2.upperBound)")
        #expect(st2["text"] == "We will not escalate")
        #expect(row["r1"]?["from"] == "c2" && row["r1"]?["to"] == "c1" && row["r1"]?["label"] == "contradicts")
    }

    @Test(arguments: ["plain", "a,b", "say \"no\"", "two\r\nlines", "lf\nonly", "\"\u{301}accent after a quote", "", " spaced ", "=SUM(A1)"])
    func fieldsRoundTrip(value: String) throws {
        let line = CSVExporter.record([value, "x"])
        #expect(try Self.parse(line) == [[value, "x"]])
    }

    @Test(arguments: 0..<40)
    func generatedSessionsParseBack(seed: Int) throws {
        var generator = SessionGenerator(seed: UInt64(seed))
        let session = generator.session()
        let rows = try rows(session)
        #expect(rows.count == session.annotationCount)
        for row in rows where row["type"] == "claim" {
            let claim = session.claims[AnnotationID(row["id"]!)]!
            #expect(row["text"] == claim.anchor.exact)
            #expect(row["verdict"] == claim.verdict && row["kind"] == claim.kind)
        }
    }

    /// The header is the documented column list, whatever the rows are built from.
    @Test func theHeaderIsTheDocumentedColumnList() throws {
        #expect(CSVExporter.columns == [
            "id", "type", "article", "article_title", "start", "end", "sentence", "text", "source", "claimant", "via", "holder",
            "kind", "verdict", "check_worthy", "label", "target", "target_text", "from", "to", "aliases", "role", "evidence", "orphaned",
            "tags", "notes", "author", "created", "modified", "review_status", "reviewer", "review_comment", "text_changed",
            "cue", "cue_start", "cue_end", "fragments",
        ])
        let csv = String(decoding: try #require(CSVExporter().export(ExportSample.session()).data), as: UTF8.self)
        #expect(csv.hasPrefix(CSVExporter.columns.joined(separator: ",") + "\r\n"))
    }

    @Test(arguments: [("plain", "plain"), ("a,b", "\"a,b\""), ("say \"no\"", "\"say \"\"no\"\"\""), ("lf\nonly", "\"lf\nonly\""),
                      ("cr\ronly", "\"cr\ronly\""), ("", ""), ("naïve café 😀", "naïve café 😀")])
    func fieldsAreQuotedOnlyWhenTheyMustBe(value: String, written: String) {
        #expect(CSVExporter.field(value) == written)
        #expect(CSVExporter.record([value, value]) == written + "," + written + "\r\n")
    }
}

