/// The session as a JSON document: records as arrays sorted by id, so the
/// same session always gives the same bytes.
extension Session: Codable {
    enum CodingKeys: String, CodingKey {
        case format, version, name, analyst, created, modified, settings, taxonomy, counters
        case articles, sources, mentions, claims, propositions, stances, relations
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        analyst = try c.decode(String.self, forKey: .analyst)
        created = try c.decode(Timestamp.self, forKey: .created)
        modified = try c.decode(Timestamp.self, forKey: .modified)
        settings = try c.decodeIfPresent(SessionSettings.self, forKey: .settings) ?? SessionSettings()
        taxonomy = try c.decodeIfPresent(Taxonomy.self, forKey: .taxonomy) ?? .standard
        counters = try c.decodeIfPresent([String: Int].self, forKey: .counters) ?? [:]
        articles = try Self.keyed(c.decodeIfPresent([Article].self, forKey: .articles), \.id, .articles, c)
        sources = try Self.keyed(c.decodeIfPresent([Source].self, forKey: .sources), \.id, .sources, c)
        mentions = try Self.keyed(c.decodeIfPresent([Mention].self, forKey: .mentions), \.id, .mentions, c)
        claims = try Self.keyed(c.decodeIfPresent([Claim].self, forKey: .claims), \.id, .claims, c)
        propositions = try Self.keyed(c.decodeIfPresent([Proposition].self, forKey: .propositions), \.id, .propositions, c)
        stances = try Self.keyed(c.decodeIfPresent([Stance].self, forKey: .stances), \.id, .stances, c)
        relations = try Self.keyed(c.decodeIfPresent([Relation].self, forKey: .relations), \.id, .relations, c)
        // Counters never fall behind the ids present, whatever the file says.
        reserveAll()
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
        var notes: [Note] = sources.values.flatMap(\.notes)
        notes.append(contentsOf: mentions.values.flatMap(\.notes))
        notes.append(contentsOf: claims.values.flatMap(\.notes))
        notes.append(contentsOf: propositions.values.flatMap(\.notes))
        notes.append(contentsOf: stances.values.flatMap(\.notes))
        notes.append(contentsOf: relations.values.flatMap(\.notes))
        ids.append(contentsOf: notes.map(\.id))
        for id in ids { reserve(id) }
    }

    private static func keyed<T>(_ items: [T]?, _ id: KeyPath<T, AnnotationID>, _ key: CodingKeys,
                                 _ c: KeyedDecodingContainer<CodingKeys>) throws -> [AnnotationID: T] {
        var result: [AnnotationID: T] = [:]
        result.reserveCapacity(items?.count ?? 0)
        for item in items ?? [] {
            if result.updateValue(item, forKey: item[keyPath: id]) != nil {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: c, debugDescription: "the id \(item[keyPath: id]) appears twice")
            }
        }
        return result
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(SessionDocument.format, forKey: .format)
        try c.encode(SessionDocument.currentVersion, forKey: .version)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encode(analyst, forKey: .analyst)
        try c.encode(created, forKey: .created)
        try c.encode(modified, forKey: .modified)
        try c.encode(settings, forKey: .settings)
        try c.encode(taxonomy, forKey: .taxonomy)
        try c.encode(counters, forKey: .counters)
        try c.encode(articles.values.sorted { $0.id < $1.id }, forKey: .articles)
        try c.encode(sources.values.sorted { $0.id < $1.id }, forKey: .sources)
        try c.encode(mentions.values.sorted { $0.id < $1.id }, forKey: .mentions)
        try c.encode(claims.values.sorted { $0.id < $1.id }, forKey: .claims)
        try c.encode(propositions.values.sorted { $0.id < $1.id }, forKey: .propositions)
        try c.encode(stances.values.sorted { $0.id < $1.id }, forKey: .stances)
        try c.encode(relations.values.sorted { $0.id < $1.id }, forKey: .relations)
    }
}
