import Foundation

/// Reads and writes the session JSON document: `{"format": "claimdesk.session", "version": 1, ...}`.
///
/// Writing is deterministic (pretty-printed, sorted keys, trailing newline) so
/// saving an unchanged session twice gives identical bytes and clean git diffs.
public enum SessionDocument {
    public static let format = "claimdesk.session"
    public static let currentVersion = 1

    public static func encode(_ session: Session) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(session)
        data.append(0x0A)
        return data
    }

    public static func decode(_ data: Data) throws(SessionDocumentError) -> Session {
        struct Header: Decodable {
            var format: String?
            var version: Int?
        }
        let header: Header
        do {
            header = try JSONDecoder().decode(Header.self, from: data)
        } catch let error as DecodingError {
            if case .typeMismatch(_, let context) = error, context.codingPath.isEmpty {
                throw .notASession("it is JSON but not an object")
            }
            throw SessionDocumentError(error, in: data)
        } catch {
            throw .notJSON(String(describing: error))
        }
        guard let format = header.format else {
            throw .notASession("it has no \"format\" field")
        }
        guard format == Self.format else {
            throw .notASession("its format is \"\(format)\", not \"\(Self.format)\"")
        }
        guard let version = header.version else { throw .notASession("it has no \"version\" field") }
        guard version <= currentVersion else { throw .newerVersion(version) }
        guard version >= 1 else { throw .notASession("its version \(version) is not a version ClaimDesk ever wrote") }
        do {
            return try JSONDecoder().decode(Session.self, from: data)
        } catch let error as DecodingError {
            throw SessionDocumentError(error, in: data)
        } catch {
            throw .notJSON(String(describing: error))
        }
    }
}

/// Why a file could not be read as a session, with the position of the fault.
public enum SessionDocumentError: Error, Equatable, Sendable {
    case notJSON(String)
    case notASession(String)
    case newerVersion(Int)
    case invalid(path: String, problem: String)

    init(_ error: DecodingError, in data: Data) {
        func path(_ context: DecodingError.Context) -> String {
            let parts = context.codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }
            let joined = parts.joined()
            return joined.isEmpty ? "(top level)" : String(joined.drop(while: { $0 == "." }))
        }
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            let underlying = (context.underlyingError.map { String(describing: $0) } ?? context.debugDescription)
            self = .notJSON(underlying)
        case .dataCorrupted(let context):
            self = .invalid(path: path(context), problem: context.debugDescription)
        case .keyNotFound(let key, let context):
            let parent = path(context)
            self = .invalid(path: parent == "(top level)" ? key.stringValue : parent + "." + key.stringValue,
                            problem: "missing")
        case .typeMismatch(let type, let context):
            self = .invalid(path: path(context), problem: "expected \(Self.describe(type))")
        case .valueNotFound(let type, let context):
            self = .invalid(path: path(context), problem: "expected \(Self.describe(type)), found null")
        @unknown default:
            self = .notJSON(String(describing: error))
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        if type is String.Type { return "a string" }
        if type is Int.Type || type is Double.Type { return "a number" }
        if type is Bool.Type { return "true or false" }
        let name = String(describing: type)
        return name.hasPrefix("Array") ? "an array" : "an object"
    }

    public var message: String {
        switch self {
        case .notJSON(let detail): "not valid JSON: \(detail)"
        case .notASession(let why): "not a ClaimDesk session: \(why)"
        case .newerVersion(let v):
            "it is a version \(v) session, newer than this ClaimDesk reads (version \(SessionDocument.currentVersion)); upgrade ClaimDesk to open it"
        case .invalid(let path, let problem): "at \(path): \(problem)"
        }
    }
}
