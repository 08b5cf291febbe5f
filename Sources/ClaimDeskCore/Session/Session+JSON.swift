/// The session as a JSON document: records as arrays sorted by id, keys sorted, so the same
/// session always gives the same bytes.
extension Session: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("analyst", analyst)
        writer.field("articles", articleTable.ordered)
        writer.field("claims", claimTable.ordered)
        writer.key("counters")
        writer.beginObject()
        for (prefix, number) in counters.sorted(by: { $0.key < $1.key }) { writer.field(prefix, number) }
        writer.endObject()
        writer.field("created", created)
        writer.field("format", SessionDocument.format)
        writer.field("mentions", mentionTable.ordered)
        writer.field("modified", modified)
        writer.field("name", name)
        writer.field("propositions", propositionTable.ordered)
        writer.field("relations", relationTable.ordered)
        writer.field("settings", settings)
        writer.field("sources", sourceTable.ordered)
        writer.field("stances", stanceTable.ordered)
        writer.field("taxonomy", taxonomy)
        writer.field("version", SessionDocument.currentVersion)
        writer.endObject()
    }

    /// Reads a session document, with the `format` and `version` it names for the caller to check.
    init(json reader: inout JSONReader, format: inout String?, version: inout Int?) throws(JSONReadError) {
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
                while let prefix = try reader.nextKey() { counters[prefix] = try reader.readInt() }
            case "articles": articleTable = try Self.table(&reader)
            case "sources": sourceTable = try Self.table(&reader)
            case "mentions": mentionTable = try Self.table(&reader)
            case "claims": claimTable = try Self.table(&reader)
            case "propositions": propositionTable = try Self.table(&reader)
            case "stances": stanceTable = try Self.table(&reader)
            case "relations": relationTable = try Self.table(&reader)
            default: try reader.skipValue()
            }
        }
        self.analyst = try reader.required(analyst, "analyst")
        self.created = try reader.required(created, "created")
        self.modified = try reader.required(modified, "modified")
        rebuildIndex()
        reserveAll()
    }

    /// An array of records by id and in id order; an id that appears twice is an error.
    private static func table<T: KeyedRecord & JSONReadable>(_ reader: inout JSONReader) throws(JSONReadError) -> RecordTable<T> {
        var byID: [AnnotationID: T] = [:]
        var records: [T] = []
        try reader.beginArray()
        while try reader.nextElement() {
            let item = try T(json: &reader)
            if byID.updateValue(item, forKey: item.id) != nil {
                throw reader.error("the id \(item.id) appears twice")
            }
            records.append(item)
        }
        return RecordTable(byID: byID, inReadingOrder: records)
    }

    /// Raises the counters to every id present, including note ids.
    private mutating func reserveAll() {
        var ids: [AnnotationID] = Array(articles.keys)
        ids.append(contentsOf: sources.keys)
        ids.append(contentsOf: mentions.keys)
        ids.append(contentsOf: claims.keys)
        ids.append(contentsOf: propositions.keys)
        ids.append(contentsOf: stances.keys)
        ids.append(contentsOf: relations.keys)
        for id in ids { reserve(id) }
        for notes in sources.values.map(\.notes) + claims.values.map(\.notes) + mentions.values.map(\.notes) {
            for note in notes { reserve(note.id) }
        }
        for notes in propositions.values.map(\.notes) + stances.values.map(\.notes) + relations.values.map(\.notes) {
            for note in notes { reserve(note.id) }
        }
    }
}
