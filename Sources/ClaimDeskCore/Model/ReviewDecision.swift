/// One review decision: accept, reject, reopen, or a comment that leaves the status as it was.
public struct ReviewDecision: Hashable, Sendable {
    public var status: ReviewStatus
    public var reviewer: String
    public var time: Timestamp
    public var comment: String?

    public init(status: ReviewStatus, reviewer: String, time: Timestamp, comment: String? = nil) {
        self.status = status
        self.reviewer = reviewer
        self.time = time
        self.comment = comment
    }

    /// The reviewer recorded when ClaimDesk itself reopens an annotation (its text changed).
    public static let automaticReviewer = "claimdesk"
}

extension ReviewDecision: JSONCodable {
    public static let jsonFields = JSONFields<ReviewDecision>([
        .required("status", \.status),
        .required("reviewer", \.reviewer),
        .required("time", \.time),
        .optional("comment", \.comment),
    ])

    public static var jsonDefaults: ReviewDecision { ReviewDecision(status: .open, reviewer: "", time: .unixEpoch) }
}
