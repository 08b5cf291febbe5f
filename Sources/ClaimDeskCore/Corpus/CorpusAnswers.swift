/// What a refresh of the corpus index did, for the one-line report and for tests.
public struct CorpusRefreshReport: Equatable, Sendable {
    /// Session files found under the folders.
    public var found = 0
    /// Sessions read and (re)written into the index because they are new or their content changed.
    public var reindexed = 0
    /// Sessions whose content was the same as indexed (their rows were not touched).
    public var unchanged = 0
    /// Sessions removed from the index because their file is gone.
    public var removed = 0
    /// Files left out, each with its path and why.
    public var skipped: [Skip] = []
    /// Notices from replaying journals (changes left out), by session path.
    public var notices: [String] = []
    /// Where the index is.
    public var indexPath = ""

    public struct Skip: Equatable, Sendable {
        public var path: String
        public var reason: String
        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
    }

    public init() {}

    /// `Indexed 12 sessions in sessions/.claimdesk-index.sqlite: 1 re-indexed, 11 unchanged, 0 removed, 1 skipped`
    public var summary: String {
        let indexed = found - skipped.count
        return "Indexed \(Plural.count(indexed, "session")) in \(indexPath): \(reindexed) re-indexed, \(unchanged) unchanged, "
            + "\(removed) removed, \(skipped.count) skipped"
    }

    /// One line per skipped file: `skipped sessions/x.json: reason`.
    public var skipLines: [String] {
        skipped.map { "skipped \($0.path): \($0.reason)" }
    }
}

/// A session whose text matched a search, best first (`open --find`).
public struct CorpusMatch: Equatable, Sendable {
    public var session: String
    public var path: String
    /// The title of its best-matching article.
    public var title: String
    /// How many of its records matched.
    public var hits: Int

    public init(session: String, path: String, title: String, hits: Int) {
        self.session = session
        self.path = path
        self.title = title
        self.hits = hits
    }
}

/// What the shell asks of the corpus index through its host.
public enum CorpusRequest: Equatable, Sendable {
    /// Builds or refreshes the index of the sessions folder.
    case refresh
    case query(CorpusQuery)
    /// Read-only SQL over the documented views.
    case sql(String)
    /// Per source across sessions (`sources --across`).
    case sourcesAcross(CorpusQuery)
    /// Sessions whose text holds these words, best first.
    case find(String)
}

/// The index's answer to a ``CorpusRequest``.
public enum CorpusAnswer: Equatable, Sendable {
    case refreshed(CorpusRefreshReport)
    case table(CorpusTable)
    case matches([CorpusMatch])
}
