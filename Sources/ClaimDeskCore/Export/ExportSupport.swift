import Foundation

/// File names and addresses made from session content, made safe.
public enum ExportNaming {
    /// A file name made from text a session carries (a title, a session name): letters and digits
    /// kept, every other run of characters one `-`, no leading dot, at most `limit` characters.
    /// It can never hold `/`, `..` or a control character, so content never escapes the chosen folder.
    public static func safeFileName(_ text: String, fallback: String, limit: Int = 60) -> String {
        var out = ""
        var pendingDash = false
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            let isWordScalar = (scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal || scalar == "_")
                && scalar.properties.generalCategory != .control && !scalar.properties.isBidiControl
            // A dot stays only right after a letter or digit ("report.v2"), never as "..".
            let keepsDot = scalar == "." && !pendingDash && (out.unicodeScalars.last.map { $0.properties.isAlphabetic || $0.properties.numericType == .decimal } ?? false)
            if isWordScalar || keepsDot {
                if pendingDash && !out.isEmpty {
                    if out.hasSuffix(".") { out.removeLast() }
                    out.append("-")
                }
                pendingDash = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
            if out.unicodeScalars.count >= limit { break }
        }
        while out.hasSuffix(".") || out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? fallback : out
    }

    /// The session's name as exports use it: its saved name, else `untitled`.
    public static func sessionName(_ session: Session) -> String {
        let name = session.name?.trimmingCharacters(in: .whitespaces) ?? ""
        return name.isEmpty ? "untitled" : name
    }
}

/// The IRIs an export gives annotations, analysts and articles.
///
/// With the session setting `baseURL`, ids are `BASE/c1`; without it, `urn:claimdesk:SESSION:c1`.
/// An article is always `urn:sha256:HEX`, the hash of the exact text its offsets count in.
struct ExportIdentifiers {
    let base: String?
    let session: String
    /// `urn:claimdesk:SESSION:`, encoded once rather than for every id.
    private let sessionURN: String

    init(_ session: Session) throws(ExportError) {
        self.session = ExportNaming.sessionName(session)
        sessionURN = "urn:claimdesk:" + Self.percentEncoded(self.session) + ":"
        if let base = session.settings.baseURL?.trimmingCharacters(in: .whitespaces), !base.isEmpty {
            guard WebAddress.isValid(base) else { throw .badBaseURL(base) }
            self.base = base
        } else {
            base = nil
        }
    }

    /// An id under this session: `BASE/NAME` or `urn:claimdesk:SESSION:NAME`.
    func local(_ name: String) -> String {
        if let base {
            return base.hasSuffix("/") || base.hasSuffix("#") ? base + name : base + "/" + name
        }
        return sessionURN + name
    }

    func annotation(_ id: AnnotationID) -> String { local(id.rawValue) }

    /// An analyst as an agent: `BASE/analysts/NAME` or `urn:claimdesk:analyst:NAME`.
    func analyst(_ name: String) -> String {
        if base != nil { return local("analysts/" + Self.percentEncoded(name)) }
        return "urn:claimdesk:analyst:" + Self.percentEncoded(name)
    }

    /// The text an article's offsets count in: `urn:sha256:` and the SHA-256 of its UTF-8.
    static func articleSource(_ article: Article) -> String {
        "urn:sha256:" + SHA256Digest.hex(of: article.text)
    }

    /// Whether text is an absolute IRI: a scheme, a colon, and no space, control character or `<>"{}|\^``.
    static func isAbsoluteIRI(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let colon = scalars.firstIndex(of: ":"), colon > 0, colon < scalars.count - 1 else { return false }
        let scheme = scalars[..<colon]
        func isLetter(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
        guard let first = scheme.first, isLetter(first),
              scheme.allSatisfy({ isLetter($0) || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0) })
        else { return false }
        return !scalars.contains { $0.properties.isWhitespace || $0.properties.generalCategory == .control || "<>\"{}|\\^`".unicodeScalars.contains($0) }
    }

