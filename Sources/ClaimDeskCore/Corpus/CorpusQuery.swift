/// A question to the corpus index: which records, narrowed by filters that all must hold.
///
/// The same value comes from `claimdesk query` and from the shell's `corpus query`, so both
/// answer alike.
public struct CorpusQuery: Equatable, Sendable {
    /// What the rows are.
    public enum Subject: String, CaseIterable, Sendable {
        case claims, sources, stances
    }

    public var subject: Subject
    /// The claimant's name or alias (claims), the source's (sources), the holder's (stances).
    public var by: String?
    /// A source anywhere in a claim's via chain, by name or alias.
    public var via: String?
    /// The kind of the claimant (claims), of the source (sources), of the holder (stances).
    public var sourceKind: String?
    /// The claim kind (factual, opinion, …).
    public var kind: String?
    public var verdict: String?
    public var tag: String?
    /// Review status: open, accepted or rejected.
    public var status: String?
    public var author: String?
    /// The article's published day, inclusive bounds, `YYYY-MM-DD` (a prefix such as `2026-03` works too).
    public var since: String?
    public var until: String?
    /// Words that must all occur in the record's text (full-text search).
    public var text: String?
    /// A session's name (file name without `.json`) or its path.
    public var session: String?
    /// At most this many rows; nil for all.
    public var limit: Int?

    public init(subject: Subject = .claims) {
        self.subject = subject
    }

    /// The filters that make no sense for this subject, by flag name, to refuse rather than ignore.
    public var inapplicableFilters: [String] {
        var flags: [String] = []
        if subject != .claims {
            if via != nil { flags.append("--via") }
            if kind != nil { flags.append("--kind") }
            if verdict != nil { flags.append("--verdict") }
        }
        if subject == .sources, since != nil || until != nil {
            flags.append(since != nil ? "--since" : "--until")
        }
        return flags
    }
}

extension CorpusQuery {
    /// What is wrong with the query, in words for the user; nil when it can run.
    public var problem: String? {
        if let flag = inapplicableFilters.first {
            return "\(flag) does not apply to \(subject.rawValue); it filters claims" + (flag.hasPrefix("--s") || flag.hasPrefix("--u") ? " and stances" : "")
        }
        for (flag, date) in [("--since", since), ("--until", until)] {
            if let date, !Self.isDatePrefix(date) {
                return "\(flag) takes a date as YYYY-MM-DD (or YYYY-MM, YYYY), not \(date)"
            }
        }
        if let limit, limit < 0 { return "--limit takes a number of rows, 0 or more" }
        return nil
    }

    static func isDatePrefix(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let lengths = [4, 2, 2]
        guard (1...3).contains(parts.count) else { return false }
        return parts.enumerated().allSatisfy { i, part in part.count == lengths[i] && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber) }
    }
}
