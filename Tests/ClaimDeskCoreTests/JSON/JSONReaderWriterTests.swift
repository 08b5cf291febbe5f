@testable import ClaimDeskCore
import Foundation
import Testing

@Suite struct JSONWriterTests {
    @Test func prettyOutputMatchesTheDocumentedShape() {
        var writer = JSONWriter(pretty: true)
        writer.beginObject()
        writer.field("a", "x")
        writer.key("b")
        writer.beginArray()
        writer.int(1)
        writer.beginObject()
        writer.endObject()
        writer.beginArray()
        writer.endArray()
        writer.endArray()
        writer.field("c", true)
        writer.endObject()
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "{\n  \"a\": \"x\",\n  \"b\": [\n    1,\n    {},\n    []\n  ],\n  \"c\": true\n}")
    }

    @Test func compactOutputHasNoSpaces() {
        var writer = JSONWriter(pretty: false)
        writer.beginObject()
        writer.field("a", ["x", "y"])
        writer.field("b", -3)
        writer.endObject()
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #"{"a":["x","y"],"b":-3}"#)
    }

    @Test func escapesWhatJSONRequiresAndNothingElse() throws {
        let text = "quote \" backslash \\ newline \n tab \t bell \u{07} slash / é “curly” 😀 \u{2028}"
        var writer = JSONWriter(pretty: false)
        writer.string(text)
        let json = String(decoding: writer.bytes, as: UTF8.self)
        #expect(json == #""quote \" backslash \\ newline \n tab \t bell \u0007 slash / é “curly” 😀 "# + "\u{2028}\"")
        #expect(try JSONSerialization.jsonObject(with: Data(writer.bytes), options: .fragmentsAllowed) as? String == text)
    }
}

@Suite struct JSONReaderTests {
    func reader(_ text: String) -> JSONReader { JSONReader(Array(text.utf8)) }

    @Test func readsStringsWithEveryEscape() throws {
        var r = reader(#""a\"b\\c\/d\b\f\n\r\t\u00e9\ud83d\ude00""#)
        #expect(try r.readString() == "a\"b\\c/d\u{8}\u{C}\n\r\té😀")
    }

    /// A string's end, an escape, a raw control character or a non-ASCII character at every
    /// place of an eight-byte word (strings are scanned a word at a time): read as one byte at a
    /// time would read them.
    @Test func stringsAreReadAlikeWhereverTheirSpecialBytesFall() throws {
        for before in 0...17 {
            let lead = String(repeating: "x", count: before)
            for after in [0, 1, 7, 8, 9, 23] {
                let tail = String(repeating: "y", count: after)
                var plain = reader("\"\(lead)\(tail)\"")
                #expect(try plain.readString() == lead + tail)
                var escaped = reader("\"\(lead)\\n\\\"\(tail)\\u00e9\(tail)\"")
                #expect(try escaped.readString() == lead + "\n\"" + tail + "é" + tail)
                var accented = reader("\"\(lead)خ“\(tail)\"")
                #expect(try accented.readString() == lead + "خ“" + tail)
                // The value after the string is read from the right place.
                var list = reader("[\"\(lead)\(tail)\",\"\(tail)\\t\"]")
                #expect(try JSONValue(json: &list) == .array([.string(lead + tail), .string(tail + "\t")]))
                // Each fault is placed where the byte-by-byte reader placed it.
                func fault(_ reader: JSONReader) -> String {
                    var reader = reader
                    do { _ = try reader.readString() } catch { return error.description }
                    return "no error"
                }
                let raw = "a raw control character inside a string; write it as an escape such as \\n"
                #expect(fault(reader("\"\(lead)\u{1}\(tail)\"")) == "at line 1, column \(before + 2): \(raw)")
                #expect(fault(reader("\"\(lead)\\n\(tail)\u{1f}\"")) == "at line 1, column \(before + after + 4): \(raw)")
                let invalid = JSONReader(Array("\"\(lead)".utf8) + [0xC3] + Array("\(tail)\"".utf8))
                #expect(fault(invalid) == "at line 1, column 2: a string is not valid UTF-8")
                #expect(fault(reader("\"\(lead)\(tail)")) == "at line 1, column 1: a string is not closed (is the file cut short?)")
            }
        }
    }

    @Test func readsObjectsAndArrays() throws {
        var r = reader(#" { "n": [1, -2, 30], "t": true, "z": null } "#)
        var numbers: [Int] = []
        var flag = false
        var sawNull = false
        try r.beginObject()
        while let key = try r.nextKey() {
            switch key {
            case "n":
                try r.beginArray()
                while try r.nextElement() { numbers.append(try r.readInt()) }
            case "t": flag = try r.readBool()
            default: sawNull = r.readNull()
            }
        }
        try r.end()
        #expect(numbers == [1, -2, 30])
        #expect(flag)
        #expect(sawNull)
    }

    @Test(arguments: [
        ("{\"a\": 1", "at a (line 1, column 8): unexpected end of the file (is it cut short?); expected a key or }"),
        ("{\"a\": \"x}", "at a (line 1, column 7): a string is not closed (is the file cut short?)"),
        ("{\"a\": 1.5}", "at a (line 1, column 7): expected an integer, found a number with a fraction or exponent"),
        ("{\"a\" 1}", "at line 1, column 6: expected :, found a number"),
        ("{\n  \"a\": [1 2]\n}", "at a[0] (line 2, column 11): expected , or ] after a value, found a number"),
        ("{\"a\": \"\\q\"}", "at a (line 1, column 9): an invalid escape \\q; a backslash takes one of \\\" \\\\ / b f n r t u"),
        ("{\"a\": \"\\ud800\"}", "at a (line 1, column 14): an unpaired surrogate in a \\u escape"),
        ("{\"a\": \"tab\there\"}", "at a (line 1, column 11): a raw control character inside a string; write it as an escape such as \\n"),
        ("{\"a\": 99999999999999999999}", "at a (line 1, column 7): the number is too large"),
    ])
    func errorsSayWhereAndWhy(text: String, message: String) {
        var r = reader(text)
        do {
            try r.beginObject()
            while let _ = try r.nextKey() {
                if r.peek() == 0x5B {
                    try r.beginArray()
                    while try r.nextElement() { _ = try r.readInt() }
                } else if r.peek() == 0x22 {
                    _ = try r.readString()
                } else {
                    _ = try r.readInt()
                }
            }
            Issue.record("read \(text) without an error")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func invalidUTF8InAStringIsAnError() {
        var r = JSONReader([0x22, 0x61, 0xFF, 0x22])
        #expect(throws: JSONReadError.self) { try r.readString() }
    }

    @Test func deepNestingIsRefusedWithoutExhaustingTheStack() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        var r = reader(deep)
        do {
            try r.skipValue()
            Issue.record("accepted 100,000 levels")
        } catch {
            #expect(error.problem == "nested more than 64 levels deep")
        }
    }

    @Test func agreesWithFoundationOnGeneratedDocuments() throws {
        for seed in 0..<20 {
            var generator = SessionGenerator(seed: UInt64(500 + seed))
            let data = SessionDocument.encode(generator.session())
            let foundation = try JSONSerialization.jsonObject(with: data) as? NSDictionary
            let ours = try JSONValue.parse(Array(data))
            // Read by our reader, written by our writer, read back by Foundation: nothing lost.
            let rewritten = Data(ours.encoded())
            #expect(try JSONSerialization.jsonObject(with: rewritten) as? NSDictionary == foundation)
            #expect(rewritten == data, "a session read as a tree and written again keeps its bytes")
        }
    }
}
