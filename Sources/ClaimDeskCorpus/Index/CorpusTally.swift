import Foundation
import ClaimDeskCore

/// A table of counts kept beside the rows at every refresh, so that a question over the whole
/// desk reads a few thousand counts instead of grouping a million claims.
///
/// Each tally says how one session adds to it: a grouped `SELECT` over that session's rows whose
/// last column is a count. Before a session's rows are replaced its old contribution is taken
/// away, after they are written its new one is added, and the differences of a whole refresh are
/// written once at its end (``CorpusTallies``). A count that falls to zero is deleted, so each
/// table holds exactly what a `GROUP BY` over the rows would give.
struct CorpusTally: Sendable {
    /// The table's name.
    let table: String
    /// The columns the counts are kept by.
    let keys: [String]
    /// The column holding the count.
    let count: String
    /// The session's contribution: its key columns then a count, for the session bound as `?`.
    let contribution: String
    /// The keys one row of ``contribution`` counts for (several for a via chain's carriers).
    var keysOfRow: @Sendable ([CorpusValue]) -> [[CorpusValue]] = { [Array($0)] }

    /// Claims per published day, via chain and verdict, for questions such as "verdicts by
    /// outlet in March" (the view `claim_counts`).
    static let claimsByDay = CorpusTally(
        table: "claim_tally", keys: ["published_day", "via_names", "verdict"], count: "claims",
        contribution: "SELECT published_day, via_names, verdict, count(*) FROM claims WHERE session = ? GROUP BY 1, 2, 3")

    /// Claims per claimant's folded name and verdict, for `sources --across`.
    static let verdictsByName = CorpusTally(
        table: "name_verdicts", keys: ["name_key", "verdict"], count: "claims",
        contribution: "SELECT claimant_key, verdict, count(*) FROM claims WHERE session = ? AND claimant_key IS NOT NULL GROUP BY 1, 2")

    /// Claims per claimant's folded name and each source named in their via chains (the outlets
    /// that carried them), for `sources --across`. The chain's names are split as the table shows them.
    static let carriersByName = CorpusTally(
        table: "name_carriers", keys: ["name_key", "carrier"], count: "claims",
        contribution: """
            SELECT claimant_key, via_names, count(*) FROM claims WHERE session = ? AND claimant_key IS NOT NULL AND via_names IS NOT NULL
            GROUP BY 1, 2
            """,
        keysOfRow: { row in
            CorpusTally.carriers(row.count > 1 ? row[1].display : "").map { [row[0], .text($0)] }
        })

    /// Stances on propositions per holder's folded name, proposition text and label, for `sources --across`.
    static let stancesByName = CorpusTally(
        table: "name_stances", keys: ["name_key", "proposition", "label"], count: "stances",
        contribution: """
            SELECT r.name_key, t.target_text, t.label, count(*) FROM stances t JOIN sources r ON r.session = t.session AND r.id = t.holder
            WHERE t.session = ? AND t.target_kind = 'proposition' AND r.name_key IS NOT NULL GROUP BY 1, 2, 3
            """)

    /// The source's own facts that `sources --across` filters by without naming sources one by
    /// one (`--source-kind`, `--status`, `--author`): each tally per source name is kept a second
    /// time per these too, so a question narrowed by them sums the matching counts instead of
    /// reading claims. (The whole desk reads the tallies per name alone: a few times fewer rows.)
    static let sourceFacts = ["kind", "status", "author"]

    /// Claims per claimant's folded name, verdict and the claimant's kind, status and author, for `sources --across`.
    static let verdictsByNameAndFacts = CorpusTally(
        table: "name_fact_verdicts", keys: ["name_key", "verdict"] + sourceFacts, count: "claims",
        contribution: """
            SELECT r.name_key, c.verdict, r.kind, r.status, r.author, count(*) FROM claims c
            JOIN sources r ON r.session = c.session AND r.id = c.claimant
            WHERE c.session = ? AND r.name_key IS NOT NULL GROUP BY 1, 2, 3, 4, 5
            """)

    /// Claims per claimant's folded name and each source named in their via chains (the outlets
    /// that carried them), and the claimant's kind, status and author, for `sources --across`.
    /// The chain's names are split as the table shows them.
    static let carriersByNameAndFacts = CorpusTally(
        table: "name_fact_carriers", keys: ["name_key", "carrier"] + sourceFacts, count: "claims",
        contribution: """
            SELECT r.name_key, c.via_names, r.kind, r.status, r.author, count(*) FROM claims c
            JOIN sources r ON r.session = c.session AND r.id = c.claimant
            WHERE c.session = ? AND r.name_key IS NOT NULL AND c.via_names IS NOT NULL GROUP BY 1, 2, 3, 4, 5
            """,
        keysOfRow: { row in
            guard row.count == 5 else { return [] }
            return CorpusTally.carriers(row[1].display).map { [row[0], .text($0), row[2], row[3], row[4]] }
        })

    /// Stances on propositions per holder's folded name, proposition text, label and the holder's
    /// kind, status and author, for `sources --across`.
    static let stancesByNameAndFacts = CorpusTally(
        table: "name_fact_stances", keys: ["name_key", "proposition", "label"] + sourceFacts, count: "stances",
        contribution: """
            SELECT r.name_key, t.target_text, t.label, r.kind, r.status, r.author, count(*) FROM stances t
            JOIN sources r ON r.session = t.session AND r.id = t.holder
            WHERE t.session = ? AND t.target_kind = 'proposition' AND r.name_key IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6
            """)

    /// Every tally the index keeps.
    static let all = [claimsByDay, verdictsByName, carriersByName, stancesByName,
                      verdictsByNameAndFacts, carriersByNameAndFacts, stancesByNameAndFacts]

    /// The names in a via chain as the index writes it (`A; B`), each once, in order.
    static func carriers(_ via: String) -> [String] {
        var seen = Set<String>()
        return via.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// `CREATE TABLE` and its index on the keys (the count in it too, so a question reads the index alone).
    var create: String {
        """
        CREATE TABLE \(table)(\(keys.map { "\($0) TEXT" }.joined(separator: ", ")), \(count) INTEGER NOT NULL);
        CREATE INDEX \(table)_keys ON \(table)(\(keys.joined(separator: ", ")), \(count));
        """
    }

    /// `k1 IS ? AND k2 IS ?…`: `IS`, so that a NULL key (a claim with no via chain) is a key like any other.
    var keyCondition: String { keys.map { "\($0) IS ?" }.joined(separator: " AND ") }
}
