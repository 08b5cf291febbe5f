/// The session as a JSON document: records as arrays sorted by id, keys sorted, so the same
/// session always gives the same bytes.
extension Session: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        var cache = SessionEncodingCache()
        write(to: &writer, cache: &cache)
    }

    /// Writes the document, copying unchanged records from the bytes `cache` holds, and leaves in
    /// `cache` where every record now lies (its `bytes` are set by ``SessionDocument``, once the
    /// document is complete).
    func write(to writer: inout JSONWriter, cache: inout SessionEncodingCache) {
        let previous = cache
        cache = SessionEncodingCache()
        var reused = 0
        writer.beginObject()
        writer.field("analyst", analyst)
        writer.key("articles")
        writer.records(articleTable.ordered, previous: previous.articles, previousBytes: previous.bytes, next: &cache.articles, reused: &reused)
        writer.key("claims")
        writer.records(claimTable.ordered, previous: previous.claims, previousBytes: previous.bytes, next: &cache.claims, reused: &reused)
        // Only a merged session has conflicts; every other session is written as before.
        if !conflictTable.ordered.isEmpty { writer.field("conflicts", conflictTable.ordered) }
        writer.key("counters")
        writer.beginObject()
        for (prefix, number) in counters.sorted(by: { $0.key < $1.key }) { writer.field(prefix, number) }
        writer.endObject()
        writer.field("created", created)
        writer.field("format", SessionDocument.format)
        writer.key("mentions")
        writer.records(mentionTable.ordered, previous: previous.mentions, previousBytes: previous.bytes, next: &cache.mentions, reused: &reused)
        writer.field("modified", modified)
        writer.field("name", name)
        writer.key("propositions")
        writer.records(propositionTable.ordered, previous: previous.propositions, previousBytes: previous.bytes, next: &cache.propositions, reused: &reused)
        writer.key("relations")
        writer.records(relationTable.ordered, previous: previous.relations, previousBytes: previous.bytes, next: &cache.relations, reused: &reused)
        writer.field("settings", settings)
        writer.key("sources")
        writer.records(sourceTable.ordered, previous: previous.sources, previousBytes: previous.bytes, next: &cache.sources, reused: &reused)
        writer.key("stances")
        writer.records(stanceTable.ordered, previous: previous.stances, previousBytes: previous.bytes, next: &cache.stances, reused: &reused)
        writer.field("taxonomy", taxonomy)
        writer.field("version", SessionDocument.currentVersion)
        writer.endObject()
        cache.reusedRecords = reused
    }

    /// Reads a session document, with the `format` and `version` it names for the caller to check
    /// and each record's index in its array (for field paths in ``SessionIntegrity`` faults).
    ///
    /// Only the shape is checked here; ``SessionIntegrity/check(_:positions:)`` checks the content.
    init(json reader: inout JSONReader, format: inout String?, version: inout Int?,
         positions: inout [AnnotationID: Int]) throws(JSONReadError) {
        var reading = DocumentReading()
        try reader.beginObject()
        while let key = try reader.nextKey() {
            try reading.read(key, from: &reader)
        }
        format = reading.format
        version = reading.version
        positions = reading.positions
        self = try reading.session(reader)
    }

    /// A session document's top-level fields as a reader meets them, key after key.
    struct DocumentReading {
        var session = Session(analyst: "", created: Timestamp(secondsSince1970: 0))
        var analyst: String?, created: Timestamp?, modified: Timestamp?
        var format: String?, version: Int?
        var positions: [AnnotationID: Int] = [:]
        /// The articles' texts for the anchors read after them to share (the document lists articles first).
        var quoteTexts: ArticleQuoteTexts?
        /// The keys read, in order: a document read in two parts (``Session/splitReading``) takes
        /// each field from the part that read it.
        var keys: [String] = []

        mutating func read(_ key: String, from reader: inout JSONReader) throws(JSONReadError) {
            keys.append(key)
            switch key {
            case "format" where reader.peek() == 0x22: format = try reader.readString()
            case "version" where reader.peek() != 0x22: version = try reader.readInt()
            case "name": session.name = try reader.readString()
            case "analyst": analyst = try reader.readString()
            case "created": created = try Timestamp(json: &reader)
            case "modified": modified = try Timestamp(json: &reader)
            case "settings": session.settings = try SessionSettings(json: &reader)
            case "taxonomy": session.taxonomy = try Taxonomy(json: &reader)
            case "counters":
                try reader.beginObject()
                while let prefix = try reader.nextKey() {
                    let number = try reader.readInt()
                    guard (0...AnnotationID.maximumNumber).contains(number) else {
                        throw reader.error("a counter must be between 0 and \(AnnotationID.maximumNumber), not \(number)")
                    }
                    session.counters[prefix] = number
                }
            case "articles":
                session.articleTable = try Session.table(&reader, &positions, quoteTexts: nil)
                ArticleText.hashInBackground(session.articleTable.ordered.map(\.content))
                quoteTexts = ArticleQuoteTexts(session.articleTable.ordered)
            case "sources": session.sourceTable = try Session.table(&reader, &positions, quoteTexts: quoteTexts)
            case "mentions": session.mentionTable = try Session.table(&reader, &positions, quoteTexts: quoteTexts)
            case "claims": session.claimTable = try Session.table(&reader, &positions, quoteTexts: quoteTexts)
            case "propositions": session.propositionTable = try Session.table(&reader, &positions, quoteTexts: quoteTexts)
            case "stances": session.stanceTable = try Session.table(&reader, &positions, quoteTexts: quoteTexts)
            case "relations": session.relationTable = try Session.table(&reader, &positions, quoteTexts: quoteTexts)
            case "conflicts": session.conflictTable = try Session.table(&reader, &positions, quoteTexts: quoteTexts)
            default: try reader.skipValue()
            }
        }

        /// Takes the field `key` as `other` read it (a document read in two parts).
        mutating func take(_ key: String, from other: DocumentReading) {
            switch key {
            case "format": format = other.format
            case "version": version = other.version
            case "name": session.name = other.session.name
            case "analyst": analyst = other.analyst
            case "created": created = other.created
            case "modified": modified = other.modified
            case "settings": session.settings = other.session.settings
            case "taxonomy": session.taxonomy = other.session.taxonomy
            case "counters": session.counters = other.session.counters
            case "articles": session.articleTable = other.session.articleTable
            case "sources": session.sourceTable = other.session.sourceTable
            case "mentions": session.mentionTable = other.session.mentionTable
            case "claims": session.claimTable = other.session.claimTable
            case "propositions": session.propositionTable = other.session.propositionTable
            case "stances": session.stanceTable = other.session.stanceTable
            case "relations": session.relationTable = other.session.relationTable
            case "conflicts": session.conflictTable = other.session.conflictTable
            default: break
            }
        }

        /// The session read, once the document's object has ended; "missing" for a required field.
        func session(_ reader: JSONReader) throws(JSONReadError) -> Session {
            if let complete { return complete }
            // The first missing field, named as the fields are required.
            _ = try reader.required(analyst, "analyst")
            _ = try reader.required(created, "created")
            _ = try reader.required(modified, "modified")
            preconditionFailure("a session document is incomplete only when a required field is missing")
        }

        /// The session read, when every required field was there (a split reading leaves a
        /// missing one to one reader, which names it).
        var complete: Session? {
            guard let analyst, let created, let modified else { return nil }
            var session = session
            session.analyst = analyst
            session.created = created
            session.modified = modified
            // Counters below an id in use are raised (and said) by SessionIntegrity, not silently here.
            // The index is made on first use (see ``Session/index``): its box, made by `init(analyst:created:)`, is empty.
            return session
        }
    }

    /// An array of records in id order; an id that appears twice is an error.
    ///
    /// A document ClaimDesk wrote lists records in id order, and then each record's index in its
    /// array is its index in id order: `positions` (for field paths in ``SessionIntegrity``
    /// faults) is filled in only for an array out of order. In order, no id can repeat, so ids
    /// are looked up only once the order breaks. The records by id are made on first use
    /// (``RecordTable/byID``), not here.
    ///
    /// Each anchor's quote is shared with its article's text as soon as its record is read
    /// (``ArticleQuoteTexts``), so that the copies never pile up.
    private static func table<T: SessionDocumentRecord>(_ reader: inout JSONReader, _ positions: inout [AnnotationID: Int],
                                                        quoteTexts: ArticleQuoteTexts?) throws(JSONReadError) -> RecordTable<T> {
        var records: [T] = []
        var seen: Set<AnnotationID>?
        // The last id alone: `records.last` copied the whole last record for every record read.
        var lastID: AnnotationID?
        try reader.beginArray()
        while try reader.nextElement() {
            var item = try T(json: &reader)
            if let quoteTexts { item.shareQuotes(quoteTexts) }
            if seen == nil, let lastID, !(lastID < item.id) {
                seen = Set(records.map(\.id))
            }
            if seen != nil, seen?.insert(item.id).inserted == false {
                throw reader.error("the id \(item.id) appears twice")
            }
            lastID = item.id
            // Moved, not copied: a copy was a reference count per field of every record read.
            records.append(consume item)
            reader.releaseRead()
        }
        if seen != nil {
            for (position, record) in records.enumerated() { positions[record.id] = position }
        }
        return RecordTable(inReadingOrder: records)
    }
}
