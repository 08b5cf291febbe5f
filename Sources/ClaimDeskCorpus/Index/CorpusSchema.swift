/// The index's tables and the views `query --sql` is promised (documented in docs/corpus.md).
///
/// Tables hold one row per record, keyed by the session's number in the index and the record's
/// id; the views join them into what people ask about and are the stable interface. A schema
/// version other than ours means the file is rebuilt from the sessions, which are the real copy.
enum CorpusSchema {
    static let version = 6

    /// Rows of the full-text table belonging to one session are numbered from `session << shift`,
    /// so a session's rows are deleted by a rowid range (FTS5 has no index on other columns).
    static let searchRowShift: Int64 = 24

    /// Inside a session's range, a row's kind is the 4 bits from `kindShift` (its number in
    /// ``searchKinds``), so a question can count the matches of its kinds from the row numbers alone.
    static let searchKindShift: Int64 = 20

    /// The kinds of text in `search`, numbered by their place here.
    static let searchKinds = ["article", "source", "claim", "note", "proposition", "stance"]

    /// `(rowid >> 20) & 15 IN (…)`: the rows of these kinds, told from the row number.
    static func searchRows(ofKinds kinds: [String], rowid: String = "rowid") -> String {
        let codes = kinds.compactMap { searchKinds.firstIndex(of: $0) }.map(String.init).joined(separator: ", ")
        return "((\(rowid) >> \(searchKindShift)) & 15) IN (\(codes))"
    }

    /// Columns of each table filled from a session, in insert order (after `session`).
    static let columns: [String: [String]] = [
        "articles": ["id", "title", "origin", "url", "publisher", "publisher_name", "byline", "published", "published_day",
                     "modified", "language", "sha256", "length"],
        "sources": ["id", "name", "kind", "aliases", "role", "author", "created", "modified", "status", "name_key"],
        "source_names": ["source", "name_key"],
        "claims": ["id", "article", "start", "end", "quote", "claimant", "claimant_name", "via", "via_names", "kind",
                   "check_worthy", "verdict", "cue_start", "cue_end", "cue_quote", "orphaned", "author", "created", "modified", "status",
                   "published_day", "claimant_key", "text_row"],
        "claim_chain": ["claim", "position", "source"],
        "mentions": ["id", "article", "start", "end", "quote", "source", "author", "created", "modified", "status"],
        "propositions": ["id", "text", "author", "created", "modified", "status"],
        "stances": ["id", "holder", "holder_name", "label", "target", "target_kind", "target_text", "article", "evidence",
                    "author", "created", "modified", "status"],
        "relations": ["id", "from_id", "type", "to_id", "author", "created", "modified", "status"],
        "tags": ["annotation", "tag"],
        "notes": ["annotation", "id", "text", "author", "created", "text_row"],
        "review_decisions": ["annotation", "position", "status", "reviewer", "time", "comment"],
        "provenance": ["annotation", "origin_session", "analyst", "origin_id"],
    ]

    /// The tables filled per session, in the order rows are deleted and inserted.
    static let sessionTables = ["articles", "sources", "source_names", "claims", "claim_chain", "mentions", "propositions",
                                "stances", "relations", "tags", "notes", "review_decisions", "provenance"]

    /// The tables, the tallies' among them.
    static var create: String { tables + "\n" + CorpusTally.all.map(\.create).joined(separator: "\n") }

