/// A short, stable id such as `c12`: a kind prefix and a number.
///
/// Numbers are never reused within a session. No prefix is `s` or `p` alone,
/// so an id can never be mistaken for a sentence (`s3`) or paragraph (`p2`).
public struct AnnotationID: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public init(kind: AnnotationKind, number: Int) { rawValue = kind.prefix + String(number) }

    public var description: String { rawValue }

    /// The prefix letters.
    public var prefix: Substring { rawValue.prefix(while: { $0.isLetter }) }

    /// The number after the prefix, if the id is well-formed.
    public var number: Int? { Int(rawValue.dropFirst(prefix.count)) }

    /// The kind of annotation this id names, if it is a well-formed id.
    public var kind: AnnotationKind? {
        guard number != nil else { return nil }
        return AnnotationKind.allCases.first { $0.prefix == prefix }
    }

    public static func < (a: AnnotationID, b: AnnotationID) -> Bool {
        if a.prefix != b.prefix { return a.prefix < b.prefix }
        switch (a.number, b.number) {
        case let (x?, y?) where x != y: return x < y
        default: return a.rawValue < b.rawValue
        }
    }
}

/// What an id names. The prefix is what users see and type.
public enum AnnotationKind: String, CaseIterable, Sendable {
    case article, source, mention, claim, proposition, stance, relation, note

    public var prefix: String {
        switch self {
        case .article: "a"
        case .source: "src"
        case .mention: "m"
        case .claim: "c"
        case .proposition: "pr"
        case .stance: "st"
        case .relation: "r"
        case .note: "n"
        }
    }

    public var plural: String {
        switch self {
        case .article: "articles"
        case .source: "sources"
        case .mention: "mentions"
        case .claim: "claims"
        case .proposition: "propositions"
        case .stance: "stances"
        case .relation: "relations"
        case .note: "notes"
        }
    }
}

extension AnnotationID: JSONWritable, JSONReadable {
    public func write(to writer: inout JSONWriter) {
        writer.string(rawValue)
    }

    public init(json reader: inout JSONReader) throws(JSONReadError) {
        rawValue = try reader.readString()
    }
}
