/// Where two analysts' sessions differ: annotations only one of them made, annotations both made
/// (same span) with different labels, and how many are identical.
///
/// Articles are matched by the SHA-256 of their text. Claims and mentions are matched by span:
/// identical spans first, then spans whose character Jaccard is at least ``overlapThreshold``,
/// one to one from the largest overlap down; such a pair is the same annotation with its span
/// listed as a difference. Stances are matched by holder and target (sources by name, targets by
/// proposition text or claim span). Sources are compared by name, so ids need not agree.
public struct SessionDiff: Sendable {
    public static let overlapThreshold = 0.5

    public enum Kind: String, Sendable {
        case claim, mention, stance
    }

    /// One field that differs, with both versions.
    public struct FieldDifference: Equatable, Sendable {
        public let field: String
        public let left: String
        public let right: String
    }

    public struct Entry: Sendable {
        public let kind: Kind
        public let leftID: AnnotationID?
        public let rightID: AnnotationID?
        /// What the annotation says (its quote, or "holder label target" for a stance).
        public let text: String
        public let differences: [FieldDifference]
    }

    public private(set) var onlyLeft: [Entry] = []
    public private(set) var onlyRight: [Entry] = []
    public private(set) var changed: [Entry] = []
    public private(set) var identical = 0
    /// Titles of articles only one session has.
    public private(set) var articlesOnlyLeft: [String] = []
    public private(set) var articlesOnlyRight: [String] = []

    public init(left: Session, right: Session) {
        let leftByHash = Dictionary(left.orderedArticles.map { ($0.sha256, $0) }, uniquingKeysWith: { first, _ in first })
        let rightByHash = Dictionary(right.orderedArticles.map { ($0.sha256, $0) }, uniquingKeysWith: { first, _ in first })
        articlesOnlyLeft = left.orderedArticles.filter { rightByHash[$0.sha256] == nil }.map(\.title)
        articlesOnlyRight = right.orderedArticles.filter { leftByHash[$0.sha256] == nil }.map(\.title)

        let leftIndex = ComparisonIndex(left), rightIndex = ComparisonIndex(right)
        for leftArticle in left.orderedArticles {
            guard let rightArticle = rightByHash[leftArticle.sha256], leftByHash[leftArticle.sha256]?.id == leftArticle.id else { continue }
            compareClaims(left, leftIndex.claims[leftArticle.id] ?? [], right, rightIndex.claims[rightArticle.id] ?? [])
            compareMentions(left, leftIndex.mentions[leftArticle.id] ?? [], right, rightIndex.mentions[rightArticle.id] ?? [])
        }
        compareStances(left, right)
    }

    // MARK: - Claims and mentions

    private mutating func compareClaims(_ left: Session, _ leftClaims: [Claim], _ right: Session, _ rightClaims: [Claim]) {
        compareSpans(.claim, leftClaims, rightClaims, anchor: \.anchor) { x, y, differences in
            Self.compare("claimant", x.claimant.map(left.sourceName) ?? "none", y.claimant.map(right.sourceName) ?? "none", into: &differences)
            Self.compare("chain", Self.chain(x.via, in: left), Self.chain(y.via, in: right), into: &differences)
            Self.compare("cue", x.cue.map(Self.quoted) ?? "none", y.cue.map(Self.quoted) ?? "none", into: &differences)
            Self.compare("kind", x.kind, y.kind, into: &differences)
            Self.compare("verdict", x.verdict, y.verdict, into: &differences)
        }
    }

    private mutating func compareMentions(_ left: Session, _ leftMentions: [Mention], _ right: Session, _ rightMentions: [Mention]) {
        compareSpans(.mention, leftMentions, rightMentions, anchor: \.anchor) { x, y, differences in
            Self.compare("source", left.sourceName(x.source), right.sourceName(y.source), into: &differences)
        }
    }

