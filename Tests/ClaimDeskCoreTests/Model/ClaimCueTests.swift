@testable import ClaimDeskCore
import Foundation
import Testing

/// A claim's cue (its reporting words): saved and read back, checked on open, exported by every
/// format and read back by the W3C and brat imports.
@Suite struct ClaimCueTests {
    static let text = "Officials said on Tuesday that talks had stalled. According to the Courier, fees rose."
    static let created = Timestamp(secondsSince1970: 1_790_000_000)

    static func range(_ quote: String) -> Range<Int> { ExportSample.range(quote, in: text) }

    /// Two claims: c1 with the cue "said", c2 with none.
    static func session() -> Session {
        var session = Session(name: "cues", analyst: "ana", created: created)
        let article = Article(id: "a1", title: "Talks", origin: "talks.txt", text: text, loaded: created)
        session.put(.article(article))
        session.put(.source(Source(id: "src1", name: "Officials", kind: "official", author: "ana", created: created)))
        func anchor(_ quote: String) -> Anchor { Anchor(article: "a1", range: range(quote), in: article.content) }
        session.put(.claim(Claim(id: "c1", anchor: anchor("talks had stalled"), claimant: "src1", kind: "factual", verdict: "unverified",
                                 author: "ana", created: created, cue: anchor("said"))))
        session.put(.claim(Claim(id: "c2", anchor: anchor("fees rose"), kind: "factual", verdict: "unverified", author: "ana", created: created)))
        return session
    }

