/// Where an annotation stands in review, every decision taken on it, and every change of the
/// text it covers that re-anchoring made, so an editor can trust that nothing changed silently.
///
/// An annotation without a review is open: nobody has decided on it and its text never moved.
public struct Review: Hashable, Sendable {
    public var status: ReviewStatus
    /// Decisions and reopenings, oldest first.
    public var decisions: [ReviewDecision]
    /// Changes of the covered text by re-anchoring (rebase, hand-edited article, import, reattach).
    public var textChanges: [TextChange]

    public init(status: ReviewStatus = .open, decisions: [ReviewDecision] = [], textChanges: [TextChange] = []) {
        self.status = status
        self.decisions = decisions
        self.textChanges = textChanges
    }

    /// The last decision, which says who set the current status, when and why.
    public var latest: ReviewDecision? { decisions.last }

    /// Records a decision and makes its status current.
    public mutating func decide(_ decision: ReviewDecision) {
        decisions.append(decision)
        status = decision.status
    }
}

/// The review states an annotation can be in.
public enum ReviewStatus: String, CaseIterable, Sendable {
    case open, accepted, rejected
}

extension Review: JSONCodable {
    public static let jsonFields = JSONFields<Review>([
        .defaulted("status", \.status),
        .defaulted("decisions", \.decisions),
        .defaulted("textChanges", \.textChanges),
    ])

    public static var jsonDefaults: Review { Review() }
}

extension ReviewStatus: JSONFieldValue {
    public static func readJSONValue(from reader: inout JSONReader) throws(JSONReadError) -> ReviewStatus {
        let raw = try reader.readString()
        guard let status = ReviewStatus(rawValue: raw) else {
            throw reader.error("unknown review status \"\(raw)\" (open, accepted or rejected)")
        }
        return status
    }

    public func writeJSONValue(to writer: inout JSONWriter) {
        writer.string(rawValue)
    }
}
