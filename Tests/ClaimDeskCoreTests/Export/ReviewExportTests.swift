@testable import ClaimDeskCore
import Foundation
import Testing

/// The Markdown and HTML review documents: what a person reads, with the session's text escaped.
@Suite struct ReviewExportTests {
    func markdown(_ session: Session = ExportSample.session()) throws -> String {
        String(decoding: try MarkdownExporter().export(session).data!, as: UTF8.self)
    }

    func html(_ session: Session = ExportSample.session()) throws -> String {
        String(decoding: try HTMLExporter().export(session).data!, as: UTF8.self)
    }

    /// A claim that is part of its sentence is shown in it, its words in bold; one that is the whole
    /// sentence is not repeated.
    @Test func markdownShowsEachClaimInItsSentence() throws {
        let text = try markdown()
        #expect(text.contains("- **In context:** (s4) “Gen. Thomas E. Reyes disagreed: “**We will not escalate**,” he said.”\n"))
        #expect(text.contains("- **In context:** (s2–s3) “PORT AVERY (Meridian Wire) — Senior U.S. officials said on Tuesday that **talks had stalled. The Daily Courier reported**, quoting two officials"))
        let c1 = try #require(text.range(of: "#### c1 ")).upperBound
        let c2 = try #require(text.range(of: "#### c2 ")).lowerBound
        #expect(!text[c1..<c2].contains("In context"), "c1 is its whole sentence")
    }

    @Test func markdownReadsTopToBottom() throws {
        let text = try markdown()
        let order = ["# Review of session sample", "## Sources", "| src1 | The Daily Courier | outlet |", "## a1: Port talks stall \\<script\\>",
                     "#### c1 · factual · unverified", "- **Source chain:** Senior U.S. officials (anonymous), via The Daily Courier (outlet) → Meridian Wire (agency)",
                     "#### c2 · prediction · false", "### Mentions", "## Propositions and stances",
                     "### pr1: The U.S. should answer the seizure with force", "- st1 · Helen R. Marsh (official) · **favor**", "## Relations",
                     "- r1: c2 “We will not escalate” **contradicts** c1"]
        var cursor = text.startIndex
        for piece in order {
            let found = try #require(text.range(of: piece, range: cursor..<text.endIndex), "missing or out of order: \(piece)")
            cursor = found.upperBound
        }
        #expect(text.contains("- **Where:** orphaned (was code points"))
        #expect(text.contains("- **Check-worthy:** yes"))
    }

    @Test func markdownEscapesTheSessionsText() throws {
        var session = ExportSample.session()
        var claim = session.claims["c2"]!
        claim.notes = [Note(id: "n9", text: "see [this](javascript:alert(1)) <img src=x onerror=alert(1)> *bold* `code`", author: "a", created: ExportSample.created)]
        session.put(.claim(claim))
        let text = try markdown(session)
        // Every "<" is escaped, so no Markdown renderer passes article text on as HTML.
        #expect(text.range(of: #"(?<!\\)<"#, options: .regularExpression) == nil)
        #expect(text.contains("Port talks stall \\<script\\>"))
        #expect(text.contains("see \\[this\\](javascript:alert(1)) \\<img src=x onerror=alert(1)\\> \\*bold\\* \\`code\\`"))
        // A quote spanning lines stays one block quote.
        #expect(text.contains("> The Daily Courier reported, quoting two officials, that Secretary Helen R. Marsh wanted “a firm answer,\n> now.”"))
        #expect(MarkdownExporter.lineStart("- not a list") == "\\- not a list")
        #expect(MarkdownExporter.lineStart("1. not a list") == "1\\. not a list")
        #expect(MarkdownExporter.inline("tab\there\u{1B}[2J") == "tab here␛\\[2J")
    }

    @Test func htmlIsOneSelfContainedFile() throws {
        let page = try html()
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        for external in ["src=\"http", "href=\"http", "src=\"//", "@import", "url(", "<link"] {
            #expect(!page.contains(external), "the report loads \(external)")
        }
        #expect(page.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src \(HTMLExporter.scriptHash(HTMLExporter.script));"))
        #expect(page.contains("<script>\(HTMLExporter.script)</script>"))
    }

    @Test func htmlHighlightsEverySpanAndListsTheSources() throws {
        let session = ExportSample.session()
        let page = try html(session)
        // Each placed claim, mention and evidence span is inside at least one mark naming it.
        for id in ["c1", "c2", "c3", "c4", "m1", "m2", "m3", "st1", "st2"] {
            #expect(page.range(of: #"<mark class="hl[^"]*" data-ann="([a-z0-9]+ )*\#(id)( [a-z0-9]+)*""#, options: .regularExpression) != nil, "\(id) is not highlighted")
        }
        #expect(!page.contains("data-ann=\"c5"), "an orphaned claim has no place to highlight")
        #expect(page.contains("<table id=\"sources\">"))
        for source in session.orderedSources {
            #expect(page.contains("<tr data-source=\"\(source.id)\"><td class=\"id\">\(source.id)</td><td>\(HTMLExporter.escape(source.name))</td>"))
        }
        for id in ["c1", "c2", "c3", "c4", "c5", "m1", "st1", "st2"] { #expect(page.contains("data-card=\"\(id)\"")) }
        #expect(page.contains("<option value=\"src4\">Gen. Thomas E. Reyes</option>"))
        #expect(page.contains("<option value=\"escalation\">#escalation</option>"))
        // Overlapping spans share segments: "We will not escalate" is claim c2, evidence of st2 and inside c4.
        #expect(page.contains("<mark class=\"hl hl-claim hl-stance hl-claim-b hl-nested claim-start claim-end\" data-ann=\"c2 c4 st2\" data-ends=\"c2 st2\""))
    }

    @Test func htmlEscapesEverythingFromTheSession() throws {
        let page = try html()
        #expect(!page.contains("<script>document"))
        #expect(page.contains("&lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;"))
        #expect(page.contains("<title>Review of session sample</title>"))
        #expect(page.contains("please &lt;/script&gt;&lt;b&gt;x&lt;/b&gt;"))
        // Only the report's own two script elements open and close.
        #expect(page.components(separatedBy: "<script").count - 1 == 2)
        #expect(page.components(separatedBy: "</script>").count - 1 == 2)
    }

    @Test func embeddedJSONCannotCloseItsScriptElement() throws {
        var session = ExportSample.session()
        var claim = session.claims["c1"]!
        claim.addTags(["</script><script>alert(1)</script>", "a&b", "line\u{2028}sep"])
        session.put(.claim(claim))
        let json = HTMLExporter.scriptSafeJSON(JSONValue.object(["tags": .array(claim.tags.map(JSONValue.string))]))
        #expect(!json.contains("<") && !json.contains(">") && !json.contains("&") && !json.unicodeScalars.contains("\u{2028}"))
        let decoded = try JSONValue.parse(Array(Data(json.utf8)))
        #expect(decoded["tags"] == JSONValue.array(claim.tags.map(JSONValue.string)))
        let page = try html(session)
        #expect(page.components(separatedBy: "</script>").count - 1 == 2)
    }

    @Test func controlCharactersAreShownNotPassedOn() {
        #expect(HTMLExporter.escape("a\u{1B}[31mb\u{202E}c\u{7F}\td\ne") == "a␛[31mb⟨U+202E⟩c␡\td\ne")
    }
}
