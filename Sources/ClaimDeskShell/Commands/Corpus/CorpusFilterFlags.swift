import ClaimDeskCore

/// The filters the corpus commands share with `claimdesk query`, and the output format.
enum CorpusFilterFlags {
    static let by = ValueFlag("--by", value: "S", .text, "made by (claims), named (sources) or held by (stances) this source, across sessions")
    static let via = ValueFlag("--via", value: "S", .text, "claims relayed by this source anywhere in their via chain")
    static let sourceKind = ValueFlag("--source-kind", value: "K", .label(.sourceKind), "the kind of that source")
    static let kind = ValueFlag("--kind", value: "K", .label(.claimKind), "the claim kind")
    static let verdict = ValueFlag("--verdict", value: "V", .label(.verdict), "the claim verdict")
    static let tag = ValueFlag("--tag", value: "T", .tag, "carrying this tag")
    static let status = ValueFlag("--status", value: "STATUS", .choice(ReviewStatus.allCases.map(\.rawValue)), "review status")
    static let author = ValueFlag("--author", value: "NAME", .text, "made by this analyst")
    static let since = ValueFlag("--since", value: "DATE", .text, "articles published on or after this day (YYYY-MM-DD)")
    static let until = ValueFlag("--until", value: "DATE", .text, "articles published on or before this day (YYYY-MM-DD)")
    static let text = ValueFlag("--text", value: "WORDS", .text, "all these words in the record's text (full-text search)")
    static let session = ValueFlag("--session", value: "NAME", .sessionName, "only this session")
    static let limit = ValueFlag("--limit", value: "N", .number, "at most this many rows")
    static let format = ValueFlag("--format", value: "FORMAT", .choice(CorpusTable.Format.allCases.map(\.rawValue)),
                             "table (default), json, jsonl or csv")

    /// Every filter of `corpus query`, in the order help lists them.
    static let all: [ValueFlag] = textFilters.map(\.flag) + [limit]

    /// Each text filter with the query field it sets, so reading and copying are one table.
    static let textFilters: [(flag: ValueFlag, field: WritableKeyPath<CorpusQuery, String?> & Sendable)] = [
        (by, \.by), (via, \.via), (sourceKind, \.sourceKind), (kind, \.kind), (verdict, \.verdict), (tag, \.tag),
        (status, \.status), (author, \.author), (since, \.since), (until, \.until), (text, \.text), (session, \.session),
    ]

    /// The filters' values as typed; checked when the query is built.
    struct Values: Sendable {
        /// The text filters already in place; the subject is set when the query is asked.
        var filters = CorpusQuery(subject: .claims)
        var limit: String?

        init(_ arguments: ParsedArguments) {
            for (flag, field) in CorpusFilterFlags.textFilters { filters[keyPath: field] = arguments[flag] }
            limit = arguments[CorpusFilterFlags.limit]
        }

        /// The index query these filters ask, or why it cannot be asked.
        func query(_ subject: CorpusQuery.Subject) throws(ShellError) -> CorpusQuery {
            var query = filters
            query.subject = subject
            if let limit {
                guard let n = Int(limit), n >= 0 else { throw ShellError("--limit takes a number of rows, not \(limit)") }
                query.limit = n
            }
            if let problem = query.problem { throw ShellError(problem) }
            return query
        }
    }

    /// The `--format` value, table when absent.
    static func format(_ word: String?) throws(ShellError) -> CorpusTable.Format {
        guard let word else { return .table }
        guard let format = CorpusTable.Format(rawValue: word.lowercased()) else {
            throw ShellError("--format takes \(CorpusTable.Format.allCases.map(\.rawValue).joined(separator: ", ")), not \(word)")
        }
        return format
    }
}
