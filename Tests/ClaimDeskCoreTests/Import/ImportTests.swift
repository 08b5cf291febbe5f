@testable import ClaimDeskCore
import Foundation
import Testing

/// Imports: W3C and brat exports read back into a session, other tools' annotations, and anchoring.
@Suite struct ImportTests {
    /// A session with only the sample's article (and sources, so names resolve to the same ids).
    static func emptyTwin(of session: Session, keepSources: Bool = false) -> Session {
        var twin = Session(name: "twin", analyst: "ivy", created: ExportSample.created)
        for article in session.orderedArticles { twin.put(.article(article)) }
        if keepSources { for source in session.orderedSources { twin.put(.source(source)) } }
        return twin
    }

    static func apply(_ plan: AnnotationImporter.Plan, to session: Session) -> Session {
        var result = session
        result.apply(Change(summary: "import", author: "ivy", time: ExportSample.created, edits: plan.edits))
        return result
    }

    /// What an annotation means, independent of ids: spans, labels, source names, tags and notes.
    static func meaning(_ s: Session) -> [String] {
        func name(_ id: AnnotationID?) -> String { id.map { s.sources[$0]?.name ?? "?" } ?? "-" }
        func span(_ a: Anchor) -> String { "\(a.article)@\(a.start)-\(a.end)" }
        func target(_ id: AnnotationID) -> String {
            if let p = s.propositions[id] { return "proposition " + p.text }
            if let c = s.claims[id] { return "claim " + span(c.anchor) }
            return id.rawValue
        }
        func notes(_ n: [Note]) -> String { n.map { "\($0.text) by \($0.author) at \($0.created)" }.joined(separator: "; ") }
        var lines: [String] = []
        for c in s.claims.values where !c.anchor.isOrphaned {
            lines.append("claim \(span(c.anchor)) \(c.kind) \(c.verdict) \(String(describing: c.checkWorthy)) by \(name(c.claimant)) via \(c.via.map(name)) #\(c.tags) \(notes(c.notes)) \(c.author) \(c.created) \(c.modified)")
        }
        for m in s.mentions.values { lines.append("mention \(span(m.anchor)) \(name(m.source)) #\(m.tags) \(notes(m.notes))") }
        for st in s.stances.values where !st.evidence.isEmpty {
            lines.append("stance \(name(st.holder)) \(st.label) \(target(st.target)) \(st.evidence.map(span)) #\(st.tags) \(notes(st.notes))")
        }
        for r in s.relations.values {
            func end(_ id: AnnotationID) -> String { s.claims[id].map { "claim " + span($0.anchor) } ?? target(id) }
            lines.append("relation \(end(r.from)) \(r.type) \(end(r.to)) \(notes(r.notes))")
        }
        return lines.sorted()
    }

    @Test func aW3CExportImportsBackToTheSameAnnotations() throws {
        let original = ExportSample.twoArticles()
        let data = try W3CExporter().export(original).data!
        let items = try W3CImporter.parse(data)
        let twin = Self.emptyTwin(of: original, keepSources: true)
        let plan = AnnotationImporter(session: twin, fallbackArticle: "a1", analyst: "ivy", now: ExportSample.created + 999).plan(items)
        #expect(plan.notAnchored.isEmpty && plan.skipped.isEmpty)
        #expect(plan.newSources.isEmpty)
        let imported = Self.apply(plan, to: twin)
        #expect(Self.meaning(imported) == Self.meaning(original))
        #expect(imported.stances.values.contains { $0.holder == "src1" && $0.label == "neutral" && $0.evidence.isEmpty })
        #expect(imported.propositions.values.map(\.text) == ["The U.S. should answer the seizure with force"])
    }

