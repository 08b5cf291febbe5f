/// The tabs and spaces at the ends of a text: what Foundation's `trimmingCharacters(in:
/// .whitespaces)` removes (U+0009, the Unicode category Zs, and U+200B ZERO WIDTH SPACE, which
/// CoreFoundation counts among them), without Foundation.
///
/// `CharacterSet`'s first use in a process costs runtime type lookups: about 0.15 ms on the way
/// from a session's name to its opening, and more before the first prompt.
public enum Spaces {
    /// Whether `scalar` is a tab, a space separator (category Zs: the space, no-break space, the
    /// em and en spaces, the ideographic space…) or a zero width space. Line ends are not.
    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t"
            || (scalar.value > 0x7F && (scalar.value == 0x200B || scalar.properties.generalCategory == .spaceSeparator))
    }

    /// `text` without the tabs and spaces at either end; empty when it holds nothing else.
    public static func trimmed(_ text: Substring) -> Substring {
        trimmed(text, where: isSpace)
    }

    /// `text` without the tabs and spaces at either end.
    public static func trimmed(_ text: String) -> String {
        String(trimmed(Substring(text)))
    }

    /// `text` without the tabs, spaces and line ends (`\n`, `\r`) at either end: a line as a
    /// file holds it, such as a lock file's holder.
    public static func trimmedLine(_ text: String) -> String {
        String(trimmed(Substring(text)) { isSpace($0) || $0 == "\n" || $0 == "\r" })
    }

    private static func trimmed(_ text: Substring, where blank: (Unicode.Scalar) -> Bool) -> Substring {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !blank($0) }),
              let last = scalars.lastIndex(where: { !blank($0) }) else {
            return text[text.endIndex...]
        }
        return Substring(scalars[first...last])
    }
}
