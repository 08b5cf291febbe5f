@testable import ClaimDeskCore
import Foundation
import Testing

/// Exports are written with ``JSONWriter`` in the encoder's spelling: the very bytes `JSONEncoder`
/// wrote for them before, so that files already published do not change. `JSONEncoder` stays
/// here only as the witness.
@Suite struct JSONWriterSpellingTests {
    /// What exports were before: the tree encoded by Foundation, sorted keys, slashes unescaped.
    static func foundation(_ value: JSONValue) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(EncodableValue(value))
        data.append(0x0A)
        return data
    }

    /// A JSON tree as `Encodable`, for the witness only.
    struct EncodableValue: Encodable {
        let value: JSONValue
        init(_ value: JSONValue) { self.value = value }

        func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            switch value {
            case .null: try c.encodeNil()
            case .bool(let b): try c.encode(b)
            case .number(let n): if let i = Int(n.text) { try c.encode(i) } else { try c.encode(n.doubleValue) }
            case .string(let s): try c.encode(s)
            case .array(let a): try c.encode(a.map(EncodableValue.init))
            case .object(let o): try c.encode(o.mapValues(EncodableValue.init))
            }
        }
    }

    static let keys = ["@context", "@type", "id", "ID", "type", "a10", "a9", "A2", "body", "Body", "x_y", "x-y", "é", "z", "items", "total"]
    static let strings = ["", "plain", "with \"quotes\" and \\ back", "a/b/c", "naïve “curly” 😀", "tab\there", "line\nbreak",
                          "esc\u{1B}", "\u{7F}del", "\u{2028}sep", "<script>", "100%", "\u{0}\u{1}\u{8}\u{C}\r\u{1F}"]

    static func random(_ g: inout SeededGenerator, depth: Int) -> JSONValue {
        switch g.next() % (depth > 3 ? 4 : 7) {
        case 0: return .string(g.pick(strings))
        case 1: return .int(g.pick([0, 1, -3, 42, 1_790_000_000, -9_007_199_254_740_993]))
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
            let ours = Data(value.encoded(spelling: .encoderCompatible))
            let theirs = try Self.foundation(value)
            #expect(ours == theirs, "\(String(decoding: ours, as: UTF8.self)) vs \(String(decoding: theirs, as: UTF8.self))")
        }
    }

    @Test func emptyContainersInEachSpelling() {
        let value: JSONValue = .object(["a": .array([]), "b": .object([:])])
        #expect(String(decoding: value.encoded(), as: UTF8.self) == "{\n  \"a\": [],\n  \"b\": {}\n}\n")
        #expect(String(decoding: value.encoded(spelling: .encoderCompatible), as: UTF8.self)
                == "{\n  \"a\" : [\n\n  ],\n  \"b\" : {\n\n  }\n}\n")
        #expect(String(decoding: value.encoded(pretty: false, spelling: .encoderCompatible), as: UTF8.self) == #"{"a":[],"b":{}}"#)
    }

    @Test func drainingHandsOnWhatIsWrittenAndTheDocumentStaysWhole() {
        var writer = JSONWriter(pretty: false)
        var pieces: [[UInt8]] = []
        writer.beginArray()
        writer.int(1)
        writer.drain { pieces.append($0) }
        #expect(writer.bytes.isEmpty)
        writer.string("two")
        writer.endArray()
        writer.drain { pieces.append($0) }
        writer.drain { pieces.append($0) }  // nothing left: no empty piece
        #expect(pieces.map { String(decoding: $0, as: UTF8.self) } == ["[1", #","two"]"#])
    }

    @Test func keysInAGivenOrderAreWrittenAsGiven() {
        var writer = JSONWriter(pretty: false)
        writer.beginObject()
        writer.keyInGivenOrder("id")
        writer.string("n1")
        writer.keyInGivenOrder("status")
        writer.string("anchored")
        writer.keyInGivenOrder("index")
        writer.int(0)
        writer.endObject()
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #"{"id":"n1","status":"anchored","index":0}"#)
    }

    @Test func exportsOfGeneratedSessionsAreWhatJSONEncoderWrites() throws {
        var g = SessionGenerator(seed: 12)
        var checked = 0
        for _ in 0..<25 {
            let session = g.session()
            for exporter in [W3CExporter() as any SessionExporter, ClaimReviewExporter(includeUnaccepted: true)] {
                guard let result = try? exporter.export(session), case .file(let data) = result.payload else { continue }
                let parsed = try JSONValue.parse(Array(data))
                #expect(data == (try Self.foundation(parsed)))
                checked += 1
            }
        }
        #expect(checked >= 25)
    }

    @Test func aStreamedExportIsTheSameBytesInPieces() throws {
        struct Pieces: ExportOutput {
            var pieces: [[UInt8]] = []
            mutating func write(_ bytes: [UInt8]) { pieces.append(bytes) }
        }
        // Enough claims that the exports run past one 64 KB piece.
        var session = ExportSample.session()
        let model = try #require(session.claims["c2"])
        for n in 100..<400 {
            session.put(.claim(Claim(id: AnnotationID(kind: .claim, number: n), anchor: model.anchor, claimant: model.claimant,
                                     kind: model.kind, verdict: model.verdict, author: model.author, created: model.created)))
        }
        for format in ExportFormat.allCases where !format.writesFolder {
            let options = ExportOptions(includeUnaccepted: true)
            let whole = try #require(try format.export(session, options: options).data)
            var pieces = Pieces()
            let summary = try #require(try format.export(session, options: options, to: &pieces))
            #expect(Data(pieces.pieces.joined()) == whole, "\(format)")
            // Written as it goes: in pieces of at least 64 KB, not whole at the end.
            #expect(whole.count < 1 << 17 || pieces.pieces.count > 1, "\(format) came in \(pieces.pieces.count) piece(s)")
            #expect(pieces.pieces.dropLast().allSatisfy { $0.count >= 1 << 16 }, "\(format)")
            #expect(summary.count == (try format.export(session, options: options)).count)
        }
        var brat = Pieces()
        #expect(try ExportFormat.brat.export(session, to: &brat) == nil)
        #expect(brat.pieces.isEmpty)
    }
}
