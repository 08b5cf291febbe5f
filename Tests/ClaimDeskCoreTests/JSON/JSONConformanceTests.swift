@testable import ClaimDeskCore
import Foundation
import Testing

/// The JSON reader against our own conformance cases (`Fixtures/json-conformance/cases.txt`),
/// written in the categories of the public JSONTestSuite: every `y_` case parses, every `n_` case
/// is refused with a line and column, also where the value sits under a key the reader skips.
@Suite struct JSONConformanceTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var valid: Bool { name.hasPrefix("y_") }
        var testDescription: String { name }
    }

    static let cases: [Case] = {
        guard let url = Bundle.module.url(forResource: "cases", withExtension: "txt", subdirectory: "Fixtures/json-conformance"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let name = line.prefix { $0 != " " }
            let content = line.dropFirst(name.count).dropFirst()
            return Case(name: String(name), bytes: decode(content))
        }
    }()

    /// `%HH` is the byte HH, `%%` a percent sign; everything else stands for its UTF-8.
    static func decode(_ content: Substring) -> [UInt8] {
        var bytes: [UInt8] = []
        var utf8 = content.utf8[...]
        while let byte = utf8.first {
            utf8 = utf8.dropFirst()
            guard byte == 0x25 else { bytes.append(byte); continue }
            if utf8.first == 0x25 { bytes.append(0x25); utf8 = utf8.dropFirst(); continue }
            let hex = String(decoding: utf8.prefix(2), as: UTF8.self)
            bytes.append(UInt8(hex, radix: 16) ?? 0x3F)
            utf8 = utf8.dropFirst(2)
        }
        return bytes
    }

    /// Reads one whole document with the reader's generic path (the one unknown keys take).
    static func parse(_ bytes: [UInt8]) throws(JSONReadError) {
        var reader = JSONReader(bytes)
        try reader.skipValue()
        try reader.end()
    }

    @Test func theCaseFileCoversEveryCategory() {
        let names = Self.cases.map(\.name)
        #expect(names.count > 300)
        for category in ["array", "object", "number", "literal", "string", "utf8", "surrogate", "escape", "whitespace", "top", "bom", "nesting"] {
            #expect(names.contains { $0.hasPrefix("y_\(category)") }, "no y_ case for \(category)")
            #expect(names.contains { $0.hasPrefix("n_\(category)") }, "no n_ case for \(category)")
        }
        #expect(Set(names).count == names.count, "a case name appears twice")
    }

    @Test(arguments: cases)
    func parsesOrRefusesWithAPosition(_ item: Case) {
        do {
            try Self.parse(item.bytes)
            #expect(item.valid, "accepted \(item.name)")
        } catch {
            #expect(!item.valid, "refused \(item.name): \(error)")
            #expect(error.line != nil && error.column != nil, "\(item.name) was refused without a position")
        }
    }

    /// The typed reader the model uses (`readString`) agrees on strings: it decodes what the
    /// generic path accepts as Foundation does, and refuses what it refuses.
    @Test(arguments: cases.filter { $0.bytes.starts(with: Array("[\"".utf8)) })
    func readsStringsAsItSkipsThem(_ item: Case) throws {
        var reader = JSONReader(item.bytes)
        var strings: [String] = []
        do {
            try reader.beginArray()
            while try reader.nextElement() { strings.append(try reader.readString()) }
            try reader.end()
            #expect(item.valid, "readString accepted \(item.name)")
            let foundation = try JSONSerialization.jsonObject(with: Data(item.bytes)) as? [String]
            #expect(foundation == strings, "\(item.name) decodes differently")
        } catch let error as JSONReadError {
            #expect(!item.valid, "readString refused \(item.name): \(error)")
            #expect(error.line != nil)
        }
    }

    @Test func readsTheEmptyKeyAndTheMemberAfterIt() throws {
        var reader = JSONReader(Array("{\"\":0,\"a\":1}".utf8))
        var keys: [String] = []
        try reader.beginObject()
        while let key = try reader.nextKey() {
            keys.append(key)
            _ = try reader.readInt()
        }
        try reader.end()
        #expect(keys == ["", "a"])
    }

    @Test(arguments: [
        (String(repeating: "[", count: 64) + String(repeating: "]", count: 64), true),
        (String(repeating: "{\"a\":", count: 63) + "[]" + String(repeating: "}", count: 63), true),
        (String(repeating: "[", count: 65) + String(repeating: "]", count: 65), false),
        (String(repeating: "[", count: 100_000), false),
        (String(repeating: "{\"\":", count: 100_000), false),
        (String(repeating: "[{\"\":", count: 50_000), false),
    ])
    func nestingDeeperThanTheLimitIsRefusedWithoutExhaustingTheStack(text: String, valid: Bool) {
        do {
            try Self.parse(Array(text.utf8))
            #expect(valid)
        } catch {
            #expect(!valid)
            #expect(error.line != nil)
        }
    }
}
