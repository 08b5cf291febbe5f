@testable import ClaimDeskCore
import Foundation
import Testing

@Suite struct W3CExportTests {
    static let dateTime = #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"#
    static let motivations: Set<String> = ["assessing", "bookmarking", "classifying", "commenting", "describing", "editing",
                                           "highlighting", "identifying", "linking", "moderating", "questioning", "replying", "tagging"]

    func export(_ session: Session) throws -> (JSONValue, [JSONValue], ExportResult) {
        let result = try W3CExporter().export(session)
        let collection = try jsonObject(result.data)
        return (collection, collection["first"]?["items"]?.arrayValue ?? [], result)
    }

    func items(_ items: [JSONValue], motivation: String) -> [JSONValue] {
        items.filter { $0["motivation"]?.stringValue == motivation }
    }

    func item(_ items: [JSONValue], _ id: String) throws -> JSONValue {
        try #require(items.first { $0["id"]?.stringValue?.hasSuffix(":" + id) == true || $0["id"]?.stringValue?.hasSuffix("/" + id) == true })
    }

    func bodies(_ annotation: JSONValue, purpose: String) -> [String] {
        (annotation["body"]?.asList ?? []).filter { $0["purpose"]?.stringValue == purpose }.compactMap { $0["value"]?.stringValue }
    }

    @Test func theCollectionIsJSONLDWithEveryPlacedAnnotation() throws {
        let session = ExportSample.session()
        let (collection, items, result) = try export(session)
        #expect(collection["@context"] == .string("http://www.w3.org/ns/anno.jsonld"))
        #expect(collection["type"] == .string("AnnotationCollection"))
        #expect(collection["id"] == .string("urn:claimdesk:sample:collection"))
        #expect(collection["first"]?["type"] == .string("AnnotationPage"))
        #expect(collection["first"]?["startIndex"]?.intValue == 0)
        // 5 claims but the orphaned one, 3 mentions, 3 stances, 2 relations.
        #expect(items.count == 12)
        #expect(collection["total"]?.intValue == items.count)
        #expect(result.count == items.count)
        #expect(result.warnings == ["c5 left out: its quote is not in the article's current text (orphaned)"])
        let ids = items.compactMap { $0["id"]?.stringValue }
        #expect(Set(ids).count == items.count)
    }

    @Test func everyAnnotationHasTheRequiredFields() throws {
        let (_, items, _) = try export(ExportSample.session())
        for item in items {
            let id = item["id"]?.stringValue ?? ""
            #expect(item["@context"] == .string(W3CExporter.context), "\(id)")
            #expect(ExportIdentifiers.isAbsoluteIRI(id), "\(id) is not an IRI")
            #expect(item["type"] == .string("Annotation"))
            #expect(Self.motivations.contains(item["motivation"]?.stringValue ?? ""), "\(id) motivation")
            #expect(item["target"] != nil && item["body"] != nil, "\(id)")
            let creator = item["creator"]
            #expect(creator?["type"] == .string("Person"))
            #expect(creator?["name"]?.stringValue?.isEmpty == false)
            #expect(ExportIdentifiers.isAbsoluteIRI(creator?["id"]?.stringValue ?? ""))
            for key in ["created", "modified", "generated"] {
                #expect(item[key]?.stringValue?.range(of: Self.dateTime, options: .regularExpression) != nil, "\(id) \(key)")
            }
            for body in item["body"]!.asList {
                // A body with an id is an External Web Resource, which may not have a purpose (model 3.3.5).
                #expect(!(body["id"] != nil && body["purpose"] != nil), "\(id) has a body with both id and purpose")
                if body["type"] == .string("TextualBody") {
                    #expect(body["value"]?.stringValue != nil && body["format"] == .string("text/plain"))
                }
            }
        }
    }

    @Test func everySpanHasBothSelectorsAndTheQuoteIsTheTextAtThePosition() throws {
        let session = ExportSample.twoArticles()
        let (_, items, _) = try export(session)
        var spans = 0
        for item in items {
            for target in item["target"]!.asList where target.objectValue != nil {
                let source = try #require(target["source"]?.stringValue)
                let article = try #require(session.orderedArticles.first { "urn:sha256:" + SHA256Digest.hex(of: $0.text) == source })
                let selectors = target["selector"]?.asList ?? []
                let quote = try #require(selectors.first { $0["type"] == .string("TextQuoteSelector") })
                let position = try #require(selectors.first { $0["type"] == .string("TextPositionSelector") })
                let start = try #require(position["start"]?.intValue), end = try #require(position["end"]?.intValue)
                #expect(quote["exact"]?.stringValue == article.content.slice(start..<end))
                #expect((quote["prefix"]?.stringValue ?? "") == article.content.slice(max(0, start - 32)..<start))
                #expect((quote["suffix"]?.stringValue ?? "") == article.content.slice(end..<min(article.content.count, end + 32)))
                spans += 1
            }
        }
        // c1–c4, c9, three mentions, three evidence spans.
        #expect(spans == 11)
    }