    @Test func aBratExportImportsBackToTheSameSpansLabelsAndSources() throws {
        let original = ExportSample.twoArticles()
        let export = try BratExporter().export(original)
        var items: [ImportedAnnotation] = []
        for ann in export.files where ann.name.hasSuffix(".ann") {
            let base = String(ann.name.dropLast(4))
            let txt = export.files.first { $0.name == base + ".txt" }!.text
            let document = BratImporter.parse(ann: ann.text, text: txt, name: base)
            #expect(document.skipped.isEmpty)
            items += document.annotations
        }
        let twin = Self.emptyTwin(of: original)
        let plan = AnnotationImporter(session: twin, fallbackArticle: "a1", analyst: "ivy", now: ExportSample.created).plan(items)
        #expect(plan.notAnchored.isEmpty && plan.skipped.isEmpty)
        let imported = Self.apply(plan, to: twin)
        // brat keeps no authors or times, and notes lose their line breaks; compare what it keeps.
        func kept(_ s: Session) -> [String] {
            func name(_ id: AnnotationID?) -> String { id.map { s.sources[$0]?.name ?? "?" } ?? "-" }
            var lines = s.claims.values.filter { !$0.anchor.isOrphaned }.map {
                "claim \($0.anchor.article)@\($0.anchor.range) \($0.kind) \($0.verdict) \(String(describing: $0.checkWorthy)) \(name($0.claimant)) \($0.via.map(name)) \($0.tags) \($0.notes.map { $0.text.replacingOccurrences(of: "\n", with: " ") })"
            }
            lines += s.mentions.values.map { "mention \($0.anchor.article)@\($0.anchor.range) \(name($0.source)) \($0.tags)" }
            lines += s.stances.values.filter { !$0.evidence.isEmpty }.map {
                "stance \(name($0.holder)) \($0.label) \(s.propositions[$0.target]?.text ?? s.claims[$0.target].map { "\($0.anchor.range)" } ?? "?") \($0.evidence.map(\.range).sorted { $0.lowerBound < $1.lowerBound }) \($0.notes.map(\.text))"
            }
            lines += s.relations.values.filter { s.claims[$0.to] != nil }.map { r in
                "relation \(s.claims[r.from]!.anchor.range) \(r.type) \(s.claims[r.to]!.anchor.range) \(r.notes.map(\.text))"
            }
            return lines.sorted()
        }
        #expect(kept(imported) == kept(original))
        #expect(Set(imported.sources.values.map(\.name)) == ["The Daily Courier", "Senior U.S. officials", "Helen R. Marsh",
                                                             "Gen. Thomas E. Reyes", "Meridian Wire"])
    }

    @Test func importingTwiceAddsNothingTheSecondTime() throws {
        let original = ExportSample.session()
        let items = try W3CImporter.parse(try W3CExporter().export(original).data!)
        let once = Self.apply(AnnotationImporter(session: Self.emptyTwin(of: original), fallbackArticle: "a1", analyst: "ivy", now: ExportSample.created).plan(items),
                              to: Self.emptyTwin(of: original))
        let again = AnnotationImporter(session: once, fallbackArticle: "a1", analyst: "ivy", now: ExportSample.created).plan(items)
        #expect(again.imported.isEmpty && again.edits.isEmpty)
        #expect(again.alreadyPresent.count == items.count)
    }

    @Test func spansAreFoundByQuoteWhenTheTextMovedOrWasEdited() throws {
        let original = ExportSample.session()
        let items = try W3CImporter.parse(try W3CExporter().export(original).data!)
        // The same story with a new first line and one name edited.
        let edited = "Updated 10:40 GMT.\n\n" + ExportSample.text.replacingOccurrences(of: "Helen R. Marsh", with: "Helen Marsh")
        var target = Session(name: "edited", analyst: "ivy", created: ExportSample.created)
        target.put(.article(Article(id: "a1", title: "Edited", origin: nil, text: edited, loaded: ExportSample.created)))
        let plan = AnnotationImporter(session: target, fallbackArticle: "a1", analyst: "ivy", now: ExportSample.created).plan(items)
        let imported = Self.apply(plan, to: target)
        let shift = "Updated 10:40 GMT.\n\n".unicodeScalars.count
        let c2 = try #require(imported.claims.values.first { $0.anchor.exact == "We will not escalate" })
        #expect(c2.anchor.start == ExportSample.range("We will not escalate").lowerBound + shift - 3)
        // The edited quotes are found again, on the edited text.
        #expect(plan.notAnchored == [])
        #expect(imported.mentions.values.contains { $0.anchor.exact == "Helen Marsh" })
        #expect(imported.claims.values.contains { $0.anchor.exact.hasPrefix("The Daily Courier reported") && $0.anchor.exact.contains("Helen Marsh") })
        for claim in imported.claims.values {
            #expect(imported.articles["a1"]!.content.slice(claim.anchor.range) == claim.anchor.exact)
        }
    }

    @Test func whatCannotBeAnchoredIsReportedAndWhatDependsOnItSkipped() throws {
        let original = ExportSample.session()
        let items = try W3CImporter.parse(try W3CExporter().export(original).data!)
        // The Courier's sentence and the Secretary's name are gone.
        let start = ExportSample.range("The Daily Courier reported")
        let text = ExportSample.text
        let scalars = Array(text.unicodeScalars)
        var cut = String.UnicodeScalarView()
        cut.append(contentsOf: scalars[..<start.lowerBound])
        cut.append(contentsOf: "Another paragraph followed.\n\n".unicodeScalars)
        let rest = String(String.UnicodeScalarView(scalars[start.lowerBound...]))
        let afterQuote = rest.range(of: "Gen. Thomas E. Reyes")!.lowerBound
        let edited = String(cut) + String(rest[afterQuote...])
        var target = Session(name: "cut", analyst: "ivy", created: ExportSample.created)
        target.put(.article(Article(id: "a1", title: "Cut", origin: nil, text: edited, loaded: ExportSample.created)))
        let plan = AnnotationImporter(session: target, fallbackArticle: "a1", analyst: "ivy", now: ExportSample.created).plan(items)
        #expect(plan.notAnchored.contains { $0.hasPrefix("c1 “The Daily Courier reported, quoting") && $0.hasSuffix("…” (not in a1)") })
        #expect(plan.notAnchored.contains("m1 “Helen R. Marsh” (not in a1)"))
        // r1 pointed at c1, which is not there.
        #expect(plan.skipped.contains("r1: it links c1, which was not imported"))
        #expect(plan.skipped.contains("st2: its target c1 is not a claim imported from this file"))
    }

    @Test func otherToolsAnnotationsBecomeClaimsWithTheirCommentsAndTags() throws {
        let json = """
            [{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "https://hyp.example/a/1", "type": "Annotation",
              "motivation": "commenting", "creator": "acct:kim@hyp.example", "created": "2026-01-02T03:04:05.678+00:00",
              "body": [{"type": "TextualBody", "value": "Source?", "purpose": "commenting"},
                       {"type": "TextualBody", "value": "needs check", "purpose": "tagging"}],
              "target": {"source": "https://news.example/story", "selector": [
                {"type": "TextQuoteSelector", "exact": "Fees rose 40%", "prefix": "he said. ", "suffix": ", “a record”"},
                {"type": "TextPositionSelector", "start": 1, "end": 14}]}},
             {"type": "Annotation", "bodyValue": "Nice", "target": {"source": "x:y", "selector": {"type": "TextQuoteSelector", "exact": "nowhere in the text"}}},
             {"type": "Annotation", "motivation": "highlighting", "target": "https://news.example/story"}]
            """
        let items = try W3CImporter.parse(Data(json.utf8))
        var target = Self.emptyTwin(of: ExportSample.session())
        let plan = AnnotationImporter(session: target, fallbackArticle: "a1", analyst: "ivy", now: ExportSample.created).plan(items)
        target = Self.apply(plan, to: target)
        #expect(plan.imported == ["c1"])
        let claim = try #require(target.claims["c1"])
        #expect(claim.anchor.range == ExportSample.range("Fees rose 40%"))
        #expect(claim.kind == "factual" && claim.verdict == "unverified")
        #expect(claim.tags == ["check", "needs"])
        #expect(claim.notes.map(\.text) == ["Source?"])
        #expect(claim.author == "kim@hyp.example")
        #expect(claim.created == Timestamp(iso8601: "2026-01-02T03:04:05Z"))
        #expect(plan.notAnchored == ["annotation 2 “nowhere in the text” (not in a1)", "annotation 3 (it targets no text span)"])
    }

    @Test func notW3CIsRefusedWithAReason() {
        #expect(throws: ImportError.self) { try W3CImporter.parse(Data("{\"a\": 1}".utf8)) }
        #expect(throws: ImportError.self) { try W3CImporter.parse(Data("not json".utf8)) }
        do {
            _ = try W3CImporter.parse(Data(#"{"type": "AnnotationCollection", "first": "https://x/page1"}"#.utf8))
            Issue.record("a collection without its pages was read")
        } catch {
            #expect(error.message.contains("pages are not in the file"))
        }
    }

    @Test func labelsOutsideTheTaxonomyAreReportedNotInvented() throws {
        let ann = "T1\tClaim 0 4\tPort\nA1\tVerdict T1 pants-on-fire\nT2\tPerson 5 10\ttalks\nE1\tEvent:T1\n"
        let document = BratImporter.parse(ann: ann, text: ExportSample.text, name: "doc")
        #expect(document.skipped == ["doc E1: brat E lines (events, normalisations, equivalences) have no ClaimDesk counterpart",
                                     "doc T2: the entity type Person is not one ClaimDesk reads (Claim, Mention, Evidence, Cue)"])
        let plan = AnnotationImporter(session: Self.emptyTwin(of: ExportSample.session()), fallbackArticle: "a1", analyst: "ivy",
                                      now: ExportSample.created).plan(document.annotations)
        #expect(plan.imported.isEmpty)
        #expect(plan.skipped.first?.hasPrefix("doc T1: the verdict \"pants-on-fire\" is not in the session's taxonomy") == true)
    }

    /// Offsets come from the file: a middle fragment past the end of the text once trapped.
    @Test(arguments: ["T1\tClaim 0 4;99999 100000;5 10\tPort talks", "T1\tClaim 0 9223372036854775807\tPort",
                      "T1\tClaim 9223372036854775806 9223372036854775807\tPort"])
    func bratFragmentsOutsideTheTextAreFoundByQuoteNotSliced(ann: String) {
        let document = BratImporter.parse(ann: ann, text: ExportSample.text, name: "doc")
        #expect(document.annotations.count == 1)
        #expect(document.annotations.first?.spans.first?.quote.start == nil)
    }
}

