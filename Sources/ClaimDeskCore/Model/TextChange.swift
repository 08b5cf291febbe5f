/// The text an annotation covered before and after re-anchoring moved it.
public struct TextChange: Hashable, Sendable {
    public var old: String
    public var new: String
    /// How the new place was found: `moved`, `fuzzy`, `reattached`, `imported`, `hand-edit`.
    public var how: String
    public var time: Timestamp

    public init(old: String, new: String, how: String, time: Timestamp) {
        self.old = old
        self.new = new
        self.how = how
        self.time = time
    }
}

extension TextChange: JSONWritable, JSONReadable {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("how", how)
        writer.field("new", new)
        writer.field("old", old)
        writer.field("time", time)
        writer.endObject()
    }

    public init(json reader: inout JSONReader) throws(JSONReadError) {
        var old: String?, new: String?, how: String?, time: Timestamp?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "old": old = try reader.readString()
            case "new": new = try reader.readString()
            case "how": how = try reader.readString()
            case "time": time = try Timestamp(json: &reader)
            default: try reader.skipValue()
            }
        }
        self.init(old: try reader.required(old, "old"), new: try reader.required(new, "new"), how: try reader.required(how, "how"),
                  time: try reader.required(time, "time"))
    }
}