    @Test func positionsCountCodePointsNotUTF16OrCharacters() throws {
        var session = ExportSample.session()
        let article = session.articles["a1"]!
        let range = ExportSample.range("owners said")
        session.put(.claim(Claim(id: "c8", anchor: Anchor(article: "a1", range: range, in: article.content), kind: "factual",
                                 verdict: "unverified", author: "ana", created: ExportSample.created)))
        let (_, items, _) = try export(session)
        let selector = try item(items, "c8")["target"]?["selector"]?.asList.first { $0["type"] == .string("TextPositionSelector") }
        // The emoji before it is one code point (two UTF-16 units), "ï" and "é" one each (NFC).
        let start = try #require(selector?["start"]?.intValue)
        #expect(start == Array(ExportSample.text.unicodeScalars).count - "owners said.".unicodeScalars.count)
        #expect(start != ExportSample.text.utf16.count - "owners said.".utf16.count)
    }

    @Test func claimsCarryKindVerdictAndTheSourceChainInOrder() throws {
        let (_, items, _) = try export(ExportSample.session())
        let c1 = try item(items, "c1")
        #expect(c1["motivation"] == .string("classifying"))
        #expect(bodies(c1, purpose: "classifying") == ["factual"])
        #expect(bodies(c1, purpose: "assessing") == ["unverified"])
        #expect(bodies(c1, purpose: "identifying") == ["Senior U.S. officials"])
        #expect(bodies(c1, purpose: "describing") == ["via The Daily Courier", "via Meridian Wire"])
        #expect(bodies(c1, purpose: "tagging") == ["disputed", "escalation"])
        let note = try #require(c1["body"]?.asList.first { $0["purpose"] == .string("commenting") })
        #expect(note["value"] == .string("Check the \"Courier\" copy, line 2,\nplease </script><b>x</b>"))
        #expect(note["creator"]?["name"] == .string("bo"))
        #expect(note["created"] == .string((ExportSample.created + 60).description))
        let c2 = try item(items, "c2")
        #expect(bodies(c2, purpose: "classifying") == ["prediction", "check-worthy"])
        #expect(c2["modified"] == .string((ExportSample.created + 86_400 * 3).description))
        #expect(bodies(try item(items, "c3"), purpose: "classifying") == ["opinion", "not-check-worthy"])
    }

    @Test func mentionsStancesAndRelations() throws {
        let (_, items, _) = try export(ExportSample.session())
        let m1 = try item(items, "m1")
        #expect(m1["motivation"] == .string("identifying"))
        #expect(bodies(m1, purpose: "identifying") == ["Helen R. Marsh"])

        let st1 = try item(items, "st1")
        #expect(st1["motivation"] == .string("assessing"))
        #expect(bodies(st1, purpose: "assessing") == ["favor"])
        #expect(bodies(st1, purpose: "identifying") == ["Helen R. Marsh"])
        let link = try #require(st1["body"]?.asList.first { $0["purpose"] == .string("linking") })
        #expect(link["type"] == .string("SpecificResource"))
        #expect(link["source"]?["id"] == .string("urn:claimdesk:sample:pr1"))
        #expect(link["source"]?["value"] == .string("The U.S. should answer the seizure with force"))

        let st2 = try item(items, "st2")
        #expect(st2["target"]?.arrayValue?.count == 2)
        #expect(st2["body"]?.asList.first { $0["purpose"] == .string("linking") }?["source"] == .string("urn:claimdesk:sample:c1"))
        // Without evidence in the text the stance is about its target.
        #expect(try item(items, "st3")["target"] == .string("urn:claimdesk:sample:pr1"))

        let r1 = try item(items, "r1")
        #expect(r1["motivation"] == .string("linking"))
        #expect(r1["target"] == .string("urn:claimdesk:sample:c2"))
        #expect(r1["body"]?.asList.first { $0["purpose"] == .string("linking") }?["source"] == .string("urn:claimdesk:sample:c1"))
        #expect(bodies(r1, purpose: "classifying") == ["contradicts"])
        #expect(bodies(r1, purpose: "commenting") == ["flat denial"])
    }