    private static let tables = """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
        CREATE TABLE files(
            path TEXT PRIMARY KEY, size INTEGER NOT NULL, modified INTEGER NOT NULL, inode INTEGER NOT NULL,
            journal_size INTEGER, journal_modified INTEGER, journal_inode INTEGER, content_hash TEXT NOT NULL,
            session INTEGER, skipped TEXT) WITHOUT ROWID;
        CREATE INDEX files_facts ON files(path, size, modified, inode, journal_size, journal_modified, journal_inode, skipped);
        CREATE TABLE sessions(
            id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, name TEXT NOT NULL, title TEXT, analyst TEXT,
            created TEXT, modified TEXT, annotations INTEGER, notices TEXT);
        CREATE INDEX sessions_name ON sessions(name);
        CREATE TABLE articles(
            session INTEGER NOT NULL, id TEXT NOT NULL, title TEXT, origin TEXT, url TEXT, publisher TEXT,
            publisher_name TEXT, byline TEXT, published TEXT, published_day TEXT, modified TEXT, language TEXT,
            sha256 TEXT, length INTEGER, PRIMARY KEY(session, id)) WITHOUT ROWID;
        CREATE INDEX articles_day ON articles(published_day);
        CREATE TABLE sources(
            session INTEGER NOT NULL, id TEXT NOT NULL, name TEXT, kind TEXT, aliases TEXT, role TEXT,
            author TEXT, created TEXT, modified TEXT, status TEXT, name_key TEXT, PRIMARY KEY(session, id)) WITHOUT ROWID;
        CREATE INDEX sources_key ON sources(name_key, kind, name);
        CREATE INDEX sources_facts ON sources(name_key, kind, status, author, name);
        CREATE TABLE source_names(session INTEGER NOT NULL, source TEXT NOT NULL, name_key TEXT NOT NULL,
            PRIMARY KEY(session, source, name_key)) WITHOUT ROWID;
        CREATE INDEX source_names_key ON source_names(name_key);
        CREATE TABLE claims(
            session INTEGER NOT NULL, id TEXT NOT NULL, article TEXT, start INTEGER, "end" INTEGER, quote TEXT,
            claimant TEXT, claimant_name TEXT, via TEXT, via_names TEXT, kind TEXT, check_worthy INTEGER,
            verdict TEXT, cue_start INTEGER, cue_end INTEGER, cue_quote TEXT, orphaned INTEGER,
            author TEXT, created TEXT, modified TEXT, status TEXT, published_day TEXT, claimant_key TEXT,
            text_row INTEGER, PRIMARY KEY(session, id)) WITHOUT ROWID;
        CREATE INDEX claims_claimant ON claims(session, claimant);
        CREATE INDEX claims_verdict ON claims(verdict, published_day);
        CREATE INDEX claims_day ON claims(published_day, via_names, verdict, text_row);
        CREATE TABLE claim_chain(session INTEGER NOT NULL, claim TEXT NOT NULL, position INTEGER NOT NULL,
            source TEXT NOT NULL, PRIMARY KEY(session, claim, position)) WITHOUT ROWID;
        CREATE INDEX claim_chain_source ON claim_chain(session, source);
        CREATE TABLE mentions(
            session INTEGER NOT NULL, id TEXT NOT NULL, article TEXT, start INTEGER, "end" INTEGER, quote TEXT,
            source TEXT, author TEXT, created TEXT, modified TEXT, status TEXT, PRIMARY KEY(session, id)) WITHOUT ROWID;
        CREATE TABLE propositions(
            session INTEGER NOT NULL, id TEXT NOT NULL, text TEXT, author TEXT, created TEXT, modified TEXT,
            status TEXT, PRIMARY KEY(session, id)) WITHOUT ROWID;
        CREATE TABLE stances(
            session INTEGER NOT NULL, id TEXT NOT NULL, holder TEXT, holder_name TEXT, label TEXT, target TEXT,
            target_kind TEXT, target_text TEXT, article TEXT, evidence TEXT, author TEXT, created TEXT,
            modified TEXT, status TEXT, PRIMARY KEY(session, id)) WITHOUT ROWID;
        CREATE INDEX stances_holder ON stances(session, holder);
        CREATE TABLE relations(
            session INTEGER NOT NULL, id TEXT NOT NULL, from_id TEXT, type TEXT, to_id TEXT, author TEXT,
            created TEXT, modified TEXT, status TEXT, PRIMARY KEY(session, id)) WITHOUT ROWID;
        CREATE TABLE tags(session INTEGER NOT NULL, annotation TEXT NOT NULL, tag TEXT NOT NULL,
            PRIMARY KEY(session, annotation, tag)) WITHOUT ROWID;
        CREATE INDEX tags_tag ON tags(tag);
        CREATE TABLE notes(session INTEGER NOT NULL, annotation TEXT NOT NULL, id TEXT NOT NULL, text TEXT,
            author TEXT, created TEXT, text_row INTEGER, PRIMARY KEY(session, annotation, id)) WITHOUT ROWID;
        CREATE TABLE review_decisions(session INTEGER NOT NULL, annotation TEXT NOT NULL, position INTEGER NOT NULL,
            status TEXT, reviewer TEXT, time TEXT, comment TEXT, PRIMARY KEY(session, annotation, position)) WITHOUT ROWID;
        CREATE TABLE provenance(session INTEGER NOT NULL, annotation TEXT NOT NULL, origin_session TEXT,
            analyst TEXT, origin_id TEXT, PRIMARY KEY(session, annotation)) WITHOUT ROWID;
        CREATE TABLE texts(id INTEGER PRIMARY KEY, annotation TEXT NOT NULL, kind TEXT NOT NULL);
        CREATE VIRTUAL TABLE search USING fts5(
            text, session UNINDEXED, annotation UNINDEXED, kind UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');
        """

