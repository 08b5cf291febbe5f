/// What every annotation and source carries: an id, and who made it when, with tags and notes.
public protocol Annotation: Hashable, Sendable, JSONCodable {
    var id: AnnotationID { get }
    var metadata: AnnotationMetadata { get set }
}

extension Annotation {
    public var author: String {
        get { metadata.author }
        set { metadata.author = newValue }
    }

    public var created: Timestamp {
        get { metadata.created }
        set { metadata.created = newValue }
    }

    public var modified: Timestamp {
        get { metadata.modified }
        set { metadata.modified = newValue }
    }

    /// Sorted and unique.
    public var tags: [String] {
        get { metadata.tags }
        set { metadata.tags = newValue }
    }

    public var notes: [Note] {
        get { metadata.notes }
        set { metadata.notes = newValue }
    }

    public var review: Review? {
        get { metadata.review }
        set { metadata.review = newValue }
    }

    public var reviewStatus: ReviewStatus { metadata.reviewStatus }

    public var provenance: Provenance? {
        get { metadata.provenance }
        set { metadata.provenance = newValue }
    }

    /// Adds tags, keeping them sorted and unique; returns the ones that were new.
    @discardableResult
    public mutating func addTags(_ new: [String]) -> [String] {
        let added = new.filter { !tags.contains($0) }
        tags = Array(Set(tags).union(new)).sorted()
        return Array(Set(added)).sorted()
    }

    /// Removes tags; returns the ones that were present.
    @discardableResult
    public mutating func removeTags(_ old: [String]) -> [String] {
        let removed = tags.filter { old.contains($0) }
        tags.removeAll { old.contains($0) }
        return removed
    }
}
