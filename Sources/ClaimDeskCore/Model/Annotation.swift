/// What every annotation and source carries: an id, who made it and when, tags and notes.
public protocol Annotation: Hashable, Sendable, JSONWritable, JSONReadable {
    var id: AnnotationID { get }
    var author: String { get set }
    var created: Timestamp { get set }
    var modified: Timestamp { get set }
    /// Sorted and unique.
    var tags: [String] { get set }
    var notes: [Note] { get set }
}

extension Annotation {
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
