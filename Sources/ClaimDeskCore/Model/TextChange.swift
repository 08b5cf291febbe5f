/// The text an annotation covered before and after re-anchoring moved it.
public struct TextChange: Hashable, Sendable {
    public var old: String
    public var new: String
    /// How the new place was found: `moved`, `fuzzy`, `reattached`, `imported`, `hand-edit`.
    public var how: String
    public var time: Timestamp

    public init(old: String, new: String, how: String, time: Timestamp) {
        self.old = old
        self.new = new
        self.how = how
        self.time = time
    }
}

extension TextChange: JSONCodable {
    public static let jsonFields = JSONFields<TextChange>([
        .required("old", \.old),
        .required("new", \.new),
        .required("how", \.how),
        .required("time", \.time),
    ])

    public static var jsonDefaults: TextChange { TextChange(old: "", new: "", how: "", time: .unixEpoch) }
}
