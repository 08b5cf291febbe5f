import Foundation

/// JSON as exports write it: pretty-printed, keys sorted, slashes unescaped, a final newline,
/// so the same session always gives the same bytes.
///
/// Written by hand rather than through `JSONEncoder`, in the very same bytes (a test compares
/// them): the encoder builds a tree of the whole document first and took seconds and over a
/// gigabyte for a session of 100,000 annotations. Here each value goes straight into one buffer,
/// and an exporter can write a long array one element at a time (``ArrayStream``) without
/// keeping the elements.
enum JSONOutput {
    static func encode(_ value: JSONValue) -> Data {
        var writer = Writer()
        writer.value(value, depth: 0)
        writer.bytes.append(0x0A)
        return Data(writer.bytes)
    }

    /// The elements of an array, encoded as they come, for an array `depth` levels down.
    struct ArrayStream {
        fileprivate var writer = Writer()
        let depth: Int
        private(set) var count = 0

        init(depth: Int) { self.depth = depth }

        mutating func append(_ value: JSONValue) {
            if count > 0 { writer.bytes.append(0x2C) }
            writer.newline(depth + 1)
            writer.value(value, depth: depth + 1)
            count += 1
        }
    }

    /// `value`, with the array `stream` as the member reached by `path` (keys of nested objects,
    /// the last one added to its object); the stream must have been made for that array's depth.
    static func encode(_ value: [String: JSONValue], streaming stream: ArrayStream, at path: [String]) -> Data {
        var writer = Writer()
        writer.object(value, depth: 0, streamed: (path[...], stream))
        writer.bytes.append(0x0A)
        // The stream's bytes are copied once, into the result, between what comes before and after.
        let split = writer.streamAt ?? writer.bytes.count
        var data = Data(capacity: writer.bytes.count + stream.writer.bytes.count)
        data.append(contentsOf: writer.bytes[..<split])
        data.append(contentsOf: stream.writer.bytes)
        data.append(contentsOf: writer.bytes[split...])
        return data
    }

    fileprivate struct Writer {
        var bytes: [UInt8] = []
        /// Where a streamed array's elements go, left out of `bytes` so they are copied only once.
        var streamAt: Int?

        mutating func newline(_ depth: Int) {
            bytes.append(0x0A)
            for _ in 0..<depth { bytes.append(0x20); bytes.append(0x20) }
        }

        mutating func value(_ value: JSONValue, depth: Int) {
            switch value {
            case .null: bytes.append(contentsOf: "null".utf8)
            case .bool(let b): bytes.append(contentsOf: (b ? "true" : "false").utf8)
            case .number(let d):
                if d.rounded() == d, abs(d) < 9e15 {
                    bytes.append(contentsOf: String(Int(d)).utf8)
                } else {
                    bytes.append(contentsOf: JSONOutput.foundation(.number(d)))
                }
            case .string(let s): string(s)
            case .array(let items):
                bytes.append(0x5B)
                if items.isEmpty { bytes.append(0x0A) }  // the encoder writes an empty array as "[", blank line, "]"
                for (i, item) in items.enumerated() {
                    if i > 0 { bytes.append(0x2C) }
                    newline(depth + 1)
                    self.value(item, depth: depth + 1)
                }
                newline(depth)
                bytes.append(0x5D)
            case .object(let members):
                object(members, depth: depth, streamed: nil)
            }
        }

        mutating func object(_ members: [String: JSONValue], depth: Int, streamed: (path: ArraySlice<String>, stream: ArrayStream)?) {
            bytes.append(0x7B)
            if members.isEmpty && streamed?.path.count != 1 { bytes.append(0x0A) }
            var keys = Array(members.keys)
            if let streamed, streamed.path.count == 1 { keys.append(streamed.path[streamed.path.startIndex]) }
            keys.sort(by: JSONOutput.keyPrecedes)
            for (i, key) in keys.enumerated() {
                if i > 0 { bytes.append(0x2C) }
                newline(depth + 1)
                string(key)
                bytes.append(contentsOf: " : ".utf8)
                let onPath = streamed.map { $0.path.first == key } ?? false
                if let streamed, onPath, streamed.path.count == 1 {
                    bytes.append(0x5B)
                    if streamed.stream.count == 0 { bytes.append(0x0A) }
                    streamAt = bytes.count
                    newline(depth + 1)
                    bytes.append(0x5D)
                } else if let streamed, onPath, case .object(let inner)? = members[key] {
                    object(inner, depth: depth + 1, streamed: (streamed.path.dropFirst(), streamed.stream))
                } else if let member = members[key] {
                    value(member, depth: depth + 1)
                }
            }
            newline(depth)
            bytes.append(0x7D)
        }

        mutating func string(_ s: String) {
            // Control characters are rare in exports (they are replaced by visible stand-ins);
            // the encoder's own spelling of their escapes is kept by asking it.
            if s.utf8.contains(where: { $0 < 0x20 }) {
                bytes.append(contentsOf: JSONOutput.foundation(.string(s)))
                return
            }
            bytes.append(0x22)
            for byte in s.utf8 {
                switch byte {
                case 0x22: bytes.append(0x5C); bytes.append(0x22)
                case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
                default: bytes.append(byte)
                }
            }
            bytes.append(0x22)
        }
    }

    /// One scalar value as `JSONEncoder` writes it.
    static func foundation(_ value: JSONValue) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // A JSONValue made from a session always encodes (its numbers are finite); should one
        // ever fail, the export says null rather than stopping the program.
        return (try? encoder.encode(value)).map(Array.init) ?? Array("null".utf8)
    }

    /// `JSONEncoder`'s key order: by UTF-8 bytes ("Body" before "_a" before "a10" before "a9").
    static func keyPrecedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}

extension JSONValue {
    /// An object from pairs, leaving out the nil values.
    static func object(_ pairs: KeyValuePairs<String, JSONValue?>) -> JSONValue {
        var object: [String: JSONValue] = [:]
        for (key, value) in pairs { if let value { object[key] = value } }
        return .object(object)
    }

    static func int(_ value: Int) -> JSONValue { .number(Double(value)) }

    /// One value as itself, several as an array (JSON-LD's way).
    static func oneOrMany(_ values: [JSONValue]) -> JSONValue {
        values.count == 1 ? values[0] : .array(values)
    }
}

extension JSONValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}
