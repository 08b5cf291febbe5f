import ClaimDeskCore

/// Makes untrusted text safe to write to a terminal.
///
/// Article and session text may carry ESC sequences, other C0/C1 controls or
/// bidi overrides that would rewrite the screen or reorder what the analyst
/// reads; they are shown as `\u{1B}` instead. Everything passed here is one line of output, so
/// a newline (a name or note typed with one) is shown as `\n` rather than starting a line that
/// would look like ClaimDesk's own output.
public enum TerminalSafeText {
    public static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "\n" || isUnsafe($0) }) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                result += "\\n"
            } else if isUnsafe(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool { UntrustedText.isUnsafe(scalar) }
}
