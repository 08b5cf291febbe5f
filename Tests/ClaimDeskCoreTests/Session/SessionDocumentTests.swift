@testable import ClaimDeskCore
import Foundation
import Testing

@Suite struct SessionDocumentTests {
    @Test(arguments: 0..<200)
    func roundTripsGeneratedSessions(seed: Int) throws {
        var generator = SessionGenerator(seed: UInt64(seed))
        let session = generator.session()
        let data = SessionDocument.encode(session)
        let reopened = try SessionDocument.decode(data)
        #expect(reopened == session)
        #expect(SessionDocument.encode(reopened) == data)
        #expect(SessionDocument.encode(session) == data)
    }

    @Test func theDocumentIsPrettySortedAndVersioned() throws {
        var generator = SessionGenerator(seed: 99)
        let data = SessionDocument.encode(generator.session())
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"analyst\": "))
        #expect(text.contains("\n  \"format\": \"claimdesk.session\",\n"))
        #expect(text.hasSuffix("\n  \"version\": 2\n}\n"))
        #expect(text.hasSuffix("}\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object.keys.sorted() == ["analyst", "articles", "claims", "counters", "created", "format", "mentions", "modified",
                                         "propositions", "relations", "settings", "sources", "stances", "taxonomy", "version"])
    }

    @Test func anchorsCarryPositionAndQuoteThatAgreeWithTheText() throws {
        var generator = SessionGenerator(seed: 5)
        let session = generator.session()
        for claim in session.claims.values {
            let text = session.articles[claim.anchor.article]!.content
            #expect(text.slice(claim.anchor.range) == claim.anchor.exact)
            #expect(claim.anchor.prefix.unicodeScalars.count == min(32, claim.anchor.start))
            #expect(text.slice(claim.anchor.start - claim.anchor.prefix.unicodeScalars.count..<claim.anchor.start) == claim.anchor.prefix)
        }
    }

    @Test(arguments: [
        ("[1, 2]", "not a ClaimDesk session: it is JSON but not an object"),
        ("{}", "not a ClaimDesk session: it has no \"format\" field"),
        ("{\"format\": \"w3c\"}", "not a ClaimDesk session: its format is \"w3c\", not \"claimdesk.session\""),
        ("{\"format\": \"claimdesk.session\"}", "not a ClaimDesk session: it has no \"version\" field"),
        ("{\"format\": \"claimdesk.session\", \"version\": 3}",
         "it is a version 3 session, newer than this ClaimDesk reads (version 2); upgrade ClaimDesk to open it"),
        ("{\"format\": \"claimdesk.session\", \"version\": 1}", "at analyst: missing"),
        ("{\"format\": \"claimdesk.session\", \"version\": 1, \"analyst\": \"a\", \"created\": \"yesterday\", \"modified\": \"x\"}",
         "at created (line 1, column 85): expected an ISO-8601 time such as 2026-11-25T15:53:02Z, found \"yesterday\""),
    ])
    func refusesWhatIsNotASession(json: String, message: String) {
        do {
            _ = try SessionDocument.decode(Data(json.utf8))
            Issue.record("decoded \(json)")
        } catch {
            #expect(error.message == message)
        }
    }

    @Test func reportsThePathOfAWrongField() throws {
        var generator = SessionGenerator(seed: 3)
        var session = generator.session()
        session.put(.claim(Claim(id: "c40", anchor: Anchor(article: "a1", range: 0..<1, in: session.articles["a1"]!.content),
                                 kind: "factual", verdict: "true", author: "a", created: Timestamp(secondsSince1970: 0))))
        let data = SessionDocument.encode(session)
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var claims = try #require(object["claims"] as? [[String: Any]])
        var anchor = try #require(claims[claims.count - 1]["anchor"] as? [String: Any])
        anchor["start"] = "zero"
        claims[claims.count - 1]["anchor"] = anchor
        object["claims"] = claims
        let broken = try JSONSerialization.data(withJSONObject: object)
        do {
            _ = try SessionDocument.decode(broken)
            Issue.record("decoded a broken session")
        } catch {
            #expect(error.message.hasPrefix("at claims[\(claims.count - 1)].anchor.start (line 1, column "))
            #expect(error.message.hasSuffix("): expected an integer, found a string"))
        }
    }

    @Test func truncatedJSONIsNotJSON() throws {
        var generator = SessionGenerator(seed: 4)
        let data = SessionDocument.encode(generator.session())
        do {
            _ = try SessionDocument.decode(data.prefix(data.count / 2))
            Issue.record("decoded half a file")
        } catch {
            #expect(error.message.hasPrefix("not valid JSON"))
        }
    }

    @Test func duplicateIdsAreRefused() throws {
        var generator = SessionGenerator(seed: 8)
        var session = generator.session()
        session.put(.proposition(Proposition(id: "pr1", text: "x", author: "a", created: Timestamp(secondsSince1970: 0))))
        let data = SessionDocument.encode(session)
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let propositions = try #require(object["propositions"] as? [[String: Any]])
        object["propositions"] = propositions + propositions
        let duplicated = try JSONSerialization.data(withJSONObject: object)
        do {
            _ = try SessionDocument.decode(duplicated)
            Issue.record("decoded duplicate ids")
        } catch {
            #expect(error.message.hasPrefix("at propositions[1] (line 1, column "))
            #expect(error.message.hasSuffix("): the id pr1 appears twice"))
        }
    }

    @Test func countersNeverFallBehindTheIds() throws {
        var generator = SessionGenerator(seed: 11)
        let session = generator.session()
        var object = try #require(try JSONSerialization.jsonObject(with: SessionDocument.encode(session)) as? [String: Any])
        object["counters"] = [String: Int]()
        let reopened = try SessionDocument.decode(try JSONSerialization.data(withJSONObject: object))
        #expect(reopened.nextID(.article).number == session.articles.count + 1)
        #expect(reopened.nextID(.source).number == session.sources.count + 1)
    }

    /// A session as version 1 wrote it: no article metadata.
    static let versionOne = """
        {"analyst": "ana", "articles": [{"id": "a1", "loaded": "2026-01-02T03:04:05Z", "origin": "story.txt", "revisions": [],
          "sha256": "\(SHA256Digest.hex(of: "Talks resume.\n"))", "text": "Talks resume.\\n", "title": "Talks resume"}],
         "claims": [], "counters": {"a": 1}, "created": "2026-01-02T03:04:05Z", "format": "claimdesk.session", "mentions": [],
         "modified": "2026-01-02T03:04:05Z", "propositions": [], "relations": [], "settings": {}, "sources": [], "stances": [],
         "taxonomy": {}, "version": 1}
        """

    @Test func aVersionOneSessionOpensUnchangedAndSavesAsVersionTwo() throws {
        let (session, version) = try SessionDocument.decodeWithVersion(Data(Self.versionOne.utf8))
        #expect(version == 1)
        let article = try #require(session.articles[AnnotationID("a1")])
        #expect(article.title == "Talks resume")
        #expect(article.text == "Talks resume.\n")
        #expect(article.metadata == ArticleMetadata())
        let saved = SessionDocument.encode(session)
        #expect(String(decoding: saved, as: UTF8.self).hasSuffix("\"version\": 2\n}\n"))
        let (reopened, newVersion) = try SessionDocument.decodeWithVersion(saved)
        #expect(newVersion == 2)
        #expect(reopened == session)
    }

    /// An article's hash is read as stored: one without it is refused, and one whose hash is not
    /// its text's is read with the hash it has. The record the reader fills in carries none (it
    /// hashed its empty text for every article read).
    @Test func anArticleIsReadWithTheHashItStoresAndNotWithoutOne() throws {
        #expect(Article.jsonDefaults.sha256.isEmpty)
        let stored = String(repeating: "ab", count: 32)
        let edited = Self.versionOne.replacingOccurrences(of: SHA256Digest.hex(of: "Talks resume.\n"), with: stored)
        let article = try #require(try SessionDocument.decode(Data(edited.utf8)).articles[AnnotationID("a1")])
        #expect(article.sha256 == stored)
        #expect(!article.hashMatchesText)
        let hashless = Self.versionOne.replacingOccurrences(of: "\"sha256\": \"\(SHA256Digest.hex(of: "Talks resume.\n"))\", ", with: "")
        #expect(!hashless.contains("sha256"))
        do {
            _ = try SessionDocument.decode(Data(hashless.utf8))
            Issue.record("read an article without its hash")
        } catch {
            #expect(error.message.contains("articles[0]"))
            #expect(error.message.contains("sha256"))
        }
    }

    @Test func articleMetadataRoundTripsAndIsLeftOutWhenEmpty() throws {
        var session = try SessionDocument.decode(Data(Self.versionOne.utf8))
        let plain = String(decoding: SessionDocument.encode(session), as: UTF8.self)
        for key in ["\"byline\"", "\"published\"", "\"url\"", "\"publisher\"", "\"fetchedURL\""] { #expect(!plain.contains(key)) }
        var article = try #require(session.articles[AnnotationID("a1")])
        article.metadata = ArticleMetadata(url: "https://news.example/a", publisher: AnnotationID("src1"), byline: ["Jane Doe"],
                                           published: "2020-03-23", modified: "2020-03-24T10:00:00Z", language: "en",
                                           fetchedSHA256: String(repeating: "0", count: 64), fetchedURL: "https://news.example/a?x")
        session.articles[article.id] = article
        let reopened = try SessionDocument.decode(SessionDocument.encode(session))
        #expect(reopened.articles[article.id]?.metadata == article.metadata)
    }
}
