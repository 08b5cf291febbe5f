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

extension ReviewDecision: JSONWritable, JSONReadable {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("comment", comment)
        writer.field("reviewer", reviewer)
        writer.field("status", status.rawValue)
        writer.field("time", time)
        writer.endObject()
    }

    public init(json reader: inout JSONReader) throws(JSONReadError) {
        var status: ReviewStatus?, reviewer: String?, time: Timestamp?, comment: String?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "status": status = try ReviewStatus.read(from: &reader)
            case "reviewer": reviewer = try reader.readString()
            case "time": time = try Timestamp(json: &reader)
            case "comment": comment = reader.readNull() ? nil : try reader.readString()
            default: try reader.skipValue()
            }
        }
        self.init(status: try reader.required(status, "status"), reviewer: try reader.required(reviewer, "reviewer"),
                  time: try reader.required(time, "time"), comment: comment)
    }
}

