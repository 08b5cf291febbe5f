import ClaimDeskCore

/// One row of `sources --across` while it is counted: one source name's figures across sessions.
struct AcrossGroup {
    var name: String
    var sessions: Int
    var kinds: Set<String> = []
    var claims = 0
    var carriers: Set<String> = []
    var verdicts: [String: Int] = [:]
    /// Per proposition, per stance label, how many stances.
    var stances: [String: [String: Int]] = [:]

    mutating func addClaims(_ count: Int, verdict: String) {
        claims += count
        verdicts[verdict, default: 0] += count
    }

    mutating func addStances(_ count: Int, proposition: String, label: String) {
        stances[proposition, default: [:]][label, default: 0] += count
    }

    /// `misleading 3, unverified 2`: most first, then by name.
    static func counts(_ counts: [String: Int]) -> String {
        counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }

    /// The row in the order of ``CorpusIndex/acrossColumns``.
    var row: [CorpusValue] {
        let stanceText = stances.keys.sorted().map { "“\($0)”: " + Self.counts(stances[$0] ?? [:]) }.joined(separator: "; ")
        return [.text(name), .text(kinds.sorted().joined(separator: ", ")), .integer(Int64(sessions)), .integer(Int64(claims)),
                .text(carriers.sorted().joined(separator: "; ")), .text(Self.counts(verdicts)), .text(stanceText)]
    }
}