@Suite struct QuoteLocatorTests {
    let text = ArticleText("The tanker left. Officials said the tanker was held. Later the tanker sailed.")

    @Test func aPositionWhoseTextIsTheQuoteIsUsedAsIs() {
        let start = Array(text.string.unicodeScalars).count - "tanker sailed.".count
        #expect(QuoteLocator.locate(TextQuote(exact: "tanker", start: start, end: start + 6), in: text) == .found(start..<start + 6))
    }

    @Test func contextChoosesAmongOccurrences() {
        let second = ExportSample.range("tanker", 2, in: text.string)
        #expect(QuoteLocator.locate(TextQuote(exact: "tanker", prefix: "said the ", suffix: " was"), in: text) == .found(second))
        let third = ExportSample.range("tanker", 3, in: text.string)
        #expect(QuoteLocator.locate(TextQuote(exact: "tanker", prefix: "Later the "), in: text) == .found(third))
        // A stale position breaks a tie between equally good contexts.
        #expect(QuoteLocator.locate(TextQuote(exact: "tanker", start: third.lowerBound + 2, end: third.upperBound + 2), in: text) == .found(third))
        #expect(QuoteLocator.locate(TextQuote(exact: "tanker"), in: text) == .ambiguous(3))
    }

    @Test func typedQuotesAndSpacesStillFindTypographicText() {
        let typographic = ArticleText("Marsh’s office said “no”  twice.")
        let found = QuoteLocator.locate(TextQuote(exact: "Marsh's office said \"no\" twice"), in: typographic)
        #expect(found == .found(0..<"Marsh’s office said “no”  twice".unicodeScalars.count))
        #expect(QuoteLocator.locate(TextQuote(exact: "absent"), in: typographic) == .notFound)
        #expect(QuoteLocator.locate(TextQuote(exact: ""), in: typographic) == .notFound)
    }
}