    @Test func aCueIsWrittenOnlyWhenPresentAndReadBackByteForByte() throws {
        let data = SessionDocument.encode(Self.session())
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.components(separatedBy: "\"cue\"").count == 2, "only c1 has a cue key")
        let reopened = try SessionDocument.decode(data)
        #expect(reopened.claims["c1"]?.cue?.exact == "said")
        #expect(reopened.claims["c1"]?.cue?.range == Self.range("said"))
        #expect(reopened.claims["c2"]?.cue == nil)
        #expect(SessionDocument.encode(reopened) == data)
    }

    @Test func aCueOnAnotherArticleIsRefusedOnOpen() throws {
        var session = Self.session()
        let other = Article(id: "a2", title: "Other", origin: "o.txt", text: Self.text, loaded: Self.created)
        session.put(.article(other))
        var claim = try #require(session.claims["c1"])
        claim.cue = Anchor(article: "a2", range: Self.range("said"), in: other.content)
        session.put(.claim(claim))
        #expect(throws: SessionDocumentError.self) { try SessionDocument.decode(SessionDocument.encode(session)) }
        do {
            _ = try SessionDocument.decode(SessionDocument.encode(session))
        } catch {
            #expect(error.message.contains("cue.article"))
        }
    }

    @Test func aCueThatDoesNotMatchTheTextIsRefusedOnOpen() throws {
        var session = Self.session()
        var claim = try #require(session.claims["c1"])
        claim.cue?.exact = "told"
        session.put(.claim(claim))
        do {
            _ = try SessionDocument.decode(SessionDocument.encode(session))
            Issue.record("a cue that does not read its text opened")
        } catch {
            #expect(error.message.contains("claims[0].cue.exact"))
        }
    }

    @Test func everyExportCarriesTheCue() throws {
        let session = Self.session()
        let said = Self.range("said")

        let csv = String(decoding: try #require(try CSVExporter().export(session).data), as: UTF8.self)
        let header = try #require(csv.components(separatedBy: "\r\n").first).components(separatedBy: ",")
        let c1Row = try #require(csv.components(separatedBy: "\r\n").first { $0.hasPrefix("c1,") }).components(separatedBy: ",")
        let column = try #require(header.firstIndex(of: "cue"))
        #expect(c1Row[column] == "said")
        #expect(c1Row[try #require(header.firstIndex(of: "cue_start"))] == String(said.lowerBound))
        #expect(c1Row[try #require(header.firstIndex(of: "cue_end"))] == String(said.upperBound))

        let markdown = String(decoding: try #require(try MarkdownExporter().export(session).data), as: UTF8.self)
        #expect(markdown.contains("- **Cue:** said\n"))
        let html = String(decoding: try #require(try HTMLExporter().export(session).data), as: UTF8.self)
        #expect(html.contains("<p class=\"cue\">cue: <q dir=\"auto\">said</q></p>"))

        let brat = try BratExporter().export(session)
        let ann = try #require(brat.files.first { $0.name.hasSuffix(".ann") }).text
        #expect(ann.contains("\tCue \(said.lowerBound) \(said.upperBound)\tsaid\n"))
        let lines = ann.components(separatedBy: "\n")
        let claimT = try #require(lines.first { $0.contains("\tClaim ") && $0.hasSuffix("talks had stalled") }?.components(separatedBy: "\t").first)
        let cueT = try #require(lines.first { $0.contains("\tCue ") }?.components(separatedBy: "\t").first)
        #expect(lines.contains { $0.hasSuffix("\tHasCue Arg1:\(claimT) Arg2:\(cueT)\t") })
        let conf = try #require(brat.files.first { $0.name == "annotation.conf" }).text
        #expect(conf.contains("\nCue\n") && conf.contains("HasCue\tArg1:Claim, Arg2:Cue"))

        let w3c = try #require(try W3CExporter().export(session).data)
        let root = try JSONValue.parse(Array(w3c))
        let items = root["first"]?["items"]?.asList ?? []
        let c1 = try #require(items.first { $0["id"]?.stringValue?.hasSuffix(":c1") == true })
        let cueBody = try #require(c1["body"]?.asList.first { $0[W3CExporter.roleProperty]?.stringValue == "cue" })
        #expect(cueBody["type"]?.stringValue == "SpecificResource")
        let selectors = cueBody["selector"]?.asList ?? []
        #expect(selectors.contains { $0["exact"]?.stringValue == "said" })
        #expect(selectors.contains { $0["start"]?.intValue == said.lowerBound && $0["end"]?.intValue == said.upperBound })
        let c2 = try #require(items.first { $0["id"]?.stringValue?.hasSuffix(":c2") == true })
        #expect(!(c2["body"]?.asList ?? []).contains { $0[W3CExporter.roleProperty] != nil })
    }

    @Test func w3cAndBratImportsReadTheCueBack() throws {
        let session = Self.session()
        let empty = ImportTests.emptyTwin(of: session)
        let w3c = try #require(try W3CExporter().export(session).data)
        let fromW3C = ImportTests.apply(AnnotationImporter(session: empty, fallbackArticle: "a1", analyst: "ivy", now: Self.created)
            .plan(try W3CImporter.parse(w3c)), to: empty)
        #expect(fromW3C.claims["c1"]?.cue == session.claims["c1"]?.cue)
        #expect(fromW3C.claims["c2"]?.cue == nil)

        let brat = try BratExporter().export(session)
        let ann = try #require(brat.files.first { $0.name.hasSuffix(".ann") })
        let txt = try #require(brat.files.first { $0.name.hasSuffix(".txt") })
        let document = BratImporter.parse(ann: ann.text, text: txt.text, name: "doc")
        #expect(document.skipped.isEmpty)
        let fromBrat = ImportTests.apply(AnnotationImporter(session: empty, fallbackArticle: "a1", analyst: "ivy", now: Self.created)
            .plan(document.annotations), to: empty)
        let claims = fromBrat.orderedClaims
        #expect(claims.count == 2)
        #expect(claims.first { $0.anchor.exact == "talks had stalled" }?.cue?.range == Self.range("said"))
        #expect(claims.first { $0.anchor.exact == "fees rose" }?.cue == nil)
    }

    @Test func aBratCueNoClaimPointsAtIsReported() {
        let said = Self.range("said")
        let document = BratImporter.parse(ann: "T1\tCue \(said.lowerBound) \(said.upperBound)\tsaid\n", text: Self.text, name: "doc")
        #expect(document.annotations.isEmpty)
        #expect(document.skipped == ["doc T1: a Cue that no claim points at (a HasCue relation from a Claim)"])
    }
}
