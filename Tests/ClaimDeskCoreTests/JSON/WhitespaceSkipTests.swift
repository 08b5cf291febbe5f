@testable import ClaimDeskCore
import Testing

/// White space between tokens, indentation after line ends in particular (passed eight bytes at
/// a time), is passed over exactly: every indentation from none to two words and more, after
/// `\n` and `\r\n`, with a tab or a carriage return inside it, and at the very end of the bytes.
@Suite struct WhitespaceSkipTests {
    /// `{"a": [1, "x"], "b": true}` with `separator` then `indent` spaces before every token.
    static func document(separator: String, indent: Int, inside: String = "") -> String {
        let gap = separator + String(repeating: " ", count: indent) + inside
        return "{" + gap + "\"a\":" + gap + "[" + gap + "1," + gap + "\"x\"" + gap + "]," + gap + "\"b\":" + gap + "true" + gap + "}" + gap
    }

    static func read(_ text: String) throws(JSONReadError) -> (Int, String, Bool) {
        try JSONReader.reading(Array(text.utf8)) { (reader: inout JSONReader) throws(JSONReadError) in
            var number = 0, string = "", flag = false
            try reader.beginObject()
            while let key = try reader.nextKey() {
                switch key {
                case "a":
                    try reader.beginArray()
                    _ = try reader.nextElement()
                    number = try reader.readInt()
                    _ = try reader.nextElement()
                    string = try reader.readString()
                    #expect(try reader.nextElement() == false)
                case "b": flag = try reader.readBool()
                default: Issue.record("unexpected key \(key)")
                }
            }
            try reader.end()
            return (number, string, flag)
        }
    }

    @Test(arguments: ["\n", "\r\n", " \n", "\n\n"])
    func everyIndentationIsPassedOver(separator: String) throws {
        for indent in 0...25 {
            for inside in ["", "\t", "\r", " \t "] {
                let text = Self.document(separator: separator, indent: indent, inside: inside)
                let read = try Self.read(text)
                #expect(read.0 == 1 && read.1 == "x" && read.2, "indent \(indent) inside \(inside.debugDescription)")
            }
        }
    }

    /// Cut short inside an indentation: the reader runs to the end and says so, whatever is left
    /// of a word.
    @Test func indentationUpToTheEndOfTheBytesEndsTheDocument() {
        for indent in 0...20 {
            let text = "{\"a\": 1," + "\n" + String(repeating: " ", count: indent)
            #expect(throws: JSONReadError.self, "indent \(indent)") { _ = try Self.read(text) }
            let whole = "{\"a\": [1, \"x\"], \"b\": true}\n" + String(repeating: " ", count: indent)
            #expect((try? Self.read(whole))?.2 == true, "indent \(indent)")
        }
    }

    /// A byte that is not a space stops the pass where it stands, in any of the eight places of a word.
    @Test func aTokenAnywhereInAWordIsMetWhereItStands() throws {
        for indent in 0...17 {
            let text = "[\n" + String(repeating: " ", count: indent) + "7]"
            let value = try JSONReader.reading(Array(text.utf8)) { (reader: inout JSONReader) throws(JSONReadError) -> Int in
                try reader.beginArray()
                _ = try reader.nextElement()
                let value = try reader.readInt()
                #expect(try reader.nextElement() == false)
                return value
            }
            #expect(value == 7, "indent \(indent)")
        }
    }
}
