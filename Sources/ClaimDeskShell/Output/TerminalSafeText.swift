import ClaimDeskCore

/// Makes untrusted text safe to write to a terminal.
///
/// Article and session text may carry ESC sequences, other C0/C1 controls or
/// bidi overrides that would rewrite the screen or reorder what the analyst
/// reads; they are shown as `\u{1B}` instead. Everything passed here is one line of output, so
/// a newline (a name or note typed with one) is shown as `\n` rather than starting a line that
/// would look like ClaimDesk's own output.
public enum TerminalSafeText {
    public static func escape(_ text: String) -> String { UntrustedText.visible(text) }

    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool { UntrustedText.isUnsafe(scalar) }
}
