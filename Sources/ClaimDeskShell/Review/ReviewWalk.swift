import ClaimDeskCore

/// A review pass in progress: the annotations to walk, where the reviewer is, and what answer
/// (a reason, a comment, a command) the shell is waiting for.
public struct ReviewWalk: Sendable {
    /// What typed text is wanted next, if any.
    public enum Question: Equatable, Sendable {
        case reason, comment, command
    }

    public internal(set) var ids: [AnnotationID]
    public internal(set) var position = 0
    public internal(set) var question: Question?
    /// Decisions taken during this walk, for the summary when it ends.
    var accepted = 0, rejected = 0, commented = 0

    init(ids: [AnnotationID]) {
        self.ids = ids
    }

    public var current: AnnotationID? { position < ids.count ? ids[position] : nil }

    /// The line that asks for a key or for text.
    public var prompt: String {
        switch question {
        case .reason?: "reason for rejecting \(current?.rawValue ?? ""): "
        case .comment?: "comment on \(current?.rawValue ?? ""): "
        case .command?: "command for \(current?.rawValue ?? ""): "
        case nil: "[a]ccept [r]eject [c]omment [e]dit [n]ext [p]revious [q]uit > "
        }
    }

    /// The keys a walk understands, for the help line.
    public static let keys = "a accept · r reject (asks a reason) · c comment · e run a command on it · n next · p previous · q leave"
}
