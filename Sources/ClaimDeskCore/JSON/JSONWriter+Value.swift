extension JSONValue: JSONWritable {
    /// Writes the value with each object's keys in sorted order (the order ``JSONWriter`` checks).
    public func write(to writer: inout JSONWriter) {
        switch self {
        case .null: writer.null()
        case .bool(let value): writer.bool(value)
        case .number(let value): writer.number(value)
        case .string(let value): writer.string(value)
        case .array(let elements):
            writer.beginArray()
            for element in elements { element.write(to: &writer) }
            writer.endArray()
        case .object(let members):
            writer.beginObject()
            for (key, value) in members.sorted(by: { $0.key < $1.key }) {
                writer.key(key)
                value.write(to: &writer)
            }
            writer.endObject()
        }
    }

    /// The value as a document: pretty-printed with a final newline, or compact without one.
    public func encoded(pretty: Bool = true, spelling: JSONWriter.Spelling = .standard) -> [UInt8] {
        var writer = JSONWriter(pretty: pretty, spelling: spelling)
        write(to: &writer)
        if pretty { writer.appendRaw(0x0A) }
        return writer.bytes
    }
}