    /// An ASCII letter or digit, or one of `-._~`.
    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2D, 0x2E, 0x5F, 0x7E: true
        default: false
        }
    }

    /// Percent-encodes everything but ASCII letters, digits and `-._~`.
    static func percentEncoded(_ text: String) -> String {
        // Most names need nothing encoded: checked byte by byte first, as every annotation's creator is encoded.
        if text.utf8.allSatisfy(isUnreserved) { return text }
        var out = ""
        for byte in text.utf8 {
            let scalar = Unicode.Scalar(byte)
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-._~".unicodeScalars.contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }
}

/// An anchor placed in its article's current text: the quote and context as the text has them now.
///
/// The quote and context are cut from the text when asked for, not when the span is placed: most
/// callers want only the range (where a span is, which sentence), and an export places every
/// span several times.
struct PlacedSpan {
    let article: Article
    let range: Range<Int>

    /// The span's text.
    var exact: String { article.content.slice(range) }
    /// Where the up to ``Anchor/contextLength`` code points before the span lie in the text.
    var prefixRange: Range<Int> { max(0, range.lowerBound - Anchor.contextLength)..<range.lowerBound }
    /// Where the up to ``Anchor/contextLength`` code points after the span lie in the text.
    var suffixRange: Range<Int> { range.upperBound..<min(article.content.count, range.upperBound + Anchor.contextLength) }
}

extension Session {
    /// Where an anchor sits in the current text, or nil when it is orphaned, its article is gone or it is out of bounds.
    func placed(_ anchor: Anchor) -> PlacedSpan? {
        guard !anchor.isOrphaned, let article = articles[anchor.article] else { return nil }
        guard anchor.start >= 0, anchor.start < anchor.end, anchor.end <= article.content.count else { return nil }
        return PlacedSpan(article: article, range: anchor.range)
    }

    /// Whether an anchor can be placed in its article's current text (see ``placed(_:)``), without placing it.
    func canPlace(_ anchor: Anchor) -> Bool {
        guard !anchor.isOrphaned, let article = articles[anchor.article] else { return false }
        return anchor.start >= 0 && anchor.start < anchor.end && anchor.end <= article.content.count
    }

    /// Where each fragment of a span sits, in text order, leaving out those that cannot be placed;
    /// `warnings` hears of a fragment left out. Empty when the first fragment cannot be placed:
    /// the annotation is then left out whole, as a continuous span would be.
    func placedFragments(_ item: some Annotation & FragmentedSpan, warnings: inout [String]) -> [PlacedSpan] {
        guard let first = placed(item.anchor) else { return [] }
        let rest = item.moreFragments.compactMap(placed)
        if rest.count < item.moreFragments.count {
            warnings.append("\(item.id): \(item.moreFragments.count - rest.count) of its fragments left out (orphaned or out of bounds)")
        }
        return [first] + rest
    }

    /// The verdict a claim has before anyone reviews it: the taxonomy's first.
    var unreviewedVerdict: String { taxonomy.defaultLabel(.verdict) }
}

/// Text for documents a person reads (Markdown, HTML): control characters shown, never passed on.
enum VisibleText {
    /// Replaces C0 and C1 control characters (but tab and newline) with visible stand-ins, and bidi
    /// overrides and isolates with `⟨U+202E⟩`, so that untrusted text cannot hide or reorder what is shown.
    static func make(_ text: String) -> String {
        // Printable ASCII, tabs and line breaks (most text) need nothing: checked byte by byte,
        // without decoding code points.
        if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A || $0 == 0x09 }) { return text }
        guard text.unicodeScalars.contains(where: needsReplacing) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard needsReplacing(scalar) else { out.append(scalar); continue }
            if scalar.value < 0x20 {
                out.append(Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}")
            } else if scalar.value == 0x7F {
                out.append("\u{2421}")
            } else {
                out.append(contentsOf: String(format: "⟨U+%04X⟩", scalar.value).unicodeScalars)
            }
        }
        return String(out)
    }

    static func needsReplacing(_ scalar: Unicode.Scalar) -> Bool { UntrustedText.isUnsafe(scalar) }
}

/// Each article's claims, mentions and stances with evidence in it, in id order: gathered in
/// one pass over the session, so an export that goes article by article does not scan every
/// record once per article.
struct AnnotationsByArticle {
    private(set) var claims: [AnnotationID: [Claim]] = [:]
    private(set) var mentions: [AnnotationID: [Mention]] = [:]
    /// Stances with at least one evidence span in the article.
    private(set) var stances: [AnnotationID: [Stance]] = [:]

    init(_ session: Session) {
        for claim in session.orderedClaims { claims[claim.anchor.article, default: []].append(claim) }
        for mention in session.orderedMentions { mentions[mention.anchor.article, default: []].append(mention) }
        for stance in session.orderedStances {
            var seen: Set<AnnotationID> = []
            for anchor in stance.evidence where seen.insert(anchor.article).inserted {
                stances[anchor.article, default: []].append(stance)
            }
        }
    }

    func claims(in article: AnnotationID) -> [Claim] { claims[article] ?? [] }
    func mentions(in article: AnnotationID) -> [Mention] { mentions[article] ?? [] }
    func stances(in article: AnnotationID) -> [Stance] { stances[article] ?? [] }
}
