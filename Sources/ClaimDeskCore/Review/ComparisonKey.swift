/// Keys under which two analysts' records are the same thing although their ids differ:
/// a source by its folded name, a proposition by its folded text.
///
/// Folding is the quote matching's (case, typographic quotes and apostrophes, runs of white
/// space), so "O'Brien" in one session meets "O’Brien" in the other.
enum ComparisonKey {
    static func folded(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for unit in FoldedText.pattern(text) {
            if let scalar = Unicode.Scalar(unit) { scalars.append(scalar) }
        }
        return String(scalars)
    }

    /// A source's key: its folded name, or the id when it is not in the registry.
    static func source(_ id: AnnotationID?, in session: Session) -> String {
        guard let id else { return "—" }
        guard let source = session.sources[id] else { return id.rawValue }
        return folded(source.name)
    }

    /// A stance target's key: a proposition's folded text, or a claim's span.
    static func target(_ id: AnnotationID, in session: Session) -> String {
        if let proposition = session.propositions[id] { return "proposition:" + folded(proposition.text) }
        if let claim = session.claims[id] { return "claim:" + TextSpan(claim.anchor.range).description }
        return id.rawValue
    }
}
