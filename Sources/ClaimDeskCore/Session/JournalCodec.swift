import Foundation

/// The lines of a session's journal: a header naming the session, then one accepted change per line.
///
/// Each line is compact JSON with sorted keys, written with one `write`, so a torn write can
/// only damage the last line.
public enum JournalCodec {
    public static let format = "claimdesk.journal"
    /// Version 2 names the snapshot a journal continues; version 1 journals did not.
    public static let version = 2

    /// The first line of a journal: enough to rebuild a session that was never saved, and the
    /// snapshot the changes after it continue, so they are never replayed onto another.
    public struct Header: Equatable, Sendable {
        public var analyst: String
        public var created: Timestamp
        /// The SHA-256 of the snapshot file's bytes the journal continues; nil for a session never saved.
        public var snapshot: String?
        /// The version the header was written with (1: it could not name its snapshot).
        public var version: Int

        public init(analyst: String, created: Timestamp, snapshot: String?, version: Int = JournalCodec.version) {
            self.analyst = analyst
            self.created = created
            self.snapshot = snapshot
            self.version = version
        }

        /// Whether the header says which snapshot its journal continues (version 2 and later).
        public var namesItsSnapshot: Bool { version >= 2 }
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
        writer.field("snapshot", header.snapshot)
        writer.field("version", header.version)
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
    ///
    /// A header is told by its `format` field, wherever it stands among the keys; a line without
    /// one is a change, and a line whose `format` names something else is refused.
    public static func decode(_ line: Data) throws(JSONReadError) -> Entry {
        try JSONReader.reading(line) { (reader: inout JSONReader) throws(JSONReadError) -> Entry in try decode(&reader) }
    }

    private static func decode(_ reader: inout JSONReader) throws(JSONReadError) -> Entry {
        switch try formatField(reader) {
        case nil:
            let change = try Change(json: &reader)
            try reader.end()
            return .change(change)
        case Self.format?:
            break
        case let other?:
            throw JSONReadError(path: "format", line: nil, column: nil,
                                problem: "\"\(UntrustedText.visible(other))\" is not a ClaimDesk journal line (its format should be \"\(Self.format)\")")
        }
        var analyst: String?, created: Timestamp?, snapshot: String?, version: Int?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "analyst": analyst = try reader.readString()
            case "created": created = try Timestamp(json: &reader)
            case "snapshot": snapshot = try reader.readString()
            case "version": version = try reader.readInt()
            default: try reader.skipValue()
            }
        }
        try reader.end()
        if let version, version > Self.version {
            throw JSONReadError(path: "version", line: nil, column: nil,
                                problem: "the journal is version \(version), newer than this ClaimDesk reads; upgrade ClaimDesk")
        }
        return .header(Header(analyst: try reader.required(analyst, "analyst"), created: try reader.required(created, "created"),
                              snapshot: snapshot, version: version ?? 1))
    }

    /// The top-level `format` string of a line's object, or nil when it has none (a change).
    private static func formatField(_ reader: JSONReader) throws(JSONReadError) -> String? {
        var probe = reader
        try probe.beginObject()
        while let key = try probe.nextKey() {
            if key == "format", probe.peek() == 0x22 { return try probe.readString() }
            try probe.skipValue()
        }
        return nil
    }

    /// The version of a journal header written by a newer ClaimDesk, whatever else it holds; nil
    /// for any line that is not such a header. A newer journal is left alone, not called damaged.
    public static func newerVersion(of line: Data) -> Int? {
        let read = try? JSONReader.reading(line) { (reader: inout JSONReader) throws(JSONReadError) in try DocumentStamp(json: &reader) }
        guard let stamp = read, stamp.format == Self.format,
              let version = stamp.version, version > Self.version else { return nil }
        return version
    }
}

extension JSONWriter {
    /// Ends a journal line.
    mutating func bytesAppendingNewline() {
        appendRaw(0x0A)
    }
}
