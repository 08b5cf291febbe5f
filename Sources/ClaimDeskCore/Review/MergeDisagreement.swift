/// The kinds of disagreement a merge records on a conflict, in the words `claimdesk diff` uses.
///
/// Versions are compared after their ids were brought into the merged session's id space, so a
/// source two analysts registered under different ids but the same name compares equal. Labels
/// compare as the taxonomy does, without case. Tags, notes and review decisions are not
/// disagreements: a merge keeps all of them.
public enum MergeDisagreement {
    public static let onlyInSome = "only in some"

    /// The fields in which two versions of one annotation differ, in a fixed order.
    public static func fields(_ a: Record, _ b: Record) -> [String] {
        var fields: [String] = []
        func compare<T: Equatable>(_ name: String, _ x: T, _ y: T) {
            if x != y { fields.append(name) }
        }
        func label(_ name: String, _ x: String, _ y: String) {
            if x != y, ComparisonKey.folded(x) != ComparisonKey.folded(y) { fields.append(name) }
        }
        switch (a, b) {
        case (.claim(let x), .claim(let y)):
            compare("span", span(x.fragments), span(y.fragments))
            compare("claimant", x.claimant, y.claimant)
            compare("chain", x.via, y.via)
            compare("cue", x.cue.map(span), y.cue.map(span))
            label("kind", x.kind, y.kind)
            label("verdict", x.verdict, y.verdict)
            compare("check-worthy", x.checkWorthy, y.checkWorthy)
        case (.mention(let x), .mention(let y)):
            compare("span", span(x.fragments), span(y.fragments))
            compare("source", x.source, y.source)
        case (.stance(let x), .stance(let y)):
            compare("holder", x.holder, y.holder)
            compare("target", x.target, y.target)
            label("stance label", x.label, y.label)
            compare("evidence", Set(x.evidence.map(span)), Set(y.evidence.map(span)))
        case (.relation(let x), .relation(let y)):
            compare("ends", [x.from, x.to], [y.from, y.to])
            label("relation type", x.type, y.type)
        case (.source(let x), .source(let y)):
            label("name", x.name, y.name)
            label("source kind", x.kind, y.kind)
        case (.proposition(let x), .proposition(let y)):
            label("text", x.text, y.text)
        default:
            if a != b { fields.append("content") }
        }
        return fields
    }

    /// Every field in which any two of the versions differ, each once, in the order found.
    public static func fields(among records: [Record]) -> [String] {
        guard let first = records.first else { return [] }
        var found: [String] = []
        for other in records.dropFirst() {
            for field in fields(first, other) where !found.contains(field) { found.append(field) }
        }
        return found
    }

    private static func span(_ anchor: Anchor) -> SpanKey { SpanKey(article: anchor.article, span: TextSpan(anchor.range)) }

    /// A span in fragments as one key: the same words in the same pieces.
    private static func span(_ fragments: [Anchor]) -> SpanKey {
        SpanKey(article: fragments.first?.article ?? "", span: TextSpan(fragments.map(\.range)))
    }

    private struct SpanKey: Hashable {
        let article: AnnotationID
        let span: TextSpan
    }
}
