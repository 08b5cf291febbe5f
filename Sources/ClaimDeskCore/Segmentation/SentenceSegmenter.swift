/// Splits text into paragraphs and sentences.
///
/// A first, simple rule set: paragraphs at blank lines, sentences after `.`, `!`
/// or `?` (with any closing quotes or brackets) followed by white space and an
/// upper-case letter, a digit or an opening quote, unless the word before the
/// full stop is a known abbreviation or a single initial.
public struct SentenceSegmenter: Sendable {
    public init() {}

    public func segment(_ text: String) -> Segmentation {
        segment(Array(text.unicodeScalars))
    }

    public func segment(_ scalars: [Unicode.Scalar]) -> Segmentation {
        var paragraphs: [Range<Int>] = []
        var sentences: [Segmentation.Sentence] = []
        for block in paragraphRanges(scalars) {
            let paragraph = paragraphs.count
            paragraphs.append(block)
            for sentence in sentenceRanges(scalars, in: block) {
                sentences.append(.init(range: sentence, paragraph: paragraph))
            }
        }
        return Segmentation(paragraphs: paragraphs, sentences: sentences)
    }

    /// Paragraphs are runs of non-blank lines separated by blank lines, trimmed of white space.
    func paragraphRanges(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var lineStart = 0
        var paragraphStart: Int? = nil
        var lastContentEnd = 0
        var i = 0
        while i <= s.count {
            if i == s.count || s[i] == "\n" {
                let line = lineStart..<i
                let blank = line.allSatisfy { s[$0].properties.isWhitespace }
                if blank {
                    if let start = paragraphStart {
                        result.append(start..<lastContentEnd)
                        paragraphStart = nil
                    }
                } else {
                    var first = lineStart
                    while s[first].properties.isWhitespace { first += 1 }
                    var last = i
                    while s[last - 1].properties.isWhitespace { last -= 1 }
                    if paragraphStart == nil { paragraphStart = first }
                    lastContentEnd = last
                }
                lineStart = i + 1
            }
            i += 1
        }
        if let start = paragraphStart { result.append(start..<lastContentEnd) }
        return result
    }

    func sentenceRanges(_ s: [Unicode.Scalar], in block: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = block.lowerBound
        var i = block.lowerBound
        while i < block.upperBound {
            let c = s[i]
            if c == "." || c == "!" || c == "?" || c == "…" {
                var end = i + 1
                while end < block.upperBound, Self.isTerminalOrCloser(s[end]) { end += 1 }
                if end < block.upperBound, s[end].properties.isWhitespace {
                    var next = end
                    while next < block.upperBound, s[next].properties.isWhitespace { next += 1 }
                    if next < block.upperBound, Self.canStartSentence(s[next]),
                       !(c == "." && isAbbreviation(s, endingAt: i, from: start)) {
                        result.append(start..<end)
                        start = next
                        i = next
                        continue
                    }
                }
                i = end
                continue
            }
            i += 1
        }
        if start < block.upperBound { result.append(start..<block.upperBound) }
        return result
    }

    static func isTerminalOrCloser(_ c: Unicode.Scalar) -> Bool {
        ".!?…\"”’')]»".unicodeScalars.contains(c)
    }

    static func canStartSentence(_ c: Unicode.Scalar) -> Bool {
        c.properties.isUppercase || c.properties.numericType != nil || "\"“‘'([«".unicodeScalars.contains(c)
    }

    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "adm", "sgt", "capt", "sen", "rep",
        "gov", "pres", "st", "jr", "sr", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "inc", "corp", "co", "ltd", "no", "vs", "etc", "u.s", "u.k", "u.n", "e.u",
        "a.m", "p.m", "e.g", "i.e", "mt", "ft", "gov", "lt. col",
    ]

    /// Whether the word that ends at the full stop `dot` is an abbreviation or an initial.
    func isAbbreviation(_ s: [Unicode.Scalar], endingAt dot: Int, from start: Int) -> Bool {
        var wordStart = dot
        while wordStart > start, !s[wordStart - 1].properties.isWhitespace, s[wordStart - 1] != "(" {
            wordStart -= 1
        }
        let word = String(String.UnicodeScalarView(s[wordStart..<dot])).lowercased()
        if word.count == 1, word.unicodeScalars.first!.properties.isAlphabetic { return true }
        return Self.abbreviations.contains(word)
    }
}
