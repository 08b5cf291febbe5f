/// Renders styled output to text for a terminal or a pipe.
///
/// Colour is decided by the caller (TTY, `NO_COLOR`, `TERM=dumb`); every run
/// passes through ``TerminalSafeText`` whatever its origin. On a line that holds
/// right-to-left text the isolate marks of ``StyledLine`` become FSI/LRI/PDI, so
/// a bidi terminal orders the article text and keeps ids and markers in place.
///
/// With a `width` (a terminal), lines are wrapped at word boundaries to it by ``LineWrapper``;
/// without one (batch mode, a pipe) every record stays on one line, so scripts can rely on it.
public struct TextRenderer: Sendable {
    public var color: Bool
    /// The terminal's columns, or nil for no wrapping.
    public var width: Int?

    public init(color: Bool, width: Int? = nil) {
        self.color = color
        self.width = width
    }

    /// The line as text, wrapped into several lines (joined by newlines) when it is wider than `width`.
    public func render(_ line: StyledLine) -> String {
        guard let width else { return renderOne(line) }
        var safe = line
        for index in safe.runs.indices { safe.runs[index].text = TerminalSafeText.escape(safe.runs[index].text) }
        return LineWrapper(width: width).wrap(safe).map(renderOne).joined(separator: "\n")
    }

    private func renderOne(_ line: StyledLine) -> String {
        var out = ""
        let isolating = line.hasRightToLeftText
        for run in line.runs {
            if let mark = run.isolate {
                if isolating { out.unicodeScalars.append(Self.character(mark)) }
                continue
            }
            let text = TerminalSafeText.escape(run.text)
            if color, let code = Self.code(run.style) {
                out += "\u{1B}[" + code + "m" + text + "\u{1B}[0m"
            } else {
                out += text
            }
        }
        return out
    }

    public func render(_ lines: [StyledLine]) -> String {
        lines.map { render($0) + "\n" }.joined()
    }

    /// The isolate character for a mark: FSI, LRI or PDI. Only the renderer writes these; the same
    /// characters in article text are shown escaped (``TerminalSafeText``).
    static func character(_ mark: IsolateMark) -> Unicode.Scalar {
        switch mark {
        case .beginText: "\u{2068}"
        case .beginLabel: "\u{2066}"
        case .beginRightToLeft: "\u{2067}"
        case .end: "\u{2069}"
        }
    }

    /// The SGR parameters of a style.
    ///
    /// Chosen to read on dark and light backgrounds alike: no yellow (invisible on white) and no
    /// plain cyan (faint on white); ids are bold blue. The three kinds of annotated span differ
    /// in attribute as well as colour, so they stay apart on a monochrome terminal or for a reader
    /// who does not see the colours: a claim is underlined, a mention bold, evidence bold and
    /// underlined.
    public static func code(_ style: TextStyle) -> String? {
        switch style {
        case .plain: nil
        case .strong, .heading: "1"
        case .dim: "2"
        case .id: "1;34"
        case .hit: "7"
        case .error: "1;31"
        case .warning: "1;35"
        case .notice: "32"
        case .label: "35"
        case .span(.claim): "4;34"
        case .span(.mention): "1;32"
        case .span(.evidence): "1;4;35"
        case .span(.cue): "3;32"
        }
    }
}
