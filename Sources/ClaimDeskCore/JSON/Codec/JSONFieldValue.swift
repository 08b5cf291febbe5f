/// A value one field of a ``JSONCodable`` type holds: it reads and writes itself as one JSON value.
///
/// Strings, integers, booleans and arrays of field values are field values; so is every type that
/// reads and writes itself (``JSONReadable`` and ``JSONWritable``), once it says so.
public protocol JSONFieldValue {
    static func readJSONValue(from reader: inout JSONReader) throws(JSONReadError) -> Self
    func writeJSONValue(to writer: inout JSONWriter)
}

extension JSONFieldValue where Self: JSONReadable & JSONWritable {
    @inline(__always)
    public static func readJSONValue(from reader: inout JSONReader) throws(JSONReadError) -> Self {
        try Self(json: &reader)
    }

    @inline(__always)
    public func writeJSONValue(to writer: inout JSONWriter) {
        write(to: &writer)
    }
}

extension String: JSONFieldValue {
    public static func readJSONValue(from reader: inout JSONReader) throws(JSONReadError) -> String {
        try reader.readString()
    }

    public func writeJSONValue(to writer: inout JSONWriter) {
        writer.string(self)
    }
}

extension Int: JSONFieldValue {
    public static func readJSONValue(from reader: inout JSONReader) throws(JSONReadError) -> Int {
        try reader.readInt()
    }

    public func writeJSONValue(to writer: inout JSONWriter) {
        writer.int(self)
    }
}

extension Bool: JSONFieldValue {
    public static func readJSONValue(from reader: inout JSONReader) throws(JSONReadError) -> Bool {
        try reader.readBool()
    }

    public func writeJSONValue(to writer: inout JSONWriter) {
        writer.bool(self)
    }
}

extension Array: JSONFieldValue where Element: JSONFieldValue {
    public static func readJSONValue(from reader: inout JSONReader) throws(JSONReadError) -> [Element] {
        var result: [Element] = []
        try reader.beginArray()
        while try reader.nextElement() { result.append(try Element.readJSONValue(from: &reader)) }
        return result
    }

    public func writeJSONValue(to writer: inout JSONWriter) {
        writer.beginArray()
        for element in self { element.writeJSONValue(to: &writer) }
        writer.endArray()
    }
}
