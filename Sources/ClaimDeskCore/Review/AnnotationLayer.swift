/// The kinds of span that agreement and comparison look at separately.
public enum AnnotationLayer: String, CaseIterable, Sendable {
    case claims
    case mentions
    case evidence
    /// Claims' cues ("said", "according to"): the words that attribute them.
    case cues

    public var title: String {
        switch self {
        case .claims: "claim spans"
        case .mentions: "mention spans"
        case .evidence: "stance evidence"
        case .cues: "cue spans"
        }
    }
}
