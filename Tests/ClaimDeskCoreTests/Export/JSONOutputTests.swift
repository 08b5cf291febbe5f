@testable import ClaimDeskCore
import Foundation
import Testing

/// Exports are written by hand in exactly the bytes `JSONEncoder` wrote before.
@Suite struct JSONOutputTests {
    static func foundation(_ value: JSONValue) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }

    static let keys = ["@context", "@type", "id", "ID", "type", "a10", "a9", "A2", "body", "Body", "x_y", "x-y", "é", "z", "items", "total"]
    static let strings = ["", "plain", "with \"quotes\" and \\ back", "a/b/c", "naïve “curly” 😀", "tab\there", "line\nbreak",
                          "esc\u{1B}", "\u{7F}del", "\u{2028}sep", "<script>", "100%"]

    static func random(_ g: inout SeededGenerator, depth: Int) -> JSONValue {
        switch g.next() % (depth > 3 ? 4 : 7) {
        case 0: return .string(g.pick(strings))
        case 1: return .number(g.pick([0, 1, -3, 42, 1_790_000_000, 2.5, -0.125, 1e-7, 123456.789]))
        case 2: return g.next() % 2 == 0 ? .bool(g.next() % 2 == 0) : .null
        case 3: return .string(g.pick(keys))
        case 4: return .array((0..<Int(g.next() % 4)).map { _ in random(&g, depth: depth + 1) })
        default:
            var object: [String: JSONValue] = [:]
            for _ in 0..<Int(g.next() % 6) { object[g.pick(keys)] = random(&g, depth: depth + 1) }
            return .object(object)
        }
    }

    @Test func sameBytesAsJSONEncoderOnRandomValues() throws {
        var g = SeededGenerator(seed: 31)
        for _ in 0..<500 {
            let value = Self.random(&g, depth: 0)
            let ours = JSONOutput.encode(value)
            let theirs = try Self.foundation(value)
            #expect(ours == theirs, "\(String(decoding: ours, as: UTF8.self)) vs \(String(decoding: theirs, as: UTF8.self))")
        }
    }

    @Test func streamedArrayGivesTheSameBytesAsTheWholeTree() throws {
        var g = SeededGenerator(seed: 8)
        for count in [0, 1, 5] {
            let items = (0..<count).map { _ in Self.random(&g, depth: 2) }
            let page: [String: JSONValue] = ["type": "Page", "id": "urn:x", "startIndex": .int(0)]
            let members: [String: JSONValue] = ["type": "Collection", "total": .int(count), "first": .object(page)]
            var whole = members
            var wholePage = page
            wholePage["items"] = .array(items)
            whole["first"] = .object(wholePage)
            var stream = JSONOutput.ArrayStream(depth: 2)
            for item in items { stream.append(item) }
            #expect(JSONOutput.encode(members, streaming: stream, at: ["first", "items"]) == (try Self.foundation(.object(whole))))
        }
    }

    @Test func exportsOfGeneratedSessionsAreWhatJSONEncoderWrites() throws {
        var g = SessionGenerator(seed: 12)
        for _ in 0..<25 {
            let session = g.session()
            for exporter in [W3CExporter() as any SessionExporter, ClaimReviewExporter()] {
                guard let result = try? exporter.export(session), case .file(let data) = result.payload else { continue }
                let parsed = try JSONDecoder().decode(JSONValue.self, from: data)
                #expect(data == (try Self.foundation(parsed)))
            }
        }
    }
}
