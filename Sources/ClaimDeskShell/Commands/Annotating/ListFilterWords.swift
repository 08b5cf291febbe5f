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

    /// The filter flags `list` and `review` both take, worded the same for both.
    static let by = ValueFlag("--by", value: "S", .source, "only those of this source")
    static let tag = ValueFlag("--tag", value: "T", .tag, "only those with this tag")
    static let label = ValueFlag("--label", value: "L", .text, "only those with this label")
    static let changed = SwitchFlag("--changed", "only those whose text re-anchoring changed")
    /// `list`'s span and orphan filters; `review` takes neither.
    static let within = ValueFlag("--in", value: "SEL", .selection, "only those overlapping this span")
    static let orphaned = SwitchFlag("--orphaned", "only those that lost their text in a new version of the article")

    /// The words given for the filter flags a command declares; `status` and `author` are the
    /// command's own wording of those two. A flag the command does not declare reads as absent.
    init(_ arguments: ParsedArguments, status: ValueFlag, author: ValueFlag) {
        by = arguments[Self.by]
        tag = arguments[Self.tag]
        label = arguments[Self.label]
        selection = arguments[Self.within]
        orphaned = arguments[Self.orphaned]
        self.status = arguments[status]
        self.author = arguments[author]
        changed = arguments[Self.changed]
    }
}
