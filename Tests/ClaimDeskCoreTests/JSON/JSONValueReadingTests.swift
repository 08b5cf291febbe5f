@testable import ClaimDeskCore
import Foundation
import Testing

/// Documents that are not ours (W3C annotations from other tools, JSON-LD in pages) read as a
/// tree with ``JSONReader``: numbers as they were written, faults with where they are.
@Suite struct JSONValueReadingTests {
    static func parse(_ text: String) throws(JSONReadError) -> JSONValue { try JSONValue.parse(Array(text.utf8)) }

    @Test func readsEveryKindOfValue() throws {
        let value = try Self.parse(#" {"s": "é\n\u00e9\ud83d\ude00", "n": null, "t": true, "f": false, "a": [1, -2, {"x": []}], "o": {}} "#)
        #expect(value["s"] == .string("é\né😀"))
        #expect(value["n"] == .null)
        #expect(value["t"] == .bool(true) && value["f"] == .bool(false))
        #expect(value["a"] == .array([.int(1), .int(-2), .object(["x": .array([])])]))
        #expect(value["o"] == .object([:]))
    }

    @Test func numbersKeepTheTextTheyWereWrittenWith() throws {
        let value = try Self.parse(#"[12345678901234567891, 1.50, -0.0, 1e-7, 2E+3, 0]"#)
        #expect(value.arrayValue?.compactMap { if case .number(let n) = $0 { n.text } else { nil } }
                == ["12345678901234567891", "1.50", "-0.0", "1e-7", "2E+3", "0"])
        // Written back exactly, where a Double would have made 12345678901234567000 and 1.5 of them.
        #expect(String(decoding: value.encoded(pretty: false), as: UTF8.self) == "[12345678901234567891,1.50,-0.0,1e-7,2E+3,0]")
        #expect(value.arrayValue?.map(\.intValue) == [nil, nil, 0, nil, 2000, 0])
        #expect(try Self.parse("3.0").intValue == 3)
    }

    @Test func aKeyGivenTwiceKeepsItsLastValue() throws {
        #expect(try Self.parse(#"{"a": 1, "a": 2}"#)["a"] == .int(2))
    }

    @Test(arguments: [
        (#"{"items": [{"id": "x"} {"id": "y"}]}"#, "at items[0] (line 1, column 24): expected , or ] after a value, found an object"),
        ("{\n  \"first\": {\n    \"items\": [\n      {\"target\": [1,]}\n", "at first.items[0].target[1] (line 4, column 21): expected a value, found the end of an array"),
        (#"{"a": 01}"#, "at a (line 1, column 7): a number with a leading zero"),
        (#"{"a": -}"#, "at a (line 1, column 7): a number needs a digit after its minus sign"),
        (#"{"a": 1} x"#, "at line 1, column 10: unexpected the character \"x\" after the end of the document"),
        ("", "at line 1, column 1: unexpected end of the file (is it cut short?); expected a value"),
        (#"{"a": [1, 2"#, "at a[1] (line 1, column 12): unexpected end of the file (is it cut short?); expected a value or ]"),
    ])
    func faultsSayWhereTheyAre(text: String, message: String) {
        #expect(throws: JSONReadError.self) { try Self.parse(text) }
        do { _ = try Self.parse(text) } catch { #expect(error.description == message) }
    }

    @Test func aDocumentNestedTooDeepIsRefusedNotACrash() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        do {
            _ = try Self.parse(deep)
            Issue.record("accepted 10,000 levels")
        } catch {
            #expect(error.problem == "nested more than 64 levels deep")
        }
    }

    @Test func agreesWithFoundationOnExports() throws {
        let data = try #require(try W3CExporter().export(ExportSample.twoArticles()).data)
        let ours = try JSONValue.parse(Array(data))
        let foundation = try JSONSerialization.jsonObject(with: data) as? NSDictionary
        #expect(try JSONSerialization.jsonObject(with: Data(ours.encoded())) as? NSDictionary == foundation)
    }
}
