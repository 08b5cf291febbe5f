/// Finds the stretches of UTF-8 text that may change under NFC, without normalising anything.
///
/// Most news text is its own NFC form, and the full normalisation is slow (a few MB/s), so only
/// what this cannot vouch for is normalised. Every code point is one of three kinds:
///
/// - a **boundary**: a starter that is its own NFC form and composes with nothing before it
///   (ASCII, everything below U+0300, and the script ranges of ``isStableStarter(_:)``). NFC of
///   a text is NFC of the pieces between boundaries, taken one by one;
/// - a **settled mark**: a combining mark that is its own NFC form and never the second half of
///   a composition (Arabic vowel marks, Hebrew points, the Devanagari virama). A run of them in
///   canonical order after a boundary is already NFC;
/// - anything else is **suspect**: the piece around it, from the boundary before it to the next
///   boundary, is handed to the full normalisation.
enum NFCQuickCheck {
    /// Byte ranges of `utf8` (valid UTF-8) that may change under NFC, ascending and disjoint.
    /// Each starts at a boundary (or the start of the text) and ends before one (or at the end),
    /// so normalising each on its own and splicing the results back gives NFC of the whole text.
    static func suspectRuns(_ utf8: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        scan(utf8) { runs.append($0); return true }
        return runs
    }

    /// Whether no code point of `utf8` is suspect: the text is its own NFC form.
    static func isKnownNFC(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var found = false
        scan(utf8) { _ in found = true; return false }
        return !found
    }

    /// Walks the text once, reporting each suspect run to `report` until it returns false.
    private static func scan(_ utf8: UnsafeBufferPointer<UInt8>, report: (Range<Int>) -> Bool) {
        guard let base = UnsafeRawPointer(utf8.baseAddress) else { return }
        let n = utf8.count
        var i = 0
        // The start of the piece the current code point belongs to, and the combining class of the
        // last settled mark since then (0 right after a boundary).
        var pieceStart = 0
        var lastClass: UInt8 = 0
        var runStart: Int?
        while i < n {
            let b0 = UInt32(utf8[i])
            if b0 < 0x80 {
                // ASCII: a boundary. Whole words of eight ASCII bytes are stepped over at once.
                if let start = runStart {
                    runStart = nil
                    guard report(start..<i) else { return }
                }
                i += 1
                while i + 8 <= n, base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                }
                while i < n, utf8[i] < 0x80 { i += 1 }
                pieceStart = i - 1
                lastClass = 0
                continue
            }
            let start = i
            let value: UInt32
            if b0 < 0xE0 {
                value = (b0 & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F)
                i += 2
            } else if b0 < 0xF0 {
                value = (b0 & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
                i += 3
            } else {
                value = (b0 & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12 | UInt32(utf8[i + 2] & 0x3F) << 6
                    | UInt32(utf8[i + 3] & 0x3F)
                i += 4
            }
            switch kind(of: value) {
            case .boundary:
                if let open = runStart {
                    runStart = nil
                    guard report(open..<start) else { return }
                }
                pieceStart = start
                lastClass = 0
            case .settledMark(let combiningClass):
                if runStart == nil {
                    if combiningClass >= lastClass {
                        lastClass = combiningClass
                    } else {
                        runStart = pieceStart  // out of canonical order: NFC reorders it
                    }
                }
            case .suspect:
                if runStart == nil { runStart = pieceStart }
            }
        }
        if let open = runStart { _ = report(open..<n) }
    }

    enum Kind: Equatable {
        case boundary
        case settledMark(combiningClass: UInt8)
        case suspect
    }

    /// What the quick check knows about a code point (see the type's description).
    static func kind(of v: UInt32) -> Kind {
        if v < 0x300 { return .boundary }
        if (0x2002...0x206F).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xAC00...0xD7A3).contains(v) {
            return .boundary  // general punctuation, CJK ideographs, Hangul syllables: no marks among them
        }
        guard let scalar = Unicode.Scalar(v) else { return .suspect }
        let combiningClass = scalar.properties.canonicalCombiningClass.rawValue
        if combiningClass == 0 { return isStableStarter(v) ? .boundary : .suspect }
        return isSettledMark(v) ? .settledMark(combiningClass: combiningClass) : .suspect
    }

    /// Ranges whose starters (combining class 0) are their own NFC form and never compose with
    /// what comes before them. The combining marks inside these ranges are judged on their own.
    static func isStableStarter(_ v: UInt32) -> Bool {
        switch v {
        case 0x0388...0x03FF,  // Greek (after the singletons U+0374, U+037E, U+0387)
             0x0400...0x04FF,  // Cyrillic
             0x05D0...0x05EA,  // Hebrew letters
             0x0600...0x06FF,  // Arabic
             0x0900...0x0957,  // Devanagari (before the excluded nukta letters U+0958–U+095F)
             0x0960...0x097F,
             0x2002...0x206F,  // General punctuation (after the singletons U+2000, U+2001)
             0x20A0...0x20CF,  // Currency symbols
             0x2190...0x21FF,  // Arrows
             0x2500...0x27BF,  // Box drawing, shapes, dingbats
             0x3000...0x3098,  // CJK punctuation and kana (before the combining kana marks)
             0x309D...0x30FF,
             0x4E00...0x9FFF,  // CJK unified ideographs
             0xAC00...0xD7A3,  // Hangul syllables
             0xFF00...0xFFEF,  // Halfwidth and fullwidth forms (compatibility mappings only)
             0x1F300...0x1FAFF:  // Emoji
            return true
        default:
            return false
        }
    }

    /// Combining marks that are their own NFC form and never the second half of a composition,
    /// so they change nothing when they follow a starter in canonical order. (Hebrew points that
    /// are halves of the presentation forms, and the Arabic madda and hamza above and below, are
    /// not among them: U+0627 U+0654 composes to U+0623.)
    static func isSettledMark(_ v: UInt32) -> Bool {
        switch v {
        case 0x0591...0x05B3, 0x05B5...0x05B6, 0x05BA...0x05BB, 0x05BD, 0x05C4...0x05C5, 0x05C7,  // Hebrew
             0x0610...0x061A, 0x064B...0x0652, 0x0656...0x065F, 0x0670,  // Arabic vowel marks, shadda, sukun
             0x06D6...0x06DC, 0x06DF...0x06E4, 0x06E7...0x06E8, 0x06EA...0x06ED,  // Quranic annotation
             0x094D, 0x0951...0x0954:  // Devanagari virama and stress marks
            return true
        default:
            return false
        }
    }
}
