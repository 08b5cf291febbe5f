/// The filter flags of `list` and `review` as typed, before they are checked against the session.
struct ListFilterWords: Sendable {
    var by: String?
    var tag: String?
    var label: String?
    /// The `--in` selection as typed.
    var selection: String?
    var orphaned = false
    var status: String?
    var author: String?
    var changed = false
}
