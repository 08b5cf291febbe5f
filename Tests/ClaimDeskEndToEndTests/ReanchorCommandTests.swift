import Foundation
import Testing

/// `claimdesk reanchor` as a user runs it: files in, files out, exit status, messages.
@Suite struct ReanchorCommandTests {
    static let old = "The museum will reopen on June 4 after a two-year renovation, the trustees said. Tickets go on sale in May."
    static let new = "Revised on Friday.\r\n\r\nThe museum will reopen on June 11 after a two-year renovation, the trustees said. Tickets go on sale in May.\r\n"

    static let annotations = #"""
    {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", "id": "urn:notes",
     "items": [
      {"id": "urn:a1", "type": "Annotation", "motivation": "highlighting",
       "target": {"source": "urn:museum", "selector": [
         {"type": "TextPositionSelector", "start": 18, "end": 32},
         {"type": "TextQuoteSelector", "exact": "reopen on June 4", "prefix": "The museum will ", "suffix": " after a two-year"}]}},
      {"id": "urn:a2", "type": "Annotation",
       "target": {"source": "urn:museum", "selector": {"type": "TextQuoteSelector", "exact": "Tickets go on sale in May."}}},
      {"id": "urn:a3", "type": "Annotation",
       "target": {"source": "urn:museum", "selector": {"type": "TextQuoteSelector", "exact": "free entry for residents on Sundays", "prefix": "May. ", "suffix": ""}}}
     ]}
    """#

    func folder() throws -> URL {
        let dir = try ClaimDeskProcess.temporaryDirectory()
        try Self.annotations.write(to: dir.appendingPathComponent("notes.jsonld"), atomically: true, encoding: .utf8)
        try Self.new.write(to: dir.appendingPathComponent("new.txt"), atomically: true, encoding: .utf8)
        return dir
    }

    func reportLines(_ url: URL) throws -> [[String: Any]] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    /// The code-point offsets of `s` in the new text as given (CRLF counts two).
    func offsets(of s: String) -> (Int, Int) {
        let text = Array(Self.new.unicodeScalars), p = Array(s.unicodeScalars)
        for i in 0...(text.count - p.count) where Array(text[i..<(i + p.count)]) == p { return (i, i + p.count) }
        fatalError("not in the text")
    }

    @Test func reanchorsAndReports() throws {
        let dir = try folder()
        let result = try ClaimDeskProcess.run(["reanchor", "notes.jsonld", "--to", "new.txt", "-o", "out.jsonld", "--report", "report.jsonl"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("reanchored 3 annotations: 0 exact, 1 moved, 1 fuzzy, 1 orphaned"))
        let lines = try reportLines(dir.appendingPathComponent("report.jsonl"))
        #expect(lines.count == 3)
        let (s1, e1) = offsets(of: "reopen on June 11")
        #expect(lines[0]["id"] as? String == "urn:a1")
        #expect(lines[0]["status"] as? String == "anchored")
        #expect(lines[0]["how"] as? String == "fuzzy")
        #expect(lines[0]["start"] as? Int == s1 && lines[0]["end"] as? Int == e1)
        let (s2, e2) = offsets(of: "Tickets go on sale in May.")
        #expect(lines[1]["how"] as? String == "moved")
        #expect(lines[1]["start"] as? Int == s2 && lines[1]["end"] as? Int == e2)
        #expect(lines[2]["status"] as? String == "orphaned")
        #expect(lines[2]["start"] is NSNull)

        let out = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("out.jsonld"))) as! [String: Any]
        #expect(out["@context"] as? String == "http://www.w3.org/ns/anno.jsonld")
        let items = out["items"] as! [[String: Any]]
        #expect(items[0]["motivation"] as? String == "highlighting")
        let selectors = (items[0]["target"] as! [String: Any])["selector"] as! [[String: Any]]
        #expect(selectors.first { $0["type"] as? String == "TextQuoteSelector" }?["exact"] as? String == "reopen on June 11")
        #expect(selectors.first { $0["type"] as? String == "TextPositionSelector" }?["start"] as? Int == s1)
        // The orphan is written back untouched.
        let orphanSelector = (items[2]["target"] as! [String: Any])["selector"] as! [String: Any]
        #expect(orphanSelector["exact"] as? String == "free entry for residents on Sundays")
    }

    @Test func writesToStandardOutputWithoutAnOutputFile() throws {
        let dir = try folder()
        let result = try ClaimDeskProcess.run(["reanchor", "notes.jsonld", "--to", "new.txt"], in: dir)
        #expect(result.status == 0)
        let doc = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect((doc?["items"] as? [Any])?.count == 3)
    }

    @Test(arguments: [
        (["reanchor", "notes.jsonld"], "add --to NEW.txt"),
        (["reanchor", "--to", "new.txt"], "no annotation file given"),
        (["reanchor", "missing.jsonld", "--to", "new.txt"], "cannot read the annotation file missing.jsonld: no such file"),
        (["reanchor", "notes.jsonld", "--to", "missing.txt"], "cannot read the new text missing.txt: no such file"),
        (["reanchor", "bad.json", "--to", "new.txt"], "bad.json is not valid JSON at line 1, column 2: expected a key"),
        (["reanchor", "empty.json", "--to", "new.txt"], "no annotations found"),
        (["reanchor", "noquote.json", "--to", "new.txt"], "the annotation has no TextQuoteSelector, so there is no quoted text to look for; export it"),
        (["reanchor", "notes.jsonld", "--to", "binary.txt"], "cannot use binary.txt as the new text: the file is binary"),
        (["reanchor", "notes.jsonld", "--to", "new.txt", "-o", "nofolder/out.jsonld"], "cannot write the output to nofolder/out.jsonld"),
    ])
    func badInputIsRefusedInOneLine(arguments: [String], message: String) throws {
        let dir = try folder()
        try "{not json".write(to: dir.appendingPathComponent("bad.json"), atomically: true, encoding: .utf8)
        try #"{"type":"AnnotationCollection","items":[]}"#.write(to: dir.appendingPathComponent("empty.json"), atomically: true, encoding: .utf8)
        try #"[{"type":"Annotation","target":"urn:museum"}]"#.write(to: dir.appendingPathComponent("noquote.json"), atomically: true, encoding: .utf8)
        try Data([0x41, 0x00, 0x42]).write(to: dir.appendingPathComponent("binary.txt"))
        let result = try ClaimDeskProcess.run(arguments, in: dir)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("claimdesk: error: "))
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }
}
