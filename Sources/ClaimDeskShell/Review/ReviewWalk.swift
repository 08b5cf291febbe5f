import ClaimDeskCore

/// A review pass in progress: the annotations to walk, where the reviewer is, and what answer
/// (a reason, a comment, a command) the shell is waiting for.
///
/// `curate` walks a merge's conflicts the same way, with its own keys: the loop that reads keys
/// and lines serves both.
public struct ReviewWalk: Sendable {
    public enum Purpose: Equatable, Sendable {
        /// Deciding on annotations (`review`): `ids` are annotations.
        case review
        /// Settling a merge's conflicts (`curate`): `ids` are conflicts.
        case curate
        /// Taking or dismissing suggestions (`suggest walk`): `ids` are suggestion ids (`g3`) of `article`.
        case suggestions(article: AnnotationID)
    }

    /// What typed text is wanted next, if any. (A suggestion walk asks for none.)
    public enum Question: Equatable, Sendable {
        case reason, comment, command
    }

    public internal(set) var ids: [AnnotationID]
    public internal(set) var position = 0
    public internal(set) var question: Question?
    public let purpose: Purpose
    /// Decisions taken during this walk, for the summary when it ends.
    var accepted = 0, rejected = 0, commented = 0
    /// Conflicts settled during a curate walk.
    var resolved = 0
    /// The claim a suggestion walk just made with `e`, which the command asked for will correct.
    var editing: AnnotationID?

    init(ids: [AnnotationID], purpose: Purpose = .review) {
        self.ids = ids
        self.purpose = purpose
    }

    public var current: AnnotationID? { position < ids.count ? ids[position] : nil }

    /// The line that asks for a key or for text.
    public var prompt: String {
        switch question {
        case .reason?: "reason for rejecting \(current?.rawValue ?? ""): "
        case .comment?: "comment on \(current?.rawValue ?? ""): "
        case .command?: "command for \((editing ?? current)?.rawValue ?? ""): "
        case nil where purpose == .curate: "[a/b/…] take [k]eep all [d]rop [e]dit [n]ext [p]revious [q]uit > "
        case nil where purpose.isSuggestions: "[a]ccept [e]dit [r]eject [s]kip [p]revious [q]uit > "
        case nil: "[a]ccept [r]eject [c]omment [e]dit [n]ext [p]revious [q]uit > "
        }
    }

    /// The keys a walk understands, for the help line.
    public static let curateKeys = "a, b, c take that version (1–9 take the version by position) · k keep every version · d drop it · "
        + "e run a command on it, then count it settled · n next · p previous · q leave"

    public static let suggestionKeys = "a accept (makes the claim) · e accept and correct it with a command · r reject (not a claim) · "
        + "s or Enter skip · p previous · q leave"

    public static let keys = "a accept · r reject (asks a reason) · c comment · e run a command on it · n next · p previous · q leave"
}

extension ReviewWalk.Purpose {
    var isSuggestions: Bool {
        if case .suggestions = self { return true }
        return false
    }
}
