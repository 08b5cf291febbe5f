import ClaimDeskCore

/// Which annotations `list` and `review` show by review state and author.
///
/// `changed` is an annotation whose text re-anchoring changed and that nobody has decided on
/// since; `--changed` (``textChangedOnly``) is any annotation with a recorded text change.
struct ReviewFilter {
    enum State: String, CaseIterable {
        case open, accepted, rejected, changed
    }

    var state: State?
    var author: String?
    var textChangedOnly = false

    var isEmpty: Bool { state == nil && author == nil && !textChangedOnly }

    func matches(_ item: some Annotation) -> Bool {
        if let author, item.author.caseInsensitiveCompare(author) != .orderedSame,
           item.provenance?.analyst.caseInsensitiveCompare(author) != .orderedSame {
            return false
        }
        if textChangedOnly, item.review?.textChanges.isEmpty ?? true { return false }
        switch state {
        case nil: return true
        case .open?: return item.reviewStatus == .open
        case .accepted?: return item.reviewStatus == .accepted
        case .rejected?: return item.reviewStatus == .rejected
        case .changed?: return Self.awaitsReviewOfChangedText(item)
        }
    }

    /// Open because re-anchoring changed its text, with no decision since.
    static func awaitsReviewOfChangedText(_ item: some Annotation) -> Bool {
        guard let review = item.review, review.status == .open, !review.textChanges.isEmpty else { return false }
        return review.latest?.reviewer == ReviewDecision.automaticReviewer
    }
}
