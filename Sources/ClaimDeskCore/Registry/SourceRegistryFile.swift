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
    public struct Entry: Codable, Equatable, Sendable {
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

        enum CodingKeys: String, CodingKey { case name, kind, aliases, role }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            kind = try container.decodeIfPresent(String.self, forKey: .kind) ?? "other"
            aliases = try container.decodeIfPresent([String].self, forKey: .aliases) ?? []
            role = try container.decodeIfPresent(String.self, forKey: .role)
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    /// The registry of a session's sources, in the order of their ids.
    public init(sources: [Source]) {
        entries = sources.map { Entry(name: $0.name, kind: $0.kind, aliases: $0.aliases, role: $0.role) }
    }

    private struct Document: Codable {
        var format: String
        var version: Int
        var sources: [Entry]
    }

    private struct Header: Decodable {
        var format: String?
        var version: Int?
    }

    /// Pretty-printed JSON with sorted keys, so the file diffs well and saving twice gives the same bytes.
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let document = Document(format: Self.format, version: Self.version, sources: entries)
        return ((try? encoder.encode(document)) ?? Data()) + Data("\n".utf8)
    }

    /// Reads a registry file; the error says what is wrong and where.
    public static func decode(_ data: Data) throws(SourceRegistryFileError) -> SourceRegistryFile {
        let decoder = JSONDecoder()
        guard let header = try? decoder.decode(Header.self, from: data) else {
            throw .malformed("it is not a JSON object")
        }
        guard header.format == format else {
            throw .malformed("its \"format\" is \(header.format.map { "\"\($0)\"" } ?? "missing"), not \"\(format)\"")
        }
        guard let version = header.version else { throw .malformed("it has no \"version\"") }
        guard version <= Self.version else { throw .newerVersion(version) }
        let document: Document
        do {
            document = try decoder.decode(Document.self, from: data)
        } catch let error as DecodingError {
            throw .malformed(Self.describe(error))
        } catch {
            throw .malformed("it cannot be read")
        }
        for (index, entry) in document.sources.enumerated() {
            if entry.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw .malformed("at sources[\(index)]: the name is empty")
            }
            if entry.name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                throw .malformed("at sources[\(index)]: the name holds control characters")
            }
        }
        return SourceRegistryFile(entries: document.sources)
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let parts = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return parts.isEmpty ? "" : "at \(parts.hasPrefix(".") ? String(parts.dropFirst()) : parts): "
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context))\"\(key.stringValue)\" is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context))\(context.debugDescription.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".")))"
        case .dataCorrupted(let context): return "\(path(context))it is not valid JSON"
        @unknown default: return "it cannot be read"
        }
    }
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
