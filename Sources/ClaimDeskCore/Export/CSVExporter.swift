import Foundation

/// One row per source, claim, mention, proposition, stance and relation, as RFC 4180 CSV in UTF-8:
/// a header row, CRLF line ends, fields quoted when they hold a comma, a quote or a line break.
/// The columns are documented in `docs/exports.md`.
public struct CSVExporter: StreamingExporter {
    public static let columns = [
        "id", "type", "article", "article_title", "start", "end", "sentence", "text", "source", "claimant", "via", "holder",
        "kind", "verdict", "check_worthy", "label", "target", "target_text", "from", "to", "aliases", "role", "evidence", "orphaned",
        "tags", "notes", "author", "created", "modified", "review_status", "reviewer", "review_comment", "text_changed",
        "cue", "cue_start", "cue_end", "fragments",
    ]
    /// Separates the items of a list inside one field (via chain, aliases, tags, evidence).
    public static let listSeparator = "; "

    public init() {}

    public func export(_ session: Session, to output: inout some ExportOutput) throws(ExportError) -> ExportSummary {
        guard !session.articles.isEmpty else { throw .noArticles }
        // Each row goes out as soon as it is made.
        var text = ExportText()
        var count = 0
        text.append(Self.record(Self.columns))
        func emit(_ row: [String: String]) {
            text.append(Self.record(Self.columns.map { row[$0] ?? "" }))
            count += 1
            text.flush(to: &output)
        }

        func common(_ item: any Annotation, _ type: String) -> [String: String] {
            var row = [
                "id": item.id.rawValue, "type": type, "tags": item.tags.joined(separator: Self.listSeparator),
                "notes": item.notes.map(\.text).joined(separator: "\n"), "author": item.author,
                "created": item.created.description, "modified": item.modified.description,
            ]
            if ["claim", "mention", "stance", "relation"].contains(type) {
                row["review_status"] = item.reviewStatus.rawValue
                row["reviewer"] = item.review?.latest?.reviewer ?? ""
                row["review_comment"] = item.review?.latest?.comment ?? ""
                row["text_changed"] = (item.review?.textChanges.isEmpty ?? true) ? "" : "yes"
            }
            return row
        }
        func span(_ anchor: Anchor, into row: inout [String: String]) {
            row["article"] = anchor.article.rawValue
            row["article_title"] = session.articles[anchor.article]?.title ?? ""
            row["start"] = String(anchor.start)
            row["end"] = String(anchor.end)
            row["text"] = session.placed(anchor)?.exact ?? anchor.exact
            row["sentence"] = Self.sentences(of: anchor, in: session)
            row["orphaned"] = anchor.isOrphaned ? "yes" : ""
        }

        for source in session.orderedSources {
            var row = common(source, "source")
            row["text"] = source.name
            row["kind"] = source.kind
            row["aliases"] = source.aliases.joined(separator: Self.listSeparator)
            row["role"] = source.role ?? ""
            emit(row)
        }
        /// A span in fragments: `start`/`end` from the first to the last, `text` joined, and each
        /// fragment in `fragments` (`a1:10-20; a1:31-40`).
        func span(_ fragments: [Anchor], into row: inout [String: String]) {
            guard let first = fragments.first, let last = fragments.last else { return }
            span(first, into: &row)
            guard fragments.count > 1 else { return }
            row["end"] = String(last.end)
            row["text"] = fragments.map { session.placed($0)?.exact ?? $0.exact }.joined(separator: Anchor.fragmentSeparator)
            row["orphaned"] = fragments.contains(where: \.isOrphaned) ? "yes" : ""
            row["fragments"] = fragments.map { "\($0.article):\($0.start)-\($0.end)" }.joined(separator: Self.listSeparator)
        }

        for claim in session.orderedClaims {
            var row = common(claim, "claim")
            span(claim.fragments, into: &row)
            row["claimant"] = claim.claimant.map(session.sourceName) ?? ""
            row["via"] = claim.via.map(session.sourceName).joined(separator: Self.listSeparator)
            row["kind"] = claim.kind
            row["verdict"] = claim.verdict
            row["check_worthy"] = claim.checkWorthy.map { $0 ? "yes" : "no" } ?? ""
            if let cue = claim.cue {
                row["cue"] = session.placed(cue)?.exact ?? cue.exact
                if !cue.isOrphaned {
                    row["cue_start"] = String(cue.start)
                    row["cue_end"] = String(cue.end)
                }
            }
            emit(row)
        }
        for mention in session.orderedMentions {
            var row = common(mention, "mention")
            span(mention.fragments, into: &row)
            row["source"] = session.sourceName(mention.source)
            emit(row)
        }
        for proposition in session.orderedPropositions {
            var row = common(proposition, "proposition")
            row["text"] = proposition.text
            emit(row)
        }
        for stance in session.orderedStances {
            var row = common(stance, "stance")
            if let first = stance.evidence.first { span(first, into: &row) }
            row["orphaned"] = stance.evidence.contains(where: \.isOrphaned) ? "yes" : ""
            row["holder"] = session.sourceName(stance.holder)
            row["label"] = stance.label
            row["target"] = stance.target.rawValue
            row["target_text"] = session.summary(of: stance.target) ?? ""
            row["evidence"] = stance.evidence.map { "\($0.article):\($0.start)-\($0.end)" }.joined(separator: Self.listSeparator)
            emit(row)
        }
        for relation in session.orderedRelations {
            var row = common(relation, "relation")
            row["label"] = relation.type
            row["from"] = relation.from.rawValue
            row["to"] = relation.to.rawValue
            emit(row)
        }

        text.flush(to: &output, force: true)
        return ExportSummary(count: count)
    }

    /// The sentence ids a span lies in: `s3`, or `s3-s4` across sentences; empty when orphaned.
    static func sentences(of anchor: Anchor, in session: Session) -> String {
        guard let span = session.placed(anchor), let first = span.article.content.sentenceIndex(containing: span.range.lowerBound) else {
            return ""
        }
        let last = span.article.content.sentenceIndex(containing: max(span.range.lowerBound, span.range.upperBound - 1)) ?? first
        return last > first ? "s\(first + 1)-s\(last + 1)" : "s\(first + 1)"
    }

    /// One CSV record with its CRLF.
    static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// A field, quoted (with quotes doubled) when it holds a comma, a quote, CR or LF.
    static func field(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) else { return value }
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in value.unicodeScalars {
            quoted.append(scalar)
            if scalar == "\"" { quoted.append("\"") }
        }
        quoted.append("\"")
        return String(quoted)
    }
}