/// Review decisions travel through the W3C export as `assessing` annotations on the annotation
/// they decide on, and come back onto the imported annotation.
@Suite struct W3CReviewRoundTripTests {
    @Test func decisionsExportAsAssessingAnnotationsAndImportBack() throws {
        var original = ExportSample.twoArticles()
        let claim = try #require(original.orderedClaims.first { !$0.anchor.isOrphaned })
        var reviewed = claim
        var review = Review()
        review.decide(ReviewDecision(status: .rejected, reviewer: "ed", time: ExportSample.created + 10, comment: "not Reyes's words"))
        review.decide(ReviewDecision(status: .accepted, reviewer: "kim", time: ExportSample.created + 20))
        reviewed.review = review
        original.put(.claim(reviewed))

        let data = try #require(try W3CExporter().export(original).data)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let items = try #require((json["first"] as? [String: Any])?["items"] as? [[String: Any]])
        let decisions = items.filter { ($0["id"] as? String)?.contains("\(claim.id)-review-") == true }
        #expect(decisions.count == 2)
        #expect(decisions.allSatisfy { $0["motivation"] as? String == "assessing" && ($0["target"] as? String)?.hasSuffix(":\(claim.id)") == true })
        #expect((decisions[0]["creator"] as? [String: Any])?["name"] as? String == "ed")

        let twin = ImportTests.emptyTwin(of: original, keepSources: true)
        let plan = AnnotationImporter(session: twin, fallbackArticle: "a1", analyst: "ivy", now: ExportSample.created + 999)
            .plan(try W3CImporter.parse(data))
        #expect(plan.notAnchored.isEmpty && plan.skipped.isEmpty)
        let imported = ImportTests.apply(plan, to: twin)
        #expect(ImportTests.meaning(imported) == ImportTests.meaning(original))
        let back = try #require(imported.claims.values.first { $0.anchor.range == claim.anchor.range && $0.anchor.article == claim.anchor.article })
        #expect(back.review?.decisions == review.decisions)
        #expect(back.reviewStatus == .accepted)
        // Importing the same file again adds neither annotations nor decisions.
        let again = AnnotationImporter(session: imported, fallbackArticle: "a1", analyst: "ivy", now: ExportSample.created + 999)
            .plan(try W3CImporter.parse(data))
        #expect(again.edits.isEmpty)
    }
}

