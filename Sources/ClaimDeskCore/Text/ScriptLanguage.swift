/// The languages whose writing the segmenter, the renderer and the exporters treat apart:
/// English (and any other Latin-script text) and the three Arabic-script languages of the news
/// analysts read.
///
/// The raw values are BCP 47 codes, as HTML `lang`, W3C `language` and `claimdesk segment
/// --lang` use them.
public enum ScriptLanguage: String, CaseIterable, Sendable {
    case english = "en"
    case arabic = "ar"
    case persian = "fa"
    case urdu = "ur"

    /// A language from a BCP 47 tag (`ar`, `fa-IR`, `ur-PK`, `en-GB`, `per`), or nil for any other.
    public init?(code: String) {
        let primary = code.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        switch primary {
        case "en", "eng": self = .english
        case "ar", "ara": self = .arabic
        case "fa", "fas", "per", "prs": self = .persian
        case "ur", "urd": self = .urdu
        default: return nil
        }
    }

    /// Written right to left.
    public var isRightToLeft: Bool { self != .english }

    /// Written in Arabic script, so the Arabic-script segmentation rules apply.
    public var usesArabicScript: Bool { self != .english }
}
