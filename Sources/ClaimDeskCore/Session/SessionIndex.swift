/// Who refers to whom in a session, kept up to date as records come and go.
///
/// The questions commands ask most (the claims of a source, what points at an
/// annotation, which annotations carry a tag, which source a typed name means)
/// would otherwise scan every record per question, and `sources` asked two of
/// them per source. Each record adds its entries when it is put and takes them
/// out when it is replaced or removed, so undo and redo keep the index right
/// for free, and a change costs the same in any size of session.
struct SessionIndex: Equatable, Sendable {
    /// Names, aliases and their words, folded, for lookups by name or prefix.
    var names = SourceNameIndex()
    /// Per source: claims with it in their chain, mentions of it, stances it holds.
    var claimsBySource: [AnnotationID: Set<AnnotationID>] = [:]
    var mentionsBySource: [AnnotationID: Set<AnnotationID>] = [:]
    var stancesByHolder: [AnnotationID: Set<AnnotationID>] = [:]
    /// Per annotation: relations that start or end at it, stances that target it.
    var relationsByEnd: [AnnotationID: Set<AnnotationID>] = [:]
    var stancesByTarget: [AnnotationID: Set<AnnotationID>] = [:]
    /// Per tag (see ``tagKey(_:)``): every annotation that carries it.
    var tagged: [String: Set<AnnotationID>] = [:]
    /// Claims and mentions by the exact span they cover, to refuse a second one on the same words.
    var claimsBySpan: [SpanKey: Set<AnnotationID>] = [:]
    var mentionsBySpan: [SpanKey: Set<AnnotationID>] = [:]
    /// Reviewable annotations (claims, mentions, stances, relations) by review status.
    var reviewCounts: [ReviewStatus: Int] = [:]

    /// An anchor's article and code-point range, with the ranges of the fragments after it.
    struct SpanKey: Hashable, Sendable {
        let article: AnnotationID
        let start: Int
        let end: Int
        let more: [Range<Int>]

        init(_ anchor: Anchor) {
            article = anchor.article
            start = anchor.start
            end = anchor.end
            more = []
        }

        /// The key of a span whose first fragment is `anchor`: the same key as
        /// ``init(fragments:)`` of all its fragments, without listing them first.
        init(_ anchor: Anchor, more: [Anchor]) {
            article = anchor.article
            start = anchor.start
            end = anchor.end
            self.more = more.isEmpty ? [] : more.map(\.range)
        }

        /// The key of a span in fragments: equal only for the same fragments.
        init(fragments: [Anchor]) {
            let first = fragments.first
            article = first?.article ?? AnnotationID("")
            start = first?.start ?? 0
            end = first?.end ?? 0
            more = fragments.dropFirst().map(\.range)
        }
    }

    /// Takes out what `old` contributed and adds what `new` contributes.
    mutating func replace(_ old: Record?, with new: Record?) {
        if let old { update(old, adding: false) }
        if let new { update(new, adding: true) }
    }

    /// A tag as the index keys it: case folded the way `list --tag` compares.
    static func tagKey(_ tag: String) -> String { tag.uppercased().lowercased() }

    private mutating func update(_ record: Record, adding: Bool) {
        func link<Key: Hashable>(_ map: inout [Key: Set<AnnotationID>], _ key: Key, _ id: AnnotationID) {
            if adding {
                map[key, default: []].insert(id)
            } else if var set = map[key] {
                set.remove(id)
                map[key] = set.isEmpty ? nil : set
            }
        }
        func review(_ item: some Annotation) {
            let count = (reviewCounts[item.reviewStatus] ?? 0) + (adding ? 1 : -1)
            reviewCounts[item.reviewStatus] = count == 0 ? nil : count
        }
        func tags(_ item: some Annotation) {
            for tag in item.tags {
                let key = Self.tagKey(tag)
                if adding {
                    tagged[key, default: []].insert(item.id)
                } else if var set = tagged[key] {
                    set.remove(item.id)
                    tagged[key] = set.isEmpty ? nil : set
                }
            }
        }
        switch record {
        case .source(let source):
            if adding { names.add(source) } else { names.remove(source) }
            tags(source)
        case .claim(let claim):
            claim.forEachDistinctSource { link(&claimsBySource, $0, claim.id) }
            link(&claimsBySpan, SpanKey(claim.anchor, more: claim.moreFragments), claim.id)
            tags(claim)
            review(claim)
        case .mention(let mention):
            link(&mentionsBySource, mention.source, mention.id)
            link(&mentionsBySpan, SpanKey(mention.anchor, more: mention.moreFragments), mention.id)
            tags(mention)
            review(mention)
        case .stance(let stance):
            link(&stancesByHolder, stance.holder, stance.id)
            link(&stancesByTarget, stance.target, stance.id)
            tags(stance)
            review(stance)
        case .relation(let relation):
            link(&relationsByEnd, relation.from, relation.id)
            link(&relationsByEnd, relation.to, relation.id)
            tags(relation)
            review(relation)
        case .proposition(let proposition):
            tags(proposition)
        case .article, .taxonomy, .settings, .conflict:
            break
        }
    }
}
