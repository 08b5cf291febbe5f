/// One keyed item of a session: everything a change can add, replace or remove.
///
/// Changes are expressed as record edits so that undo, redo and the journal
/// all work on the same small values, and a change costs the same however
/// large the session is.
public enum Record: Equatable, Sendable {
    case article(Article)
    case source(Source)
    case mention(Mention)
    case claim(Claim)
    case proposition(Proposition)
    case stance(Stance)
    case relation(Relation)
    case taxonomy(Taxonomy)
    case settings(SessionSettings)

    /// The key a record is stored under: its id, or a fixed key for session-wide records.
    public var key: RecordKey {
        switch self {
        case .article(let a): .id(a.id)
        case .source(let s): .id(s.id)
        case .mention(let m): .id(m.id)
        case .claim(let c): .id(c.id)
        case .proposition(let p): .id(p.id)
        case .stance(let s): .id(s.id)
        case .relation(let r): .id(r.id)
        case .taxonomy: .taxonomy
        case .settings: .settings
        }
    }

    var typeName: String {
        switch self {
        case .article: "article"
        case .source: "source"
        case .mention: "mention"
        case .claim: "claim"
        case .proposition: "proposition"
        case .stance: "stance"
        case .relation: "relation"
        case .taxonomy: "taxonomy"
        case .settings: "settings"
        }
    }
}

public enum RecordKey: Hashable, Sendable {
    case id(AnnotationID)
    case taxonomy
    case settings
}

extension Record: Codable {
    private enum CodingKeys: String, CodingKey { case type, value }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let type = try c.decode(String.self, forKey: .type)
        switch type {
        case "article": self = .article(try c.decode(Article.self, forKey: .value))
        case "source": self = .source(try c.decode(Source.self, forKey: .value))
        case "mention": self = .mention(try c.decode(Mention.self, forKey: .value))
        case "claim": self = .claim(try c.decode(Claim.self, forKey: .value))
        case "proposition": self = .proposition(try c.decode(Proposition.self, forKey: .value))
        case "stance": self = .stance(try c.decode(Stance.self, forKey: .value))
        case "relation": self = .relation(try c.decode(Relation.self, forKey: .value))
        case "taxonomy": self = .taxonomy(try c.decode(Taxonomy.self, forKey: .value))
        case "settings": self = .settings(try c.decode(SessionSettings.self, forKey: .value))
        default:
            throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription: "unknown record type \"\(type)\"")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(typeName, forKey: .type)
        switch self {
        case .article(let v): try c.encode(v, forKey: .value)
        case .source(let v): try c.encode(v, forKey: .value)
        case .mention(let v): try c.encode(v, forKey: .value)
        case .claim(let v): try c.encode(v, forKey: .value)
        case .proposition(let v): try c.encode(v, forKey: .value)
        case .stance(let v): try c.encode(v, forKey: .value)
        case .relation(let v): try c.encode(v, forKey: .value)
        case .taxonomy(let v): try c.encode(v, forKey: .value)
        case .settings(let v): try c.encode(v, forKey: .value)
        }
    }
}