    /// Pairs one article's annotations of a kind by span and records what only one side has, and
    /// for each pair the span (when not identical) and the fields `fields` compares.
    private mutating func compareSpans<T: Annotation>(_ kind: Kind, _ leftItems: [T], _ rightItems: [T], anchor: KeyPath<T, Anchor>,
                                                      fields: (T, T, inout [FieldDifference]) -> Void) {
        let order: (T, T) -> Bool = { ($0[keyPath: anchor].start, $0.id) < ($1[keyPath: anchor].start, $1.id) }
        let a = leftItems.sorted(by: order), b = rightItems.sorted(by: order)
        for (i, j, exact) in Self.pairUp(a.map { TextSpan($0[keyPath: anchor].range) }, b.map { TextSpan($0[keyPath: anchor].range) }) {
            switch (i, j) {
            case (let i?, let j?):
                let x = a[i], y = b[j]
                var differences: [FieldDifference] = []
                if !exact {
                    differences.append(FieldDifference(field: "span", left: Self.quoted(x[keyPath: anchor]), right: Self.quoted(y[keyPath: anchor])))
                }
                fields(x, y, &differences)
                record(Entry(kind: kind, leftID: x.id, rightID: y.id, text: x[keyPath: anchor].exact, differences: differences))
            case (let i?, nil):
                onlyLeft.append(Entry(kind: kind, leftID: a[i].id, rightID: nil, text: a[i][keyPath: anchor].exact, differences: []))
            case (nil, let j?):
                onlyRight.append(Entry(kind: kind, leftID: nil, rightID: b[j].id, text: b[j][keyPath: anchor].exact, differences: []))
            case (nil, nil):
                continue
            }
        }
    }

    /// Every matched pair (in the left's order), then every unmatched left span, then every unmatched right one.
    private static func pairUp(_ a: [TextSpan], _ b: [TextSpan]) -> [(Int?, Int?, Bool)] {
        let pairs = SpanMatcher.match(a, b, minimumJaccard: overlapThreshold).sorted { $0.left < $1.left }
        let matchedLeft = Set(pairs.map(\.left)), matchedRight = Set(pairs.map(\.right))
        return pairs.map { ($0.left, $0.right, $0.exact) }
            + a.indices.filter { !matchedLeft.contains($0) }.map { ($0, nil, false) }
            + b.indices.filter { !matchedRight.contains($0) }.map { (nil, $0, false) }
    }

    // MARK: - Stances

    private mutating func compareStances(_ left: Session, _ right: Session) {
        func keyed(_ session: Session) -> [(key: String, stance: Stance)] {
            session.orderedStances.map {
                (ComparisonKey.source($0.holder, in: session) + " → " + ComparisonKey.target($0.target, in: session), $0)
            }
        }
        let a = keyed(left), b = keyed(right)
        let bByKey = Dictionary(b.map { ($0.key, $0.stance) }, uniquingKeysWith: { first, _ in first })
        let aKeys = Set(a.map(\.key))
        for (key, x) in a {
            let text = "\(left.sourceName(x.holder)) on \(Self.targetText(x.target, in: left))"
            guard let y = bByKey[key] else {
                onlyLeft.append(Entry(kind: .stance, leftID: x.id, rightID: nil, text: text + " (\(x.label))", differences: []))
                continue
            }
            var differences: [FieldDifference] = []
            Self.compare("stance label", x.label, y.label, into: &differences)
            record(Entry(kind: .stance, leftID: x.id, rightID: y.id, text: text, differences: differences))
        }
        for (key, y) in b where !aKeys.contains(key) {
            onlyRight.append(Entry(kind: .stance, leftID: nil, rightID: y.id,
                                   text: "\(right.sourceName(y.holder)) on \(Self.targetText(y.target, in: right)) (\(y.label))", differences: []))
        }
    }

    // MARK: - Helpers

    private mutating func record(_ entry: Entry) {
        if entry.differences.isEmpty { identical += 1 } else { changed.append(entry) }
    }

    private static func compare(_ field: String, _ left: String, _ right: String, into differences: inout [FieldDifference]) {
        if left != right, ComparisonKey.folded(left) != ComparisonKey.folded(right) {
            differences.append(FieldDifference(field: field, left: left, right: right))
        }
    }

    private static func chain(_ via: [AnnotationID], in session: Session) -> String {
        via.isEmpty ? "none" : via.map(session.sourceName).joined(separator: " → ")
    }

    private static func quoted(_ anchor: Anchor) -> String { "@\(anchor.start)-\(anchor.end) “\(anchor.exact)”" }

    private static func targetText(_ id: AnnotationID, in session: Session) -> String {
        if let proposition = session.propositions[id] { return "“\(proposition.text)”" }
        if let claim = session.claims[id] { return "claim “\(claim.anchor.exact)”" }
        return id.rawValue
    }

    /// Whether the sessions hold the same annotations with the same labels.
    public var isEmpty: Bool {
        onlyLeft.isEmpty && onlyRight.isEmpty && changed.isEmpty && articlesOnlyLeft.isEmpty && articlesOnlyRight.isEmpty
    }
}
