/// The part of a quote that re-anchoring changed, with a little context, so that "About 50 other
/// people were wounded" → "About 44 …" shows the 50 and the 44 however long the quote is.
public enum QuoteChange {
    /// `(old, new)` excerpts: the differing middle of each with up to `context` code points
    /// of shared text on either side, and "…" where text was left out.
    public static func excerpts(old: String, new: String, context: Int = 24, middle: Int = 60) -> (String, String) {
        let a = Array(old.unicodeScalars), b = Array(new.unicodeScalars)
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        func excerpt(_ s: [Unicode.Scalar]) -> String {
            let lead = max(0, prefix - context)
            let trail = min(s.count, s.count - suffix + context)
            var middlePart = Array(s[prefix..<(s.count - suffix)])
            if middlePart.count > middle { middlePart = Array(middlePart.prefix(middle / 2)) + ["…"] + Array(middlePart.suffix(middle / 2)) }
            var out = String.UnicodeScalarView()
            if lead > 0 { out.append("…") }
            out.append(contentsOf: s[lead..<prefix])
            out.append(contentsOf: middlePart)
            out.append(contentsOf: s[(s.count - suffix)..<trail])
            if trail < s.count { out.append("…") }
            return String(out)
        }
        return (excerpt(a), excerpt(b))
    }
}