/// A damaged W3C file is refused with the place of the fault, whatever tool wrote it.
@Suite struct W3CImportErrorTests {
    @Test func aDamagedExportSaysTheLineColumnAndPath() throws {
        let data = try #require(try W3CExporter().export(ExportSample.session()).data)
        var text = String(decoding: data, as: UTF8.self)
        // Cut the comma after the first annotation's body, as a careless hand edit would.
        let body = try #require(text.range(of: "\"generated\" : "))
        let before = text[..<body.lowerBound]
        let comma = try #require(before.lastIndex(of: ","))
        text.remove(at: comma)
        let line = text[..<comma].filter { $0 == "\n" }.count + 1
        #expect(throws: ImportError.self) { try W3CImporter.parse(Data(text.utf8)) }
        do {
            _ = try W3CImporter.parse(Data(text.utf8))
        } catch {
            #expect(error.message.hasPrefix("it is not JSON at first.items[0].creator (line \(line + 1), column 9): expected , or } after a value, found a string"),
                    "\(error.message)")
        }
    }

    @Test func aFileCutShortSaysWhereItEnds() {
        let json = "[{\"type\": \"Annotation\", \"target\": {\"selector\": {\"type\": \"TextQuoteSelector\", \"exact\": \"talks"
        do {
            _ = try W3CImporter.parse(Data(json.utf8))
            Issue.record("a cut file was read")
        } catch {
            #expect(error.message == "it is not JSON at [0].target.selector.exact (line 1, column 87): a string is not closed (is the file cut short?)")
        }
    }
}