    /// The promised views: one per kind of record, with the session's name instead of its number.
    static let views = """
        CREATE VIEW session_list AS
            SELECT name AS session, path, title, analyst, created, modified, annotations FROM sessions;
        CREATE VIEW article_list AS
            SELECT s.name AS session, a.id, a.title, a.url, a.publisher_name AS publisher, a.byline, a.published,
                   a.published_day, a.language, a.length, a.sha256
            FROM articles a JOIN sessions s ON s.id = a.session;
        CREATE VIEW source_list AS
            SELECT s.name AS session, r.id, r.name, r.kind, r.aliases, r.role, r.author, r.created, r.status
            FROM sources r JOIN sessions s ON s.id = r.session;
        CREATE VIEW claim_list AS
            SELECT s.name AS session, c.id, c.article, c.published_day AS published,
                   (SELECT publisher_name FROM articles WHERE session = c.session AND id = c.article) AS publisher,
                   c.claimant_name AS claimant, (SELECT kind FROM sources WHERE session = c.session AND id = c.claimant) AS claimant_kind,
                   c.via_names AS via, c.kind, c.check_worthy, c.verdict, c.status, c.quote, c.start, c."end",
                   c.cue_quote AS cue, c.orphaned, c.author, c.created, c.modified
            FROM claims c JOIN sessions s ON s.id = c.session;
        CREATE VIEW claim_counts AS
            SELECT published_day AS published, via_names AS via, verdict, claims FROM claim_tally;
        CREATE VIEW chain_list AS
            SELECT s.name AS session, k.claim, k.position, k.source, r.name, r.kind
            FROM claim_chain k JOIN sessions s ON s.id = k.session
            LEFT JOIN sources r ON r.session = k.session AND r.id = k.source;
        CREATE VIEW mention_list AS
            SELECT s.name AS session, m.id, m.article, (SELECT name FROM sources WHERE session = m.session AND id = m.source) AS source,
                   m.quote, m.start, m."end", m.status, m.author, m.created
            FROM mentions m JOIN sessions s ON s.id = m.session;
        CREATE VIEW proposition_list AS
            SELECT s.name AS session, p.id, p.text, p.author, p.created FROM propositions p JOIN sessions s ON s.id = p.session;
        CREATE VIEW stance_list AS
            SELECT s.name AS session, t.id, t.holder_name AS holder, t.label, t.target, t.target_kind, t.target_text,
                   a.published_day AS published, t.evidence, t.status, t.author, t.created
            FROM stances t JOIN sessions s ON s.id = t.session
            LEFT JOIN articles a ON a.session = t.session AND a.id = t.article;
        CREATE VIEW relation_list AS
            SELECT s.name AS session, r.id, r.from_id AS "from", r.type, r.to_id AS "to", r.status, r.author, r.created
            FROM relations r JOIN sessions s ON s.id = r.session;
        CREATE VIEW tag_list AS
            SELECT s.name AS session, t.annotation, t.tag FROM tags t JOIN sessions s ON s.id = t.session;
        CREATE VIEW note_list AS
            SELECT s.name AS session, n.annotation, n.id, n.text, n.author, n.created FROM notes n JOIN sessions s ON s.id = n.session;
        CREATE VIEW review_list AS
            SELECT s.name AS session, d.annotation, d.position, d.status, d.reviewer, d.time, d.comment
            FROM review_decisions d JOIN sessions s ON s.id = d.session;
        CREATE VIEW provenance_list AS
            SELECT s.name AS session, p.annotation, p.origin_session, p.analyst, p.origin_id
            FROM provenance p JOIN sessions s ON s.id = p.session;
        CREATE VIEW skipped_files AS SELECT path, skipped AS reason FROM files WHERE skipped IS NOT NULL;
        """
}