    @Test func idsUseTheBaseURLWhenTheSessionHasOne() throws {
        let (collection, items, _) = try export(ExportSample.session(baseURL: "https://desk.example/harbor/"))
        #expect(collection["id"] == .string("https://desk.example/harbor/collection"))
        #expect(try item(items, "c1")["id"] == .string("https://desk.example/harbor/c1"))
        #expect(try item(items, "c1")["creator"]?["id"] == .string("https://desk.example/harbor/analysts/ana"))
        let (_, noSlash, _) = try export(ExportSample.session(baseURL: "https://desk.example/harbor"))
        #expect(try item(noSlash, "r1")["id"] == .string("https://desk.example/harbor/r1"))
    }

    @Test func sessionNamesAreEncodedInURNs() throws {
        let (collection, _, _) = try export(ExportSample.session(name: "Zoë's desk: 2"))
        #expect(collection["id"] == .string("urn:claimdesk:Zo%C3%AB%27s%20desk%3A%202:collection"))
        let (untitled, _, _) = try export(ExportSample.session(name: nil))
        #expect(untitled["id"] == .string("urn:claimdesk:untitled:collection"))
    }

    @Test(arguments: ["desk.example/annotations", "https://desk example/", "", "1http://x", "javascript:alert(1)//",
                      "data:text/html,x", "file:///etc/", "urn:x:y", "https://", "http:///path"])
    func refusesABaseURLThatIsNotAnAbsoluteAddress(base: String) throws {
        let session = ExportSample.session(baseURL: base)
        if base.isEmpty {
            _ = try W3CExporter().export(session)
        } else {
            #expect(throws: ExportError.badBaseURL(base)) { try W3CExporter().export(session) }
        }
    }

    @Test func refusesASessionWithoutArticles() {
        let session = Session(name: "empty", analyst: "ana", created: ExportSample.created)
        for format in ExportFormat.allCases {
            #expect(throws: ExportError.noArticles) { try format.export(session) }
        }
    }

    @Test func theSameSessionGivesTheSameBytes() throws {
        let session = ExportSample.twoArticles()
        for format in ExportFormat.allCases {
            let all = ExportOptions(includeUnaccepted: true)
            let first = try format.export(session, options: all), second = try format.export(session, options: all)
            #expect(first == second, "\(format) is not deterministic")
        }
        let text = String(decoding: try W3CExporter().export(session).data!, as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"@context\" : \"http://www.w3.org/ns/anno.jsonld\",\n"))
        #expect(text.hasSuffix("}\n"))
    }

    @Test(arguments: 0..<60)
    func generatedSessionsKeepEveryInvariant(seed: Int) throws {
        var generator = SessionGenerator(seed: UInt64(seed))
        let session = generator.session()
        let (collection, items, result) = try export(session)
        let orphaned = session.claims.values.filter(\.anchor.isOrphaned).count
        let annotations = session.claims.count - orphaned + session.mentions.count + session.stances.count + session.relations.count
        // Each review decision on an exported annotation is an annotation of its own.
        let decisions = session.claims.values.filter { !$0.anchor.isOrphaned }.reduce(0) { $0 + ($1.review?.decisions.count ?? 0) }
        #expect(items.count == annotations + decisions)
        #expect(result.count == annotations)
        #expect(collection["total"]?.intValue == items.count)
        #expect(result.warnings.filter { $0.contains("orphaned") && !$0.contains("evidence") }.count == orphaned)
        for item in items {
            for target in item["target"]!.asList where target.objectValue != nil {
                // An article with a URL is named by it; one without, by the hash of its text.
                let article = try #require(session.orderedArticles.first {
                    ($0.metadata.url ?? "urn:sha256:" + SHA256Digest.hex(of: $0.text)) == target["source"]?.stringValue
                })
                let selectors = target["selector"]!.asList
                let start = selectors[1]["start"]!.intValue!, end = selectors[1]["end"]!.intValue!
                #expect(selectors[0]["exact"]?.stringValue == article.content.slice(start..<end))
                #expect(start < end && end <= article.content.count)
            }
        }
    }
}
