/// A suggestion an analyst rejected as "not a claim", so `suggest` does not offer it again.
///
/// Kept on the article by the span of its content (first fragment's start to last fragment's
/// end, code points) and the words there: while the text is unchanged the span matches; after a
/// text edit only an identical span with identical words still counts.
public struct DismissedSuggestion: Hashable, Sendable {
    public var start: Int
    public var end: Int
    public var exact: String

    public init(start: Int, end: Int, exact: String) {
        self.start = start
        self.end = end
        self.exact = exact
    }
}

extension DismissedSuggestion: JSONWritable, JSONReadable {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("end", end)
        writer.field("exact", exact)
        writer.field("start", start)
        writer.endObject()
    }

    public init(json reader: inout JSONReader) throws(JSONReadError) {
        var start: Int?, end: Int?, exact: String?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "start": start = try reader.readInt()
            case "end": end = try reader.readInt()
            case "exact": exact = try reader.readString()
            default: try reader.skipValue()
            }
        }
        self.start = try reader.required(start, "start")
        self.end = try reader.required(end, "end")
        self.exact = try reader.required(exact, "exact")
    }
}
