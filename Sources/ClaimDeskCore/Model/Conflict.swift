/// A disagreement left by a merge: the competing versions of one annotation, for a curator to
/// settle with `curate` or `resolve`.
///
/// The session holds the annotation (its ``subject``) as the first version that has it, so the
/// session stays whole and every reference in it keeps pointing at something; the conflict beside
/// it keeps every version with where it came from. Resolving replaces the subject by the version
/// chosen (or removes it) and removes the conflict, in one change.
public struct Conflict: Equatable, Sendable {
    /// One merged session's version of the annotation.
    public struct Version: Equatable, Sendable {
        /// The session it came from (its name or file name) and who annotated it.
        public var session: String
        public var analyst: String
        /// That session's annotation, with the merged session's ids; nil when that session has none.
        public var record: Record?
    }

    public private(set) var id: AnnotationID
    /// The annotation disputed: the id its versions carry in the merged session.
    public var subject: AnnotationID
    /// What differs, in the words `claimdesk diff` uses: `only in some`, `span`, `claimant`, …
    public var disagreements: [String]
    /// The versions, in the order the sessions were merged (`a`, `b`, `c`, …).
    public var versions: [Version]
    public var created: Timestamp

    public init(id: AnnotationID, subject: AnnotationID, disagreements: [String], versions: [Version], created: Timestamp) {
        self.id = id
        self.subject = subject
        self.disagreements = disagreements
        self.versions = versions
        self.created = created
    }

    /// The key a curator presses for a version: `a` for the first, `b` for the second, …
    public static func letter(_ index: Int) -> String {
        guard (0..<26).contains(index), let scalar = Unicode.Scalar(0x61 + index) else { return "#\(index + 1)" }
        return String(Character(scalar))
    }

    /// The version a letter names, if any.
    public func version(_ letter: String) -> Int? {
        versions.indices.first { Self.letter($0) == letter.lowercased() }
    }
}

extension Conflict: JSONCodable {
    public static let jsonFields = JSONFields<Conflict>([
        .required("id", \.id),
        .required("subject", \.subject),
        .defaulted("disagreements", \.disagreements),
        .defaulted("versions", \.versions),
        .required("created", \.created),
    ])

    public static var jsonDefaults: Conflict { Conflict(id: "", subject: "", disagreements: [], versions: [], created: .unixEpoch) }
}

/// A version is written with its annotation under the annotation's kind (`"claim": {…}`), so
/// the schema checks it as it checks any claim; a session that lacks it has none of these keys.
extension Conflict.Version: JSONWritable, JSONReadable, JSONFieldValue {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("analyst", analyst)
        switch record {
        case .claim(let v)?: writer.field("claim", v)
        case .mention(let v)?: writer.field("mention", v)
        case .relation(let v)?: writer.field("relation", v)
        default: break
        }
        writer.field("session", session)
        if case .stance(let v)? = record { writer.field("stance", v) }
        writer.endObject()
    }

    public init(json reader: inout JSONReader) throws(JSONReadError) {
        var session: String?, analyst: String?, record: Record?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "session": session = try reader.readString()
            case "analyst": analyst = try reader.readString()
            case "claim": record = .claim(try Claim(json: &reader))
            case "mention": record = .mention(try Mention(json: &reader))
            case "stance": record = .stance(try Stance(json: &reader))
            case "relation": record = .relation(try Relation(json: &reader))
            default: try reader.skipValue()
            }
        }
        self.init(session: try reader.required(session, "session"), analyst: try reader.required(analyst, "analyst"), record: record)
    }
}
