@testable import ClaimDeskCore
import Foundation
import Testing

/// A reader of bytes where they lie (``JSONReader/reading(_:_:)``) reads and
/// fails exactly as a reader of its own copy does.
@Suite struct JSONReaderBorrowingTests {
    static let document = #"{"a": [1, "é😀", {"b": null}], "c": "x\ny", "d": true}"#

    static func readAll(_ reader: inout JSONReader) throws(JSONReadError) -> JSONValue {
        let value = try JSONValue(json: &reader)
        try reader.end()
        return value
    }

    @Test func readsDataAndArraysInPlaceAsACopyDoes() throws {
        var copy = JSONReader(Array(Self.document.utf8))
        let expected = try Self.readAll(&copy)
        #expect(try JSONReader.reading(Data(Self.document.utf8)) { (r: inout JSONReader) throws(JSONReadError) in try Self.readAll(&r) } == expected)
        #expect(try JSONReader.reading(Array(Self.document.utf8)) { (r: inout JSONReader) throws(JSONReadError) in try Self.readAll(&r) } == expected)
    }

    @Test(arguments: [#"{"a": [1, 2,]}"#, "{\"a\":\n  \"unclosed", #"[1, 2] 3"#, "", "\u{FEFF}{\"a\": 01}", #"{"a": "\q"}"#])
    func faultsAreReportedAtTheSamePlace(_ text: String) {
        var copy = JSONReader(Array(text.utf8))
        var expected: JSONReadError?
        do { _ = try Self.readAll(&copy) } catch { expected = error }
        var found: JSONReadError?
        do {
            _ = try JSONReader.reading(Data(text.utf8)) { (r: inout JSONReader) throws(JSONReadError) in try Self.readAll(&r) }
        } catch {
            found = error
        }
        #expect(expected != nil)
        #expect(found == expected)
    }

    @Test func aReaderKeepsItsCopyAliveAfterTheArrayIsGone() throws {
        func make() -> JSONReader {
            var bytes = Array(#"{"k": "value that outlives its array"}"#.utf8)
            let reader = JSONReader(bytes)
            bytes.removeAll()
            return reader
        }
        var reader = make()
        try reader.beginObject()
        #expect(try reader.nextKey() == "k")
        #expect(try reader.readString() == "value that outlives its array")
    }
}
