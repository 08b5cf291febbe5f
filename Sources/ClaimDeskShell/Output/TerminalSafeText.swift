import ClaimDeskCore

/// Makes untrusted text safe to write to a terminal.
///
/// Article and session text may carry ESC sequences, other C0/C1 controls or
/// bidi overrides that would rewrite the screen or reorder what the analyst
/// reads; they are shown as `\u{1B}` instead. Everything passed here is one line of output, so
/// a newline (a name or note typed with one) is shown as `\n` rather than starting a line that
/// would look like ClaimDesk's own output. Zero-width characters and the line and paragraph
/// separators are shown too (`\u{200B}`), except a non-joiner or joiner inside a word of a
/// joining script or an emoji sequence (``UntrustedText/terminalVisible(_:)``).
public enum TerminalSafeText {
    public static func escape(_ text: String) -> String { UntrustedText.terminalVisible(text) }

    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool { UntrustedText.isUnsafe(scalar) }
}
