/// How far several analysts who annotated the same articles agree: span F1 per layer, κ on the
/// labels of matched annotations, and Krippendorff's α over the article's characters.
///
/// Articles are matched by the SHA-256 of their text; only articles every session has count.
/// Spans match exactly, or by overlap (any shared code point, one-to-one, see ``SpanMatcher``).
public struct AgreementReport: Sendable {
    /// F1 between two analysts, or averaged over every pair.
    public struct Figures: Sendable {
        public var exact: Double?
        public var overlap: Double?
    }

    public struct PairFigures: Sendable {
        public let left: Int
        public let right: Int
        public let figures: Figures
    }

    public struct LayerFigures: Sendable {
        public let layer: AnnotationLayer
        /// Spans per analyst, in the order the analysts were given.
        public let counts: [Int]
        public let pairs: [PairFigures]
        public let average: Figures
    }

    public struct LabelFigures: Sendable {
        public let name: String
        /// Annotations that every analyst marked (matched by span), so that their labels compare.
        public let items: Int
        /// The share of items labelled alike by all.
        public let observed: Double?
        /// Cohen's κ for two analysts, Fleiss' κ for more.
        public let kappa: Double?
    }

    public let analysts: [String]
    public let commonArticles: Int
    /// Articles some session has and another lacks: left out of every figure.
    public let unmatchedArticles: Int
    public let layers: [LayerFigures]
    public let labels: [LabelFigures]
    /// Krippendorff's α (nominal) with each non-space character a unit and its layer the value.
    public let tokenAlpha: Double?
    public let tokenUnits: Int

    public var kappaName: String { analysts.count == 2 ? "Cohen's κ" : "Fleiss' κ" }

    /// Compares the sessions; `names` label the analysts (one per session).
    public init(sessions: [Session], names: [String]) {
        analysts = names
        let hashesPerSession = sessions.map { Set($0.articles.values.map(\.sha256)) }
        let common = hashesPerSession.dropFirst().reduce(hashesPerSession.first ?? []) { $0.intersection($1) }
        let all = hashesPerSession.reduce(Set<String>()) { $0.union($1) }
        commonArticles = common.count
        unmatchedArticles = all.count - common.count

        // Per common article: its text, and each analyst's annotations.
        var texts: [ArticleText] = []
        var articles: [[AnalystAnnotations]] = []
        let indexes = sessions.map(ComparisonIndex.init)
        let byHash = sessions.map { session in
            Dictionary(session.orderedArticles.map { ($0.sha256, $0) }, uniquingKeysWith: { first, _ in first })
        }
        for hash in common.sorted() {
            let perSession = sessions.indices.compactMap { index in byHash[index][hash].map { (index, $0) } }
            guard perSession.count == sessions.count, let first = perSession.first else { continue }
            texts.append(first.1.content)
            articles.append(perSession.map { AnalystAnnotations(session: sessions[$0.0], article: $0.1, index: indexes[$0.0]) })
        }

        var layers: [LayerFigures] = []
        for layer in AnnotationLayer.allCases {
            let counts = sessions.indices.map { index in articles.reduce(0) { $0 + $1[index].items(layer).count } }
            var pairs: [PairFigures] = []
            for left in sessions.indices {
                for right in sessions.indices where right > left {
                    var exact = 0, overlap = 0
                    for article in articles {
                        let a = article[left].items(layer).map(\.span), b = article[right].items(layer).map(\.span)
                        exact += SpanMatcher.match(a, b, minimumJaccard: 1).count
                        overlap += SpanMatcher.match(a, b, minimumJaccard: .leastNonzeroMagnitude).count
                    }
                    let total = counts[left] + counts[right]
                    pairs.append(PairFigures(left: left, right: right, figures: Figures(
                        exact: total == 0 ? nil : 2 * Double(exact) / Double(total),
                        overlap: total == 0 ? nil : 2 * Double(overlap) / Double(total))))
                }
            }
            layers.append(LayerFigures(layer: layer, counts: counts, pairs: pairs,
                                       average: Figures(exact: Self.mean(pairs.map(\.figures.exact)),
                                                        overlap: Self.mean(pairs.map(\.figures.overlap)))))
        }
        self.layers = layers

        // Labels of annotations every analyst marked: the first analyst's spans are the pivot.
        var labelItems: [String: [[String]]] = [:]
        let labelOrder = ["claim kind", "verdict", "claimant", "mention source", "stance label"]
        for article in articles {
            for layer in [AnnotationLayer.claims, .mentions] {
                let pivot = article[0].items(layer)
                var partners: [[Int: Int]] = []   // per other analyst: pivot index → their index
                for other in article.indices.dropFirst() {
                    let pairs = SpanMatcher.match(pivot.map(\.span), article[other].items(layer).map(\.span),
                                                  minimumJaccard: .leastNonzeroMagnitude)
                    partners.append(Dictionary(uniqueKeysWithValues: pairs.map { ($0.left, $0.right) }))
                }
                for (index, item) in pivot.enumerated() {
                    let others = partners.enumerated().compactMap { offset, map in
                        map[index].map { article[offset + 1].items(layer)[$0] }
                    }
                    guard others.count == partners.count else { continue }
                    for (name, value) in item.labels {
                        labelItems[name, default: []].append([value] + others.map { $0.labels[name] ?? "—" })
                    }
                }
            }
            for (key, stance) in article[0].stances {
                let others = article.dropFirst().compactMap { $0.stances[key]?.label }
                guard others.count == article.count - 1 else { continue }
                labelItems["stance label", default: []].append([stance.label] + others)
            }
        }
        labels = labelOrder.map { name in
            let items = labelItems[name] ?? []
            let agreed = items.filter { Set($0).count == 1 }.count
            let kappa = sessions.count == 2 ? CohensKappa.value(items.map { ($0[0], $0[1]) }) : FleissKappa.value(items)
            return LabelFigures(name: name, items: items.count, observed: items.isEmpty ? nil : Double(agreed) / Double(items.count),
                                kappa: kappa)
        }

        // Token-wise α: each non-space character a unit, its layer label per analyst.
        var alpha = KrippendorffAlpha()
        var units = 0
        let names = ["none", "claim", "mention", "cue"]
        // Each character's labels, one base-4 digit per analyst, counted by pattern.
        var patterns: [Int: Int] = [:]
        for (text, article) in zip(texts, articles) {
            let labelsPerAnalyst = article.map { $0.characterLabels() }
            for (index, scalar) in text.scalars.enumerated() where !Self.isSpace(scalar) {
                units += 1
                var pattern = 0
                for labels in labelsPerAnalyst { pattern = pattern * 4 + Int(index < labels.count ? labels[index] : 0) }
                patterns[pattern, default: 0] += 1
            }
        }
        for (pattern, count) in patterns {
            var counts: [String: Int] = [:]
            var rest = pattern
            for _ in sessions.indices {
                counts[names[rest % 4], default: 0] += 1
                rest /= 4
            }
            alpha.add(counts: counts, multiplicity: count)
        }
        tokenAlpha = alpha.value
        tokenUnits = units
    }

    /// White space, asked cheaply for the common ASCII case.
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
    }

    private static func mean(_ values: [Double?]) -> Double? {
        let present = values.compactMap { $0 }
        return present.isEmpty ? nil : present.reduce(0, +) / Double(present.count)
    }
}
