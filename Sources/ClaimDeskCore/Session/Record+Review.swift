extension Record {
    /// The review of a reviewed kind of record; nil for the others and while nothing was decided.
    public var review: Review? {
        switch self {
        case .claim(let v): v.review
        case .mention(let v): v.review
        case .stance(let v): v.review
        case .relation(let v): v.review
        case .article, .source, .proposition, .taxonomy, .settings, .conflict: nil
        }
    }

    /// The record with its review changed by `body`, for the kinds that are reviewed (claims,
    /// mentions, stances, relations); nil for the others. The content's `modified` time stays:
    /// a decision is not an edit of what the annotation says.
    public func updatingReview(_ body: (inout Review) -> Void) -> Record? {
        func update<T: Annotation>(_ item: T) -> T {
            var item = item
            var review = item.review ?? Review()
            body(&review)
            item.review = review
            return item
        }
        switch self {
        case .claim(let v): return .claim(update(v))
        case .mention(let v): return .mention(update(v))
        case .stance(let v): return .stance(update(v))
        case .relation(let v): return .relation(update(v))
        case .article, .source, .proposition, .taxonomy, .settings, .conflict: return nil
        }
    }
}
