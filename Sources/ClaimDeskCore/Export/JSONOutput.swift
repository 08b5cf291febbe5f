import Foundation

/// JSON as exports write it: pretty-printed, keys sorted, slashes unescaped, a final newline,
/// so the same session always gives the same bytes.
enum JSONOutput {
    static func encode(_ value: JSONValue) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // A JSONValue made from a session always encodes (its numbers are finite); should one
        // ever fail, the export says null rather than stopping the program.
        var data = (try? encoder.encode(value)) ?? Data("null".utf8)
        data.append(0x0A)
        return data
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
