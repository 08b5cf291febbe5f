@testable import ClaimDeskCore
import Foundation
import Testing

/// `import brat --map`: a corpus whose types are not ClaimDesk's (Tests/…/Fixtures/brat-mapped).
@Suite struct BratMappedImportTests {
    static func fixture(_ name: String, _ ext: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Fixtures/brat-mapped"))
        return try String(contentsOf: url, encoding: .utf8)
    }

    static func map() throws -> BratMap {
        var reader = JSONReader([UInt8](try fixture("map", "json").utf8))
        return try BratMap(json: &reader)
    }

    static func document() throws -> BratImporter.Document {
        BratMappedImporter.parse(ann: try fixture("river", "ann"), text: try fixture("river", "txt"), name: "river", map: try map())
    }

    @Test func eventsAndRelationsBecomeClaimsWithTheirClaimant() throws {
        let claims = try Self.document().annotations.compactMap { item -> (String, String?)? in
            guard case .claim(_, _, _, let claimant, _) = item.kind else { return nil }
            return (item.spans.first?.quote.exact ?? "", claimant)
        }
        #expect(claims.map(\.0) == ["the barrier would open", "costs had doubled", "blamed the contractor",
                                    "they feel forgotten"])
        // Message2 is brat's second Message role; Arg2 of AttributedTo names the institution.
        #expect(claims.map(\.1) == ["Ravi Menon", "Ravi Menon", "The mayor's office", nil])
        // The map names the event's trigger (the Reporting role) as the cue.
        let cues = try Self.document().annotations.map { $0.cue?.quote.exact }
        #expect(cues.prefix(3) == ["told", "added", nil])
    }

    @Test func aDiscontinuousSpanComesInAsFragmentsAnchoredByPosition() throws {
        let first = try #require(try Self.document().annotations.first)
        #expect(first.spans.map(\.quote.exact) == ["the barrier would open", "no earlier than March"])
        #expect(first.spans.map { $0.quote.start } == [69, 93])
        #expect(first.spans.allSatisfy { $0.textSHA256 != nil })
    }

    @Test func mappedEntityTypesBecomeMentionsWhoseSourcesHaveTheMapsKind() throws {
        let mentions = try Self.document().annotations.filter { if case .mention = $0.kind { true } else { false } }
        #expect(mentions.map { $0.sources.first?.name } == ["Ravi Menon", "The mayor's office"])
        #expect(mentions.map { $0.sources.first?.kind } == ["official", "government"])
        let claims = try Self.document().annotations.filter { if case .claim = $0.kind { true } else { false } }
        #expect(claims.first?.sources.first?.kind == "official", "the claimant's source gets its type's kind too")
        #expect(claims[1].notes.map(\.text) == ["no figure given"])
    }

    @Test func whatTheMapDoesNotNameIsReportedNotGuessed() throws {
        #expect(try Self.document().skipped == [
            "river E3: the event type Hearsay is not in the map",
            "river: 1 Date annotation left out: the type Date is not in the map",
        ])
    }

    @Test func aMapWithAnUnknownKeyOrNoClaimRoleIsRefused() throws {
        var reader = JSONReader(Array(#"{"claim": ["Quote"]}"#.utf8))
        #expect(throws: JSONReadError.self) { try BratMap(json: &reader) }
        var noRole = JSONReader(Array(#"{"attributions": [{"event": "Attribution", "claimant": "Source"}]}"#.utf8))
        #expect(throws: JSONReadError.self) { try BratMap(json: &noRole) }
        var both = JSONReader(Array(#"{"attributions": [{"event": "A", "relation": "B", "claim": "C"}]}"#.utf8))
        #expect(throws: JSONReadError.self) { try BratMap(json: &both) }
    }
}
