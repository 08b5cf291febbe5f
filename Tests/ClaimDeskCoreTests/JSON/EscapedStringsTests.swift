@testable import ClaimDeskCore
import Foundation
import Testing

/// Strings with escapes are decoded through one buffer the reader keeps from string to string:
/// each must come out whole and alone, long after short and short after long, whatever the
/// previous one left in the buffer.
@Suite struct EscapedStringsTests {
    static let texts: [String] = {
        let long = String(repeating: "Officials said \"the talks\" stalled.\n", count: 400) + "خبر\t\\end"
        return [long, "a\nb", "", "\"", long + "\u{1F600}", "x", "\\\\\n\n", "no escape here", "é\n", long.uppercased(), "\u{7}"]
    }()

    @Test func eachStringComesOutWholeAndAlone() throws {
        let document = try JSONSerialization.data(withJSONObject: Self.texts)
        let read = try JSONReader.reading(document) { (reader: inout JSONReader) throws(JSONReadError) -> [String] in
            try reader.readStrings()
        }
        #expect(read == Self.texts)
    }

    /// An invalid byte in a string with escapes is refused, and the next document reads cleanly.
    @Test func invalidUTF8AfterAnEscapeIsRefused() throws {
        var bytes = Array("[\"ok\\n\", \"bad\\n".utf8)
        bytes.append(0xFF)
        bytes += Array("\", \"after\\t\"]".utf8)
        #expect(throws: JSONReadError.self) {
            _ = try JSONReader.reading(bytes) { (reader: inout JSONReader) throws(JSONReadError) -> [String] in try reader.readStrings() }
        }
        let again = try JSONReader.reading(Array("[\"ok\\n\", \"after\\t\"]".utf8)) { (reader: inout JSONReader) throws(JSONReadError) -> [String] in
            try reader.readStrings()
        }
        #expect(again == ["ok\n", "after\t"])
    }
}
