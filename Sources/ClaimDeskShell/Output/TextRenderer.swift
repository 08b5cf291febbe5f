/// Renders styled output to text for a terminal or a pipe.
///
/// Colour is decided by the caller (TTY, `NO_COLOR`, `TERM=dumb`); every run
/// passes through ``TerminalSafeText`` whatever its origin. On a line that holds
/// right-to-left text the isolate marks of ``StyledLine`` become FSI/LRI/PDI, so
/// a bidi terminal orders the article text and keeps ids and markers in place.
public struct TextRenderer: Sendable {
    public var color: Bool

    public init(color: Bool) { self.color = color }

    public func render(_ line: StyledLine) -> String {
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
        case .end: "\u{2069}"
        }
    }

    public static func code(_ style: TextStyle) -> String? {
        switch style {
        case .plain: nil
        case .strong, .heading: "1"
        case .dim: "2"
        case .id: "36"
        case .hit: "7"
        case .error: "31"
        case .warning: "33"
        case .notice: "32"
        case .label: "35"
        case .span(.claim): "4;33"
        case .span(.mention): "4;36"
        case .span(.evidence): "4;35"
        case .span(.cue): "4;32"
        }
    }
}
