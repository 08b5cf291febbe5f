import Foundation
import Testing
@testable import ClaimDeskCore

@Suite struct W3CReanchoringTests {
    static let old = "The mayor opened the new bridge on Sunday. Thousands walked across it before cars were allowed on Monday."
    static let new = "Updated with crowd figures.\n\nThe mayor opened the new bridge on Sunday. About 12,000 people walked across it before cars were allowed on Monday."

    static func json(_ s: String) -> JSONValue {
        try! JSONValue.parse(Array(s.utf8))
    }

    static func annotation(id: String, quote: String, prefix: String? = nil, suffix: String? = nil,
                           position: Bool = true, extra: String = "") -> String {
        let r = ReanchorCorpus.occurrence(quote, 0, in: Array(old.unicodeScalars))!
        var q = #"{"type":"TextQuoteSelector","exact":\#(quoted(quote))"#
        if let prefix { q += #","prefix":\#(quoted(prefix))"# }
        if let suffix { q += #","suffix":\#(quoted(suffix))"# }
        q += "}"
        let p = #"{"type":"TextPositionSelector","start":\#(r.lowerBound),"end":\#(r.upperBound)}"#
        let selectors = position ? "[\(p),\(q)]" : q
        return #"{"id":"\#(id)","type":"Annotation","body":{"type":"TextualBody","value":"check this"}\#(extra),"target":{"source":"https://example.org/bridge","selector":\#(selectors)}}"#
    }

    static func quoted(_ s: String) -> String {
        var writer = JSONWriter(pretty: false)
        writer.string(s)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    static func selector(_ annotation: JSONValue, _ type: String) -> JSONValue? {
        annotation["target"]?.asList.first?["selector"]?.asList.first { $0["type"]?.stringValue == type }
    }

    @Test func collectionItemsAreUpdatedAndOtherFieldsKept() throws {
        let doc = Self.json(#"{"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationCollection","label":"Bridge notes","items":[\#(Self.annotation(id: "n1", quote: "opened the new bridge", prefix: "The mayor ", suffix: " on Sunday", extra: #","creator":"ana""#))]}"#)
        let outcome = try W3CReanchoring.reanchor(doc, onto: Self.new)
        let item = outcome.document["items"]!.arrayValue![0]
        #expect(outcome.document["label"] == .string("Bridge notes"))
        #expect(item["creator"] == .string("ana"))
        #expect(item["body"]?["value"] == .string("check this"))
        let expected = ReanchorCorpus.occurrence("opened the new bridge", 0, in: Array(Self.new.unicodeScalars))!
        #expect(Self.selector(item, "TextPositionSelector")?["start"]?.intValue == expected.lowerBound)
        #expect(Self.selector(item, "TextPositionSelector")?["end"]?.intValue == expected.upperBound)
        // The input had 10 code points of context: the output keeps that length.
        #expect(Self.selector(item, "TextQuoteSelector")?["prefix"] == .string("The mayor "))
        #expect(Self.selector(item, "TextQuoteSelector")?["suffix"] == .string(" on Sunday"))
        #expect(outcome.report.map(\.json) == [#"{"id":"n1","status":"anchored","start":\#(expected.lowerBound),"end":\#(expected.upperBound),"how":"moved","score":1,"index":0}"#])
    }

    @Test func withoutContextOrPositionTheDefaultsAreUsed() throws {
        let doc = Self.json("[" + Self.annotation(id: "n2", quote: "walked across it", position: false) + "]")
        let outcome = try W3CReanchoring.reanchor(doc, onto: Self.new)
        let item = outcome.document.arrayValue![0]
        let quote = Self.selector(item, "TextQuoteSelector")!
        #expect(quote["prefix"]?.stringValue?.unicodeScalars.count == 32)
        #expect(quote["suffix"]?.stringValue?.unicodeScalars.count == 32)
        // A position selector is added beside the quote selector.
        #expect(item["target"]?["selector"]?.arrayValue?.count == 2)
        #expect(Self.selector(item, "TextPositionSelector")?["start"]?.intValue
                == ReanchorCorpus.occurrence("walked across it", 0, in: Array(Self.new.unicodeScalars))!.lowerBound)
    }

    @Test func editedQuoteIsRewrittenFromTheNewText() throws {
        let doc = Self.json(Self.annotation(id: "n3", quote: "Thousands walked across it", prefix: "the new bridge on Sunday. ", suffix: " before cars were allowed"))
        let outcome = try W3CReanchoring.reanchor(doc, onto: Self.new)
        #expect(Self.selector(outcome.document, "TextQuoteSelector")?["exact"] == .string("About 12,000 people walked across it"))
        #expect(outcome.report[0].resolution?.how == "fuzzy")
    }

    @Test func orphansAreLeftAsTheyWere() throws {
        let doc = Self.json(#"{"type":"AnnotationPage","items":[\#(Self.annotation(id: "n4", quote: "before cars were allowed on Monday", prefix: "walked across it ", suffix: ""))]}"#)
        let outcome = try W3CReanchoring.reanchor(doc, onto: "A completely different story about a school play and its rehearsals.")
        #expect(outcome.document == doc)
        #expect(outcome.report[0].status == "orphaned")
        #expect(outcome.report[0].json.hasPrefix(#"{"id":"n4","status":"orphaned","start":null,"end":null,"how":"orphaned","#))
    }

    @Test func firstPageItemsAndTargetListsAreHandled() throws {
        let annotation = Self.annotation(id: "n5", quote: "opened the new bridge", prefix: "The mayor ", suffix: " on Sunday")
            .replacingOccurrences(of: #""target":{"#, with: #""target":[{"#).dropLast() + "]}"
        let doc = Self.json(#"{"type":"AnnotationCollection","first":{"type":"AnnotationPage","items":[\#(annotation)]}}"#)
        let outcome = try W3CReanchoring.reanchor(doc, onto: Self.new)
        let item = outcome.document["first"]!["items"]!.arrayValue![0]
        #expect(item["target"]?.arrayValue != nil)
        #expect(outcome.report[0].status == "anchored")
        #expect(outcome.document["first"]?["type"] == .string("AnnotationPage"))
    }

    @Test func annotationsWithoutQuotesAreReportedOthersStillWork() throws {
        let pageNote = #"{"id":"note","type":"Annotation","target":"https://example.org/bridge"}"#
        let doc = Self.json("[" + pageNote + "," + Self.annotation(id: "n6", quote: "on Sunday", prefix: "the new bridge ", suffix: ". Thousands") + "]")
        let outcome = try W3CReanchoring.reanchor(doc, onto: Self.new)
        #expect(outcome.report[0].resolution == nil)
        #expect(outcome.report[0].reason == "the annotation has no TextQuoteSelector")
        #expect(outcome.report[1].status == "anchored")
        #expect(outcome.document.arrayValue![0] == Self.json(pageNote))
    }

    @Test func documentsWithNothingToDoAreRefused() {
        #expect(throws: W3CReanchoring.DocumentError.noAnnotations) { try W3CReanchoring.reanchor(Self.json("[]"), onto: Self.new) }
        #expect(throws: W3CReanchoring.DocumentError.noAnnotations) { try W3CReanchoring.reanchor(Self.json(#"{"hello":1}"#), onto: Self.new) }
        #expect(throws: W3CReanchoring.DocumentError.noQuoteSelectors(count: 1)) {
            try W3CReanchoring.reanchor(Self.json(#"[{"type":"Annotation","target":{"source":"x","selector":{"type":"FragmentSelector","value":"p1"}}}]"#), onto: Self.new)
        }
        #expect(throws: W3CReanchoring.DocumentError.pageByReference("https://example.org/page1")) {
            try W3CReanchoring.reanchor(Self.json(#"{"type":"AnnotationCollection","first":"https://example.org/page1"}"#), onto: Self.new)
        }
    }
}

@Suite struct W3CCueReanchoringTests {
    @Test func aClaimsCueBodyMovesWithItsTarget() throws {
        let session = ClaimCueTests.session()
        let exported = try #require(try W3CExporter().export(session).data)
        let newText = "Update: a correction.\n\n" + ClaimCueTests.text
        let outcome = try W3CReanchoring.reanchor(try JSONValue.parse(Array(exported)), onto: newText)
        let items = outcome.document["first"]?["items"]?.asList ?? []
        let c1 = try #require(items.first { $0["id"]?.stringValue?.hasSuffix(":c1") == true })
        let cue = try #require(c1["body"]?.asList.first { $0[W3CExporter.roleProperty]?.stringValue == "cue" })
        let position = try #require(cue["selector"]?.asList.first { $0["type"]?.stringValue == "TextPositionSelector" })
        let said = ExportSample.range("said", in: newText)
        #expect(position["start"]?.intValue == said.lowerBound && position["end"]?.intValue == said.upperBound)
        #expect(outcome.report.count == items.count, "the cue is not reported as an annotation of its own")
    }

    @Test func fieldsTheEngineDoesNotUseComeBackAsTheyWere() throws {
        let doc = W3CReanchoringTests.json("[" + W3CReanchoringTests.annotation(id: "n9", quote: "walked across it",
                                                  extra: #","rank":12345678901234567891,"weight":1.50,"when":"2020-01-01""#) + "]")
        let outcome = try W3CReanchoring.reanchor(doc, onto: W3CReanchoringTests.new)
        let out = String(decoding: outcome.document.encoded(pretty: false), as: UTF8.self)
        #expect(out.contains(#""rank":12345678901234567891"#) && out.contains(#""weight":1.50"#), "\(out)")
        #expect(outcome.report.map { $0.status } == ["anchored"])
    }
}
