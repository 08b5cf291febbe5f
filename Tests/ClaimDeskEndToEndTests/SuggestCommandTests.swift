import Foundation
import Testing

/// `claimdesk suggest FILE [--format text|jsonl]` run as a script would.
@Suite("claimdesk suggest")
struct SuggestCommandTests {
    static let article = """
        Tanker talks stall

        “We are not going to be drawn into a shooting war,” Gen. Reyes told reporters. The Daily Courier reported, quoting two officials, that the talks had stalled over harbor fees.

        """

    struct Line: Decodable {
        var content: [[Int]]
        var source: [[Int]]?
        var cue: [[Int]]?
        var claimant: String?
        var via: [String]
        var confidence: Double
        var rule: String
    }

    func slice(_ text: String, _ span: [Int]) -> String {
        let scalars = Array(text.unicodeScalars)
        return String(String.UnicodeScalarView(scalars[span[0]..<span[1]]))
    }

    @Test func jsonLinesGiveCodePointSpansAndTheChain() throws {
        let result = try ClaimDeskProcess.run(["suggest", "-", "--format", "jsonl"], stdin: Self.article)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let raw = result.stdout.split(separator: "\n")
        #expect(raw.count == 2)
        #expect(raw.allSatisfy { $0.hasPrefix("{\"content\": [[") && $0.contains(", \"source\": ") && $0.hasSuffix("\"}") })
        let lines = try raw.map { try JSONDecoder().decode(Line.self, from: Data($0.utf8)) }
        let quote = try #require(lines.first)
        #expect(quote.content.map { slice(Self.article, $0) } == ["We are not going to be drawn into a shooting war"])
        #expect(quote.source.map { $0.map { slice(Self.article, $0) } } == ["Gen. Reyes"])
        #expect(quote.cue.map { $0.map { slice(Self.article, $0) } } == ["told reporters"])
        #expect(quote.rule == "direct-quote")
        let chain = try #require(lines.last)
        #expect(chain.claimant == "two officials")
        #expect(chain.via == ["The Daily Courier"])
        #expect(chain.content.map { slice(Self.article, $0) } == ["the talks had stalled over harbor fees"])
        #expect((0...1).contains(chain.confidence))
    }

    @Test func textFormatNamesRuleChainAndContent() throws {
        let result = try ClaimDeskProcess.run(["suggest", "-"], stdin: Self.article)
        #expect(result.status == 0)
        #expect(result.stdout.contains("direct-quote  Gen. Reyes\n   content: We are not going to be drawn into a shooting war\n   cue: told reporters\n"))
        #expect(result.stdout.contains("chain  two officials via The Daily Courier\n"))
    }

    @Test func webPagesAreReadAsLoadReadsThem() throws {
        let folder = try ClaimDeskProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = """
            <html lang="en"><head><title>Talks stall | Meridian Wire</title></head>
            <body><nav><a href="/">Home</a></nav><p>Officials said on Tuesday that the talks had stalled over harbor fees, again.</p>
            <p>The ministry declined to comment on the talks or on the fees.</p></body></html>
            """
        try Data(page.utf8).write(to: folder.appendingPathComponent("talks.html"))
        let extracted = try ClaimDeskProcess.run(["extract", "talks.html"], in: folder)
        let object = try JSONSerialization.jsonObject(with: Data(extracted.stdout.utf8)) as? [String: Any]
        let text = try #require(object?["text"] as? String)
        let result = try ClaimDeskProcess.run(["suggest", "talks.html", "--format", "jsonl"], in: folder)
        #expect(result.status == 0)
        let lines = try result.stdout.split(separator: "\n").map { try JSONDecoder().decode(Line.self, from: Data($0.utf8)) }
        #expect(lines.count == 1)
        #expect(lines.first?.content.map { slice(text, $0) } == ["the talks had stalled over harbor fees, again"])
        #expect(lines.first?.claimant == "Officials")
    }

    @Test func aMissingFileIsOneClearLine() throws {
        let folder = try ClaimDeskProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try ClaimDeskProcess.run(["suggest", "nope.txt"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == "claimdesk: error: cannot read nope.txt: no such file; check the path (Tab completes it)\n")
    }
}
