/// Which characters of untrusted text (articles, sessions, imports) must never reach a reader as
/// they are: controls that rewrite a terminal, and bidi marks that reorder or hide what is shown.
///
/// The terminal shows them as `\u{1B}`, exports as visible stand-ins; both ask here.
public enum UntrustedText {
    /// C0 and C1 controls and DEL (but newline and tab), and every bidi control: embeddings,
    /// overrides, isolates and the directional marks.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\n" || scalar == "\t" { return false }
        return scalar.properties.generalCategory == .control || scalar.properties.isBidiControl
    }
}
