@testable import ClaimDeskCore
import Foundation
import Testing

/// Saved sessions against the documented JSON Schema in `docs/session.schema.json` (no network).
@Suite struct SessionSchemaTests {
    static let schemaURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/session.schema.json")

    func validator() throws -> JSONSchemaValidator {
        JSONSchemaValidator(root: try JSONValue.parse(Array(Data(contentsOf: Self.schemaURL))))
    }

    @Test(arguments: 0..<60)
    func generatedSessionsMatchTheSchema(seed: Int) throws {
        var generator = SessionGenerator(seed: UInt64(1000 + seed))
        let data = SessionDocument.encode(generator.session())
        let problems = try validator().validate(try JSONValue.parse(Array(data)))
        #expect(problems == [])
    }

    @Test func aMergedSessionWithConflictsMatchesTheSchema() throws {
        let data = SessionDocument.encode(SessionMergeTests.merged().session)
        let document = try JSONValue.parse(Array(data))
        #expect(try validator().validate(document) == [])
        // A version that is not one of the annotation kinds is caught.
        let broken = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\"stance\": {", with: "\"proposition\": {")
        #expect(try validator().validate(try JSONValue.parse(Array(Data(broken.utf8)))) != [])
    }

    @Test func cuesAndFragmentsMatchTheSchema() throws {
        let data = SessionDocument.encode(FragmentTests.session())
        #expect(String(decoding: data, as: UTF8.self).contains("\"moreFragments\""))
        #expect(String(decoding: data, as: UTF8.self).contains("\"cue\""))
        let problems = try validator().validate(try JSONValue.parse(Array(data)))
        #expect(problems == [])
    }

    @Test func theValidatorCatchesMissingFieldsWrongTypesAndBadIds() throws {
        var generator = SessionGenerator(seed: 77)
        let data = SessionDocument.encode(generator.session())
        guard case .object(var document) = try JSONValue.parse(Array(data)) else {
            Issue.record("not an object")
            return
        }
        document["analyst"] = nil
        document["version"] = .number(3)
        document["counters"] = .string("none")
        if case .array(var sources)? = document["sources"], case .object(var first)? = sources.first {
            first["id"] = .string("s1")
            sources[0] = .object(first)
            document["sources"] = .array(sources)
        }
        let problems = try validator().validate(.object(document))
        #expect(problems.contains("$: missing analyst"))
        #expect(problems.contains { $0.hasPrefix("$.version: expected") })
        #expect(problems.contains("$.counters: expected object"))
        #expect(problems.contains { $0.hasPrefix("$.sources[0].id: \"s1\" does not match") })
    }
}
