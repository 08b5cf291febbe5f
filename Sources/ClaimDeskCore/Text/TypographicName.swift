/// A name typed with straight quotes, spelt as the article spells it.
///
/// Analysts type `O'Brien`; the wire story prints `O’Brien`. A source created from the typed
/// name would not look like the text in exports and reports, so the article's form is kept when
/// it occurs there with the same letters (and case), differing only in its quotation marks.
public enum TypographicName {
    static let straight: Set<Unicode.Scalar> = ["'", "\""]

    /// The article's spelling of `name`, or `name` itself when it has no straight quote or the
    /// text does not hold it.
    public static func form(of name: String, in text: ArticleText) -> String {
        guard name.unicodeScalars.contains(where: { straight.contains($0) }) else { return name }
        let typed = Array(name.unicodeScalars)
        let folded = FoldedText(text.scalars, caseInsensitive: false)
        for hit in folded.occurrences(of: FoldedText.pattern(name, caseInsensitive: false)) {
            let found = Array(text.scalars[hit])
            // Only quotation marks may differ: the same number of code points, the rest alike.
            guard found.count == typed.count,
                  zip(found, typed).allSatisfy({ $0 == $1 || straight.contains($1) }) else { continue }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: found)
            return String(view)
        }
        return name
    }
}
