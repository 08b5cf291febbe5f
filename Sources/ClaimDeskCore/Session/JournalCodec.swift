import Foundation

/// The lines of a session's journal: a header naming the session, then one accepted change per line.
///
/// Each line is compact JSON with sorted keys, written with one `write`, so a torn write can
/// only damage the last line.
public enum JournalCodec {
    public static let format = "claimdesk.journal"
    public static let version = 1

    /// The first line of a journal: enough to rebuild a session that was never saved.
    public struct Header: Equatable, Sendable {
        public var analyst: String
        public var created: Timestamp

        public init(analyst: String, created: Timestamp) {
            self.analyst = analyst
            self.created = created
        }
    }

    public enum Entry: Equatable, Sendable {
        case header(Header)
        case change(Change)
    }

    public static func encode(_ header: Header) -> Data {
        var writer = JSONWriter(pretty: false, capacity: 128)
        writer.beginObject()
        writer.field("analyst", header.analyst)
        writer.field("created", header.created)
        writer.field("format", format)
        writer.field("version", version)
        writer.endObject()
        writer.bytesAppendingNewline()
        return Data(writer.bytes)
    }

    public static func encode(_ change: Change) -> Data {
        var writer = JSONWriter(pretty: false, capacity: 1024)
        change.write(to: &writer)
        writer.bytesAppendingNewline()
        return Data(writer.bytes)
    }

    /// Reads one line (with or without its newline).
    public static func decode(_ line: Data) throws(JSONReadError) -> Entry {
        var reader = JSONReader([UInt8](line))
        var probe = reader
        try probe.beginObject()
        let firstKey = try probe.nextKey()
        // Keys are sorted: a header starts with "analyst", a change with "author".
        if firstKey == "analyst" {
            var analyst: String?, created: Timestamp?, version: Int?
            try reader.beginObject()
            while let key = try reader.nextKey() {
                switch key {
                case "analyst": analyst = try reader.readString()
                case "created": created = try Timestamp(json: &reader)
                case "version": version = try reader.readInt()
                default: try reader.skipValue()
                }
            }
            try reader.end()
            if let version, version > Self.version {
                throw JSONReadError(path: "version", line: nil, column: nil,
                                    problem: "the journal is version \(version), newer than this ClaimDesk reads; upgrade ClaimDesk")
            }
            return .header(Header(analyst: try reader.required(analyst, "analyst"), created: try reader.required(created, "created")))
        }
        let change = try Change(json: &reader)
        try reader.end()
        return .change(change)
    }
}

extension JSONWriter {
    /// Ends a journal line.
    mutating func bytesAppendingNewline() {
        appendRaw(0x0A)
    }
}
