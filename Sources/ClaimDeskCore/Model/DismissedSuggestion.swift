/// A suggestion an analyst rejected as "not a claim", so `suggest` does not offer it again.
///
/// Kept on the article by the span of its content (first fragment's start to last fragment's
/// end, code points) and the words there: while the text is unchanged the span matches; after a
/// text edit only an identical span with identical words still counts.
public struct DismissedSuggestion: Hashable, Sendable {
    public var start: Int
    public var end: Int
    public var exact: String

    public init(start: Int, end: Int, exact: String) {
        self.start = start
        self.end = end
        self.exact = exact
    }
}

extension DismissedSuggestion: JSONCodable {
    public static let jsonFields = JSONFields<DismissedSuggestion>([
        .required("start", \.start),
        .required("end", \.end),
        .required("exact", \.exact),
    ])

    public static var jsonDefaults: DismissedSuggestion { DismissedSuggestion(start: 0, end: 0, exact: "") }
}
