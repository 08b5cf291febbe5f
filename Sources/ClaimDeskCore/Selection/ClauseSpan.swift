/// Grows a span to the clause or the sentences around it, for `f2+` and `f2++`.
///
/// A clause here is what punctuation marks off inside a sentence: the words between commas,
/// semicolons, colons, dashes, brackets and quotation marks. That is the unit a quote or a
/// reported statement usually fills ("“We will not leave the strait,” he said" → the quote).
public enum ClauseSpan {
    /// Marks that end a clause.
    static let boundaries: Set<Unicode.Scalar> = [
        ",", ";", ":", "(", ")", "[", "]", "\"", "\u{201C}", "\u{201D}", "\u{201E}", "\u{00AB}", "\u{00BB}",
        "\u{2014}", "\u{2013}", "\u{060C}", "\u{061B}",
    ]

    /// The clause around `span`, within its sentences, without the spaces at either end.
    public static func clause(around span: Range<Int>, in text: ArticleText) -> Range<Int> {
        let limits = sentences(around: span, in: text)
        let scalars = text.scalars
        var start = span.lowerBound
        while start > limits.lowerBound, !boundaries.contains(scalars[start - 1]) { start -= 1 }
        var end = span.upperBound
        while end < limits.upperBound, !boundaries.contains(scalars[end]) { end += 1 }
        // A sentence's closing full stop is not part of the clause.
        while end > span.upperBound, [".", "!", "?"].contains(scalars[end - 1]) { end -= 1 }
        while start < span.lowerBound, scalars[start].properties.isWhitespace { start += 1 }
        while end > span.upperBound, scalars[end - 1].properties.isWhitespace { end -= 1 }
        return start..<end
    }

    /// The sentences `span` touches, from the first one's start to the last one's end.
    public static func sentences(around span: Range<Int>, in text: ArticleText) -> Range<Int> {
        let sentences = text.segmentation.sentences
        let indices = text.sentenceIndices(overlapping: span)
        guard !indices.isEmpty, indices.upperBound <= sentences.count else { return span }
        let whole = sentences[indices.lowerBound].range.lowerBound..<sentences[indices.upperBound - 1].range.upperBound
        return min(whole.lowerBound, span.lowerBound)..<max(whole.upperBound, span.upperBound)
    }
}
