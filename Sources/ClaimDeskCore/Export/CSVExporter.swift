import Foundation

/// One row per source, claim, mention, proposition, stance and relation, as RFC 4180 CSV in UTF-8:
/// a header row, CRLF line ends, fields quoted when they hold a comma, a quote or a line break.
/// The columns are documented in `docs/exports.md`.
public struct CSVExporter: StreamingExporter {
    public static let columns = Column.allCases.map(\.header)
    /// Separates the items of a list inside one field (via chain, aliases, tags, evidence).
    public static let listSeparator = "; "

    public init() {}

    public func export(_ session: Session, to output: inout some ExportOutput) throws(ExportError) -> ExportSummary {
        guard !session.articles.isEmpty else { throw .noArticles }
        // Each row goes out as soon as it is made.
        var text = ExportText()
        var count = 0
        Self.write(Self.columns, to: &text)
        func emit(_ row: Row) {
            Self.write(row.fields, to: &text)
            count += 1
            text.flush(to: &output)
        }

        func common(_ item: any Annotation, _ type: String, reviewable: Bool) -> Row {
            var row = Row()
            row[.id] = item.id.rawValue
            row[.type] = type
            row[.tags] = item.tags.joined(separator: Self.listSeparator)
            row[.notes] = item.notes.map(\.text).joined(separator: "\n")
            row[.author] = item.author
            row[.created] = item.created.description
            row[.modified] = item.modified.description
            if reviewable {
                row[.reviewStatus] = item.reviewStatus.rawValue
                row[.reviewer] = item.review?.latest?.reviewer ?? ""
                row[.reviewComment] = item.review?.latest?.comment ?? ""
                row[.textChanged] = (item.review?.textChanges.isEmpty ?? true) ? "" : "yes"
            }
            return row
        }
        func span(_ anchor: Anchor, into row: inout Row) {
            let placed = session.placed(anchor)
            row[.article] = anchor.article.rawValue
            row[.articleTitle] = placed?.article.title ?? session.articles[anchor.article]?.title ?? ""
            row[.start] = String(anchor.start)
            row[.end] = String(anchor.end)
            row[.text] = placed?.exact ?? anchor.exact
            row[.sentence] = placed.map(Self.sentences) ?? ""
            row[.orphaned] = anchor.isOrphaned ? "yes" : ""
        }

        for source in session.orderedSources {
            var row = common(source, "source", reviewable: false)
            row[.text] = source.name
            row[.kind] = source.kind
            row[.aliases] = source.aliases.joined(separator: Self.listSeparator)
            row[.role] = source.role ?? ""
            emit(row)
        }
        /// A span in fragments: `start`/`end` from the first to the last, `text` joined, and each
        /// fragment in `fragments` (`a1:10-20; a1:31-40`).
        func span(_ item: some FragmentedSpan, into row: inout Row) {
            span(item.anchor, into: &row)
            guard let last = item.moreFragments.last else { return }
            let fragments = item.fragments
            row[.end] = String(last.end)
            row[.text] = fragments.map { session.placed($0)?.exact ?? $0.exact }.joined(separator: Anchor.fragmentSeparator)
            row[.orphaned] = fragments.contains(where: \.isOrphaned) ? "yes" : ""
            row[.fragments] = fragments.map { "\($0.article):\($0.start)-\($0.end)" }.joined(separator: Self.listSeparator)
        }

        for claim in session.orderedClaims {
            var row = common(claim, "claim", reviewable: true)
            span(claim, into: &row)
            row[.claimant] = claim.claimant.map(session.sourceName) ?? ""
            row[.via] = claim.via.map(session.sourceName).joined(separator: Self.listSeparator)
            row[.kind] = claim.kind
            row[.verdict] = claim.verdict
            row[.checkWorthy] = claim.checkWorthy.map { $0 ? "yes" : "no" } ?? ""
            if let cue = claim.cue {
                row[.cue] = session.placed(cue)?.exact ?? cue.exact
                if !cue.isOrphaned {
                    row[.cueStart] = String(cue.start)
                    row[.cueEnd] = String(cue.end)
                }
            }
            emit(row)
        }
        for mention in session.orderedMentions {
            var row = common(mention, "mention", reviewable: true)
            span(mention, into: &row)
            row[.source] = session.sourceName(mention.source)
            emit(row)
        }
        for proposition in session.orderedPropositions {
            var row = common(proposition, "proposition", reviewable: false)
            row[.text] = proposition.text
            emit(row)
        }
        for stance in session.orderedStances {
            var row = common(stance, "stance", reviewable: true)
            if let first = stance.evidence.first { span(first, into: &row) }
            row[.orphaned] = stance.evidence.contains(where: \.isOrphaned) ? "yes" : ""
            row[.holder] = session.sourceName(stance.holder)
            row[.label] = stance.label
            row[.target] = stance.target.rawValue
            row[.targetText] = session.summary(of: stance.target) ?? ""
            row[.evidence] = stance.evidence.map { "\($0.article):\($0.start)-\($0.end)" }.joined(separator: Self.listSeparator)
            emit(row)
        }
        for relation in session.orderedRelations {
            var row = common(relation, "relation", reviewable: true)
            row[.label] = relation.type
            row[.from] = relation.from.rawValue
            row[.to] = relation.to.rawValue
            emit(row)
        }

        text.flush(to: &output, force: true)
        return ExportSummary(count: count)
    }

