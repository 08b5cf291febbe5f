import Foundation

/// A desk's list of known sources, shared between sessions: `sources export` writes it,
/// `sources import` reads it.
///
/// It holds who the sources are (name, kind, aliases, role) and nothing of any article, so it
/// can be kept in git beside the sessions and grow as the desk meets new names.
/// `{"format": "claimdesk.sources", "version": 1, "sources": [{"name": …, "kind": …, "aliases": […], "role": …}]}`
public struct SourceRegistryFile: Equatable, Sendable {
    public static let format = "claimdesk.sources"
    public static let version = 1

    /// One known source.
    public struct Entry: Equatable, Sendable {
        public var name: String
        public var kind: String
        public var aliases: [String]
        public var role: String?

        public init(name: String, kind: String, aliases: [String] = [], role: String? = nil) {
            self.name = name
            self.kind = kind
            self.aliases = aliases
            self.role = role
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    /// The registry of a session's sources, in the order of their ids.
    public init(sources: [Source]) {
        entries = sources.map { Entry(name: $0.name, kind: $0.kind, aliases: $0.aliases, role: $0.role) }
    }

    /// Pretty-printed JSON with sorted keys, so the file diffs well and saving twice gives the same bytes.
    public func encoded() -> Data {
        var writer = JSONWriter(pretty: true)
        writer.beginObject()
        writer.field("format", Self.format)
        writer.field("sources", entries)
        writer.field("version", Self.version)
        writer.endObject()
        return Data(writer.bytes) + Data("\n".utf8)
    }

    /// Reads a registry file; the error says what is wrong and where (path, line and column).
    public static func decode(_ data: Data) throws(SourceRegistryFileError) -> SourceRegistryFile {
        try JSONReader.reading(data) { reader throws(SourceRegistryFileError) in try decode(&reader) }
    }

    /// Reads a registry file from a reader at its start (of bytes read where they lie).
    private static func decode(_ reader: inout JSONReader) throws(SourceRegistryFileError) -> SourceRegistryFile {
        // Read twice: the stamp first, then the entries; a copy of the reader shares the bytes.
        let start = reader
        let stamp: DocumentStamp
        do {
            guard reader.peek() == 0x7B else { throw SourceRegistryFileError.malformed("it is not a JSON object") }
            stamp = try DocumentStamp(json: &reader)
            try reader.end()
        } catch let error as SourceRegistryFileError {
            throw error
        } catch {
            throw .malformed("it is not valid JSON \(error)")
        }
        guard stamp.format == format else {
            throw .malformed("its \"format\" is \(stamp.format.map { "\"\($0)\"" } ?? "missing"), not \"\(format)\"")
        }
        guard let version = stamp.version else { throw .malformed("it has no \"version\"") }
        guard version <= Self.version else { throw .newerVersion(version) }
        var entries: [Entry] = []
        reader = start
        do {
            try reader.beginObject()
            while let key = try reader.nextKey() {
                guard key == "sources" else { try reader.skipValue(); continue }
                try reader.beginArray()
                while try reader.nextElement() { entries.append(try Entry(json: &reader)) }
            }
        } catch {
            throw .malformed("\(error)")
        }
        for (index, entry) in entries.enumerated() {
            if entry.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw .malformed("at sources[\(index)]: the name is empty")
            }
            if entry.name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                throw .malformed("at sources[\(index)]: the name holds control characters")
            }
        }
        return SourceRegistryFile(entries: entries)
    }
}

extension SourceRegistryFile.Entry: JSONCodable {
    public static let jsonFields = JSONFields<SourceRegistryFile.Entry>([
        .required("name", \.name),
        .defaulted("kind", \.kind),
        .defaulted("aliases", \.aliases),
        .optional("role", \.role),
    ])

    public static var jsonDefaults: SourceRegistryFile.Entry { .init(name: "", kind: "other") }
}

/// Why a registry file cannot be imported.
public enum SourceRegistryFileError: Error, Equatable, Sendable {
    case malformed(String)
    case newerVersion(Int)

    public var message: String {
        switch self {
        case .malformed(let why): "not a ClaimDesk source registry: \(why)"
        case .newerVersion(let version):
            "a source registry of version \(version), newer than this ClaimDesk reads (\(SourceRegistryFile.version)); update ClaimDesk"
        }
    }
}
