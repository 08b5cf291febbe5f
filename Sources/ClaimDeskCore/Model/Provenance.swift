/// Where an annotation came from when it was not made in this session: the session and analyst
/// it was imported or merged from, and its id there.
public struct Provenance: Hashable, Sendable {
    public var session: String
    public var analyst: String
    public var id: String?

    public init(session: String, analyst: String, id: String? = nil) {
        self.session = session
        self.analyst = analyst
        self.id = id
    }
}

extension Provenance: JSONWritable, JSONReadable {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("analyst", analyst)
        writer.field("id", id)
        writer.field("session", session)
        writer.endObject()
    }

    public init(json reader: inout JSONReader) throws(JSONReadError) {
        var session: String?, analyst: String?, id: String?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "session": session = try reader.readString()
            case "analyst": analyst = try reader.readString()
            case "id": id = reader.readNull() ? nil : try reader.readString()
            default: try reader.skipValue()
            }
        }
        self.init(session: try reader.required(session, "session"), analyst: try reader.required(analyst, "analyst"), id: id)
    }
}
