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
    case conflict(Conflict)

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
        case .conflict(let x): .id(x.id)
        }
    }

    /// The annotation or source this record holds; nil for an article, the taxonomy, the
    /// settings and a conflict.
    public var annotation: (any Annotation)? {
        switch self {
        case .source(let v): v
        case .mention(let v): v
        case .claim(let v): v
        case .proposition(let v): v
        case .stance(let v): v
        case .relation(let v): v
        case .article, .taxonomy, .settings, .conflict: nil
        }
    }

    /// The record that holds an annotation or source.
    public init?(_ annotation: any Annotation) {
        switch annotation {
        case let v as Source: self = .source(v)
        case let v as Mention: self = .mention(v)
        case let v as Claim: self = .claim(v)
        case let v as Proposition: self = .proposition(v)
        case let v as Stance: self = .stance(v)
        case let v as Relation: self = .relation(v)
        default: return nil
        }
    }

    /// The record with its annotation or source changed by `body`; any other record as it is.
    public func updatingAnnotation<Failure: Error>(_ body: (inout any Annotation) throws(Failure) -> Void) throws(Failure) -> Record {
        guard var item = annotation else { return self }
        try body(&item)
        return Record(item) ?? self
    }

    /// The notes an annotation or source carries; none for the other records.
    public var notes: [Note] { annotation?.notes ?? [] }

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
        case .conflict: "conflict"
        }
    }
}

public enum RecordKey: Hashable, Sendable {
    case id(AnnotationID)
    case taxonomy
    case settings
}

extension Record: JSONWritable, JSONReadable, JSONFieldValue {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("type", typeName)
        writer.key("value")
        switch self {
        case .article(let v): v.write(to: &writer)
        case .source(let v): v.write(to: &writer)
        case .mention(let v): v.write(to: &writer)
        case .claim(let v): v.write(to: &writer)
        case .proposition(let v): v.write(to: &writer)
        case .stance(let v): v.write(to: &writer)
        case .relation(let v): v.write(to: &writer)
        case .taxonomy(let v): v.write(to: &writer)
        case .settings(let v): v.write(to: &writer)
        case .conflict(let v): v.write(to: &writer)
        }
        writer.endObject()
    }

    /// Reads `{"type": …, "value": …}`; the type comes first, as the writer puts it.
    public init(json reader: inout JSONReader) throws(JSONReadError) {
        var type: String?
        var record: Record?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "type": type = try reader.readString()
            case "value":
                switch try reader.required(type, "type") {
                case "article": record = .article(try Article(json: &reader))
                case "source": record = .source(try Source(json: &reader))
                case "mention": record = .mention(try Mention(json: &reader))
                case "claim": record = .claim(try Claim(json: &reader))
                case "proposition": record = .proposition(try Proposition(json: &reader))
                case "stance": record = .stance(try Stance(json: &reader))
                case "relation": record = .relation(try Relation(json: &reader))
                case "taxonomy": record = .taxonomy(try Taxonomy(json: &reader))
                case "settings": record = .settings(try SessionSettings(json: &reader))
                case "conflict": record = .conflict(try Conflict(json: &reader))
                case let other: throw reader.error("unknown record type \"\(other)\"")
                }
            default: try reader.skipValue()
            }
        }
        self = try reader.required(record, "value")
    }
}
