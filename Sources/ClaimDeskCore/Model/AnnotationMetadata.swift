/// Who made an annotation and when, and the tags and notes on it: the part every kind shares.
public struct AnnotationMetadata: Hashable, Sendable {
    public var author: String
    public var created: Timestamp
    public var modified: Timestamp
    public var tags: [String]
    public var notes: [Note]
    /// Review status, decisions and text changes; nil while nobody has decided and the text never moved.
    public var review: Review?
    /// The session and analyst it was imported or merged from; nil when made here.
    public var provenance: Provenance?

    public init(author: String, created: Timestamp) {
        self.author = author
        self.created = created
        modified = created
        tags = []
        notes = []
    }

    /// The review status (open when nothing was decided).
    public var reviewStatus: ReviewStatus { review?.status ?? .open }
}

extension AnnotationMetadata {
    /// Collects the shared keys while an annotation's object is read, whatever order they come in.
    struct Reader {
        var author: String?
        var created: Timestamp?
        var modified: Timestamp?
        var tags: [String] = []
        var notes: [Note] = []
        var review: Review?
        var provenance: Provenance?

        /// Reads the value of `key` if it is one of the shared keys; false otherwise.
        mutating func read(_ key: String, from reader: inout JSONReader) throws(JSONReadError) -> Bool {
            switch key {
            case "author": author = try reader.readString()
            case "created": created = try Timestamp(json: &reader)
            case "modified": modified = try Timestamp(json: &reader)
            case "tags": tags = try reader.readStrings()
            case "notes": notes = try [Note](json: &reader)
            case "review": review = reader.readNull() ? nil : try Review(json: &reader)
            case "provenance": provenance = reader.readNull() ? nil : try Provenance(json: &reader)
            default: return false
            }
            return true
        }

        /// The metadata, once the object is read; `author` and `created` are required.
        func finish(_ reader: JSONReader) throws(JSONReadError) -> AnnotationMetadata {
            var metadata = AnnotationMetadata(author: try reader.required(author, "author"),
                                              created: try reader.required(created, "created"))
            metadata.modified = modified ?? metadata.created
            metadata.tags = tags
            metadata.notes = notes
            metadata.review = review
            metadata.provenance = provenance
            return metadata
        }
    }
}
