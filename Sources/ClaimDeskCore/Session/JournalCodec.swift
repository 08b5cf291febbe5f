import Foundation

/// The lines of a session's journal: a header naming the session, then one accepted change per line.
///
/// Each line is compact JSON with sorted keys, so a line is written with one
/// `write` and a torn write can only damage the last line.
public enum JournalCodec {
    public static let format = "claimdesk.journal"
    public static let version = 1

    /// The first line of a journal: enough to rebuild a session that was never saved.
    public struct Header: Codable, Equatable, Sendable {
        public var format: String
        public var version: Int
        public var analyst: String
        public var created: Timestamp

        public init(analyst: String, created: Timestamp) {
            format = JournalCodec.format
            version = JournalCodec.version
            self.analyst = analyst
            self.created = created
        }
    }

    public enum Entry: Equatable, Sendable {
        case header(Header)
        case change(Change)
    }

    public static func encode(_ header: Header) -> Data {
        line(header)
    }

    public static func encode(_ change: Change) -> Data {
        line(change)
    }

    private static func line(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Our own values always encode; a failure here is a programming error.
        var data = try! encoder.encode(value)
        data.append(0x0A)
        return data
    }

    /// Reads one line (without or with its newline).
    public static func decode(_ line: Data) throws -> Entry {
        let decoder = JSONDecoder()
        if let header = try? decoder.decode(Header.self, from: line), header.format == format {
            guard header.version <= version else {
                throw SessionDocumentError.newerVersion(header.version)
            }
            return .header(header)
        }
        return .change(try decoder.decode(Change.self, from: line))
    }
}
