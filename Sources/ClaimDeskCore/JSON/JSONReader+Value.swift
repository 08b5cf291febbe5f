extension JSONValue: JSONReadable {
    /// Reads any JSON value; a fault says where it is (`at first.items[2] (line 40, column 7): …`).
    ///
    /// A key given twice in one object keeps its last value, as most JSON readers do.
    public init(json reader: inout JSONReader) throws(JSONReadError) {
        guard let next = reader.peek() else {
            throw reader.error("unexpected end of the file (is it cut short?); expected a value")
        }
        switch next {
        case 0x22:
            self = .string(try reader.readString())
        case 0x7B:
            var members: [String: JSONValue] = [:]
            try reader.beginObject()
            while let key = try reader.nextKey() { members[key] = try JSONValue(json: &reader) }
            self = .object(members)
        case 0x5B:
            var elements: [JSONValue] = []
            try reader.beginArray()
            while try reader.nextElement() { elements.append(try JSONValue(json: &reader)) }
            self = .array(elements)
        case 0x74, 0x66:
            self = .bool(try reader.readBool())
        case 0x6E:
            guard reader.readNull() else { throw reader.error("expected null, found \(reader.describe(next))") }
            self = .null
        case 0x2D, 0x30...0x39:
            self = .number(try reader.readNumber())
        default:
            throw reader.error("expected a value, found \(reader.describe(next))")
        }
    }

    /// A whole document: one value and nothing after it but white space.
    public static func parse(_ bytes: [UInt8]) throws(JSONReadError) -> JSONValue {
        try JSONReader.reading(bytes) { (reader: inout JSONReader) throws(JSONReadError) -> JSONValue in
            let value = try JSONValue(json: &reader)
            try reader.end()
            return value
        }
    }
}

extension JSONReader {
    /// A number of any form, kept as written.
    public mutating func readNumber() throws(JSONReadError) -> JSONNumber {
        guard let next = peek() else { throw error("unexpected end of the file (is it cut short?); expected a number") }
        guard next == 0x2D || (0x30...0x39).contains(next) else { throw error("expected a number, found \(describe(next))") }
        let start = index
        try skipNumber()
        return JSONNumber(validated: String(decoding: bytes[start..<index], as: UTF8.self))
    }
}
