/// The session as a JSON document: records as arrays sorted by id, keys sorted, so the same
/// session always gives the same bytes.
extension Session: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("analyst", analyst)
        writer.field("articles", articles.values.sorted { $0.id < $1.id })
        writer.field("claims", claims.values.sorted { $0.id < $1.id })
        writer.key("counters")
        writer.beginObject()
        for (prefix, number) in counters.sorted(by: { $0.key < $1.key }) { writer.field(prefix, number) }
        writer.endObject()
        writer.field("created", created)
        writer.field("format", SessionDocument.format)
        writer.field("mentions", mentions.values.sorted { $0.id < $1.id })
        writer.field("modified", modified)
        writer.field("name", name)
        writer.field("propositions", propositions.values.sorted { $0.id < $1.id })
        writer.field("relations", relations.values.sorted { $0.id < $1.id })
        writer.field("settings", settings)
        writer.field("sources", sources.values.sorted { $0.id < $1.id })
        writer.field("stances", stances.values.sorted { $0.id < $1.id })
        writer.field("taxonomy", taxonomy)
        writer.field("version", SessionDocument.currentVersion)
        writer.endObject()
    }

    /// Reads a session document, with the `format` and `version` it names for the caller to check
    /// and each record's index in its array (for field paths in ``SessionIntegrity`` faults).
    ///
    /// Only the shape is checked here; ``SessionIntegrity/check(_:positions:)`` checks the content.
    init(json reader: inout JSONReader, format: inout String?, version: inout Int?,
         positions: inout [AnnotationID: Int]) throws(JSONReadError) {
        var analyst: String?, created: Timestamp?, modified: Timestamp?
        self.init(analyst: "", created: Timestamp(secondsSince1970: 0))
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "format" where reader.peek() == 0x22: format = try reader.readString()
            case "version" where reader.peek() != 0x22: version = try reader.readInt()
            case "name": name = try reader.readString()
            case "analyst": analyst = try reader.readString()
            case "created": created = try Timestamp(json: &reader)
            case "modified": modified = try Timestamp(json: &reader)
            case "settings": settings = try SessionSettings(json: &reader)
            case "taxonomy": taxonomy = try Taxonomy(json: &reader)
            case "counters":
                try reader.beginObject()
                while let prefix = try reader.nextKey() {
                    let number = try reader.readInt()
                    guard (0...AnnotationID.maximumNumber).contains(number) else {
                        throw reader.error("a counter must be between 0 and \(AnnotationID.maximumNumber), not \(number)")
                    }
                    counters[prefix] = number
                }
            case "articles": articles = try Self.keyed(&reader, \Article.id, &positions)
            case "sources": sources = try Self.keyed(&reader, \Source.id, &positions)
            case "mentions": mentions = try Self.keyed(&reader, \Mention.id, &positions)
            case "claims": claims = try Self.keyed(&reader, \Claim.id, &positions)
            case "propositions": propositions = try Self.keyed(&reader, \Proposition.id, &positions)
            case "stances": stances = try Self.keyed(&reader, \Stance.id, &positions)
            case "relations": relations = try Self.keyed(&reader, \Relation.id, &positions)
            default: try reader.skipValue()
            }
        }
        self.analyst = try reader.required(analyst, "analyst")
        self.created = try reader.required(created, "created")
        self.modified = try reader.required(modified, "modified")
    }

    /// An array of records as a dictionary by id; an id that appears twice is an error.
    private static func keyed<T: JSONReadable>(_ reader: inout JSONReader, _ id: KeyPath<T, AnnotationID>,
                                               _ positions: inout [AnnotationID: Int]) throws(JSONReadError) -> [AnnotationID: T] {
        var result: [AnnotationID: T] = [:]
        try reader.beginArray()
        while try reader.nextElement() {
            let item = try T(json: &reader)
            positions[item[keyPath: id]] = result.count
            if result.updateValue(item, forKey: item[keyPath: id]) != nil {
                throw reader.error("the id \(item[keyPath: id]) appears twice")
            }
        }
        return result
    }
}
