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

extension Review: JSONWritable, JSONReadable {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("decisions", decisions)
        writer.field("status", status.rawValue)
        writer.field("textChanges", textChanges)
        writer.endObject()
    }

    public init(json reader: inout JSONReader) throws(JSONReadError) {
        var status: ReviewStatus = .open, decisions: [ReviewDecision] = [], textChanges: [TextChange] = []
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "status": status = try ReviewStatus.read(from: &reader)
            case "decisions": decisions = try [ReviewDecision](json: &reader)
            case "textChanges": textChanges = try [TextChange](json: &reader)
            default: try reader.skipValue()
            }
        }
        self.init(status: status, decisions: decisions, textChanges: textChanges)
    }
}

extension ReviewStatus {
    static func read(from reader: inout JSONReader) throws(JSONReadError) -> ReviewStatus {
        let raw = try reader.readString()
        guard let status = ReviewStatus(rawValue: raw) else {
            throw reader.error("unknown review status \"\(raw)\" (open, accepted or rejected)")
        }
        return status
    }
}

