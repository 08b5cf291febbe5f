/// The `format` and `version` a session file or a journal header names, read before (or
/// instead of) the rest, so a file of another kind or a newer version is said so first.
struct DocumentStamp {
    var format: String?
    var version: Int?

    /// Reads the object at `reader`, skipping every other key; a `format` that is not a string,
    /// or a `version` that is one, counts as absent.
    init(json reader: inout JSONReader) throws(JSONReadError) {
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "format" where reader.peek() == 0x22: format = try reader.readString()
            case "version" where reader.peek() != 0x22: version = try reader.readInt()
            default: try reader.skipValue()
            }
        }
    }
}