    /// The columns by name, in the order of ``columns``: a row is an array indexed by them, not a
    /// dictionary per row.
    enum Column: Int, CaseIterable {
        case id, type, article, articleTitle, start, end, sentence, text, source, claimant, via, holder
        case kind, verdict, checkWorthy, label, target, targetText, from, to, aliases, role, evidence, orphaned
        case tags, notes, author, created, modified, reviewStatus, reviewer, reviewComment, textChanged
        case cue, cueStart, cueEnd, fragments

        /// The column's header: the case name in snake case (`articleTitle` is `article_title`).
        var header: String {
            var out = ""
            for character in "\(self)" {
                if character.isUppercase { out += "_" + character.lowercased() } else { out.append(character) }
            }
            return out
        }
    }

    /// One record's fields, empty where the record has nothing to say.
    struct Row {
        private(set) var fields = [String](repeating: "", count: Column.allCases.count)

        subscript(column: Column) -> String {
            get { fields[column.rawValue] }
            set { fields[column.rawValue] = newValue }
        }
    }

    /// The sentence ids a span lies in: `s3`, or `s3-s4` across sentences.
    static func sentences(of span: PlacedSpan) -> String {
        let content = span.article.content
        guard let first = content.sentenceIndex(containing: span.range.lowerBound) else { return "" }
        let last = content.sentenceIndex(containing: max(span.range.lowerBound, span.range.upperBound - 1)) ?? first
        return last > first ? "s\(first + 1)-s\(last + 1)" : "s\(first + 1)"
    }

    /// One CSV record with its CRLF.
    static func record(_ fields: [String]) -> String {
        var text = ExportText()
        write(fields, to: &text)
        return String(decoding: text.bytes, as: UTF8.self)
    }

    /// Writes one record with its CRLF, each field as ``field(_:)`` gives it, straight into `text`.
    static func write(_ fields: [String], to text: inout ExportText) {
        for (index, value) in fields.enumerated() {
            if index > 0 { text.append(byte: 0x2C) }
            var value = value
            value.withUTF8 { bytes in
                // Every character that calls for quotes is ASCII, so the bytes are looked at one by one.
                guard bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }) else {
                    text.append(bytes: bytes)
                    return
                }
                text.append(byte: 0x22)
                for byte in bytes {
                    text.append(byte: byte)
                    if byte == 0x22 { text.append(byte: 0x22) }
                }
                text.append(byte: 0x22)
            }
        }
        text.append(byte: 0x0D)
        text.append(byte: 0x0A)
    }

    /// A field, quoted (with quotes doubled) when it holds a comma, a quote, CR or LF.
    static func field(_ value: String) -> String {
        var text = ExportText()
        write([value], to: &text)
        return String(decoding: text.bytes.dropLast(2), as: UTF8.self)
    }
}
